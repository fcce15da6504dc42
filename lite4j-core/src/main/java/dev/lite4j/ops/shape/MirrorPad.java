package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import org.tensorflow.lite.schema.MirrorPadMode;
import org.tensorflow.lite.schema.MirrorPadOptions;

/**
 * MIRROR_PAD: pads with the input mirrored at each border, REFLECT (border element not repeated:
 * abc -> cb|abc|ba) or SYMMETRIC (repeated: abc -> ba|abc|cb). As mirror_pad.cc, each padding is at
 * most the dimension minus 1 (REFLECT) or the dimension (SYMMETRIC). Any element type; a
 * non-constant paddings matrix makes the output dynamic.
 */
public final class MirrorPad implements Kernel {
  /** 1 for REFLECT, 0 for SYMMETRIC: how far the mirror image starts from the border. */
  private int offset;
  private Paddings paddings;
  private int[] inStrides;
  private int[] counter;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    TensorBuffer pads = Movement.input(ctx, 1, "paddings");
    TensorBuffer out = ctx.output(0);
    Movement.requireMovable(ctx, in);
    Movement.requireSameType(ctx, in, out);
    Paddings.checkShape(ctx, pads, in.rank());
    byte mode = ctx.options(new MirrorPadOptions()).mode();
    ctx.require(mode == MirrorPadMode.REFLECT || mode == MirrorPadMode.SYMMETRIC, "unknown mode %d", mode);
    offset = mode == MirrorPadMode.REFLECT ? 1 : 0;
    if (Movement.isQuantizedType(in.type())) {
      Movement.requireSameQuantization(ctx, in, out);
      if (in.type() == DataType.INT16) {
        ctx.require(in.quantization().zeroPoint() == 0, "int16 tensors need zero point 0");
      }
    }
    counter = new int[in.rank()];
    inStrides = Shapes.strides(in.shape());
    if (!pads.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    paddings = read(ctx);
    ctx.setOutputShape(0, paddings.outputShape(in.shape()));
  }

  private Paddings read(OpContext ctx) {
    int[] inShape = ctx.input(0).shape();
    int[] max = new int[inShape.length];
    for (int d = 0; d < max.length; d++) {
      max[d] = inShape[d] - offset;
    }
    return Paddings.read(ctx, ctx.input(1), inShape, max);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (out.isDynamic()) {
      paddings = read(ctx);
      ctx.resizeDynamicOutput(0, paddings.outputShape(in.shape()));
    }
    if (out.numElements() == 0) {
      return;
    }
    int size = in.type().byteSize();
    if (in.rank() == 0) {
      ElementBytes.copyOne(in.bytes(), 0, out.bytes(), 0, size);
      return;
    }
    copyRows(in, out, size);
  }

  /** Input index that output index {@code o} of a dimension of size {@code dim} reads. */
  private int source(int o, int before, int dim) {
    int p = o - before;
    if (p < 0) {
      return -p - 1 + offset;
    }
    return p < dim ? p : 2 * dim - p - 1 - offset;
  }

  /** Walks the output rows; each reads one input row, mirrored at both ends. */
  private void copyRows(TensorBuffer in, TensorBuffer out, int size) {
    int rank = in.rank();
    int last = rank - 1;
    int[] inShape = in.shape();
    int[] outShape = out.shape();
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int row = outShape[last];
    int before = paddings.before[last];
    int dim = inShape[last];
    for (int d = 0; d < last; d++) {
      counter[d] = 0;
    }
    for (int to = 0; ; to += row) {
      int from = 0;
      for (int d = 0; d < last; d++) {
        from += source(counter[d], paddings.before[d], inShape[d]) * inStrides[d];
      }
      for (int o = 0; o < before; o++) {
        ElementBytes.copyOne(src, from + source(o, before, dim), dst, to + o, size);
      }
      ElementBytes.copy(src, from, dst, to + before, dim, size);
      for (int o = before + dim; o < row; o++) {
        ElementBytes.copyOne(src, from + source(o, before, dim), dst, to + o, size);
      }
      int d = last - 1;
      for (; d >= 0; d--) {
        if (++counter[d] < outShape[d]) {
          break;
        }
        counter[d] = 0;
      }
      if (d < 0) {
        return;
      }
    }
  }
}
