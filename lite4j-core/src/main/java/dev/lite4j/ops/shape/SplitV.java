package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.SplitVOptions;

/**
 * SPLIT_V: cuts the input along an axis (input 2, one int32/int64 element) into parts of the sizes in
 * {@code size_splits} (input 1, an int32/int64 vector with one entry per output; at most one -1, which
 * takes what the others leave). Any element type; non-constant sizes or axis make every output dynamic.
 */
public final class SplitV implements Kernel {
  private int axis;
  private int[] sizes;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 3, "expects 3 inputs, has %d", ctx.inputCount());
    TensorBuffer in = Movement.input(ctx, 0, "input");
    TensorBuffer sizeSplits = Movement.input(ctx, 1, "size_splits");
    TensorBuffer axisTensor = Movement.input(ctx, 2, "axis");
    int num = ctx.options(new SplitVOptions()).numSplits();
    ctx.require(num >= 1 && ctx.outputCount() == num, "num_splits %d does not match the %d outputs", num,
        ctx.outputCount());
    Movement.requireMovable(ctx, in);
    for (int i = 0; i < num; i++) {
      Movement.requireSameType(ctx, in, ctx.output(i));
    }
    IntTensors.requireIndexType(ctx, sizeSplits, "size_splits");
    IntTensors.requireIndexType(ctx, axisTensor, "axis");
    ctx.require(sizeSplits.rank() == 1 && sizeSplits.dim(0) == num,
        "size_splits shape %s does not list %d sizes", Arrays.toString(sizeSplits.shape()), num);
    if (!sizeSplits.isConstant() || !axisTensor.isConstant()) {
      for (int i = 0; i < num; i++) {
        ctx.setOutputDynamic(i);
      }
      return;
    }
    plan(ctx);
    for (int i = 0; i < num; i++) {
      ctx.setOutputShape(i, outputShape(ctx.input(0).shape(), i));
    }
  }

  /** Reads the axis and the sizes, inferring the -1 entry (split_v.cc). */
  private void plan(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    axis = IntTensors.axis(ctx, IntTensors.scalar(ctx, ctx.input(2), "axis"), in.rank(), "axis");
    int[] requested = IntTensors.read(ctx, ctx.input(1), "size_splits");
    int inferred = -1;
    long sum = 0;
    for (int i = 0; i < requested.length; i++) {
      long s = requested[i];
      if (s == -1) {
        ctx.require(inferred == -1, "size_splits %s has more than one -1", Arrays.toString(requested));
        inferred = i;
      } else {
        ctx.require(s >= 0 && s <= Integer.MAX_VALUE, "size_splits %s has a negative size",
            Arrays.toString(requested));
        sum += s;
      }
    }
    long dim = in.dim(axis);
    if (inferred != -1) {
      ctx.require(sum <= dim, "size_splits %s exceed dimension %d of size %d", Arrays.toString(requested),
          axis, dim);
      requested[inferred] = (int) (dim - sum);
    } else {
      ctx.require(sum == dim, "size_splits %s do not add up to dimension %d of size %d",
          Arrays.toString(requested), axis, dim);
    }
    sizes = new int[requested.length];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = (int) requested[i];
    }
  }

  private int[] outputShape(int[] inShape, int i) {
    int[] shape = inShape.clone();
    shape[axis] = sizes[i];
    return shape;
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int num = ctx.outputCount();
    if (ctx.output(0).isDynamic()) {
      plan(ctx);
      for (int i = 0; i < num; i++) {
        ctx.resizeDynamicOutput(i, outputShape(in.shape(), i));
      }
    }
    int[] shape = in.shape();
    int outer = Shapes.product(shape, 0, axis);
    int inner = Shapes.product(shape, axis + 1, shape.length);
    int block = shape[axis] * inner;
    int size = in.type().byteSize();
    int offset = 0;
    for (int i = 0; i < num; i++) {
      int part = sizes[i] * inner;
      Movement.copyBlocks(in.bytes(), block, offset, ctx.output(i).bytes(), part, 0, part, outer, size);
      offset += part;
    }
  }
}
