package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * The computation PAD and PADV2 share (TensorFlow Lite's pad.cc serves both): fill the output with the
 * pad value, then copy the input rows into place. The pad value is the optional third input, else 0,
 * or the output's zero point for quantized int8/uint8/int16 tensors.
 */
final class ConstantPad {
  private Paddings paddings;
  private int[] outStrides;
  private int[] counter;

  void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2 || ctx.inputCount() == 3, "expects 2 or 3 inputs, has %d",
        ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    TensorBuffer pads = Movement.input(ctx, 1, "paddings");
    TensorBuffer out = ctx.output(0);
    DataType type = in.type();
    switch (type) {
      case FLOAT32, INT32, INT64, INT8, UINT8, INT16 -> { }
      default -> throw ctx.unsupported("type " + type + " is not supported");
    }
    Movement.requireSameType(ctx, in, out);
    Paddings.checkShape(ctx, pads, in.rank());
    TensorBuffer value = ctx.input(2);
    if (value != null) {
      ctx.require(value.type() == type, "constant value type %s differs from input type %s", value.type(), type);
      ctx.require(value.numElements() == 1, "constant value must hold one element, it has shape %s",
          java.util.Arrays.toString(value.shape()));
      if (Movement.isQuantizedType(type)) {
        Movement.requireSameQuantization(ctx, value, out);
      }
    }
    counter = new int[in.rank()];
    if (!pads.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    paddings = Paddings.read(ctx, pads, in.shape(), null);
    ctx.setOutputShape(0, paddings.outputShape(in.shape()));
    outStrides = Shapes.strides(ctx.output(0).shape());
  }

  void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (out.isDynamic()) {
      paddings = Paddings.read(ctx, ctx.input(1), in.shape(), null);
      ctx.resizeDynamicOutput(0, paddings.outputShape(in.shape()));
      outStrides = Shapes.strides(out.shape());
    }
    int size = in.type().byteSize();
    ElementBytes.fill(out.bytes(), 0, out.numElements(), size, padBits(ctx));
    copyInput(in, out, size);
  }

  private static long padBits(OpContext ctx) {
    TensorBuffer value = ctx.input(2);
    TensorBuffer out = ctx.output(0);
    if (value != null) {
      return ElementBytes.bits(value.bytes(), 0, value.type().byteSize());
    }
    if (Movement.isQuantizedType(out.type())) {
      return out.quantization().zeroPoint();
    }
    return 0;
  }

  /** Copies each innermost row of the input to its padded place. */
  private void copyInput(TensorBuffer in, TensorBuffer out, int size) {
    int rank = in.rank();
    if (in.numElements() == 0) {
      return;
    }
    if (rank == 0) {
      ElementBytes.copyOne(in.bytes(), 0, out.bytes(), 0, size);
      return;
    }
    int[] inShape = in.shape();
    int last = rank - 1;
    int row = inShape[last];
    int to = 0;
    for (int d = 0; d < rank; d++) {
      to += paddings.before[d] * outStrides[d];
      counter[d] = 0;
    }
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    for (int from = 0; ; from += row) {
      ElementBytes.copy(src, from, dst, to, row, size);
      int d = last - 1;
      for (; d >= 0; d--) {
        to += outStrides[d];
        if (++counter[d] < inShape[d]) {
          break;
        }
        to -= outStrides[d] * inShape[d];
        counter[d] = 0;
      }
      if (d < 0) {
        return;
      }
    }
  }
}
