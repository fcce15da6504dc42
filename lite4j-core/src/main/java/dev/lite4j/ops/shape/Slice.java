package dev.lite4j.ops.shape;

import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;

/**
 * SLICE: the box starting at {@code begin} of extent {@code size} (int32/int64 vectors, one entry per
 * input dimension; a size of -1 means "to the end"). Any element type; non-constant begin or size
 * makes the output dynamic.
 */
public final class Slice implements Kernel {
  static final int MAX_RANK = 8;

  private int base;
  private int[] count;
  private int[] step;
  private int[] counter;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 3, "expects 3 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    TensorBuffer begin = Movement.input(ctx, 1, "begin");
    TensorBuffer size = Movement.input(ctx, 2, "size");
    Movement.requireMovable(ctx, in);
    Movement.requireSameType(ctx, in, ctx.output(0));
    ctx.require(in.rank() <= MAX_RANK, "input rank %d is over %d", in.rank(), MAX_RANK);
    for (TensorBuffer t : new TensorBuffer[] {begin, size}) {
      IntTensors.requireIndexType(ctx, t, "begin and size");
      ctx.require(t.rank() == 1 && t.dim(0) == in.rank(), "begin and size must be vectors of length %d, "
          + "'%s' has shape %s", in.rank(), t.name(), java.util.Arrays.toString(t.shape()));
    }
    counter = new int[in.rank()];
    if (!begin.isConstant() || !size.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    ctx.setOutputShape(0, plan(ctx));
  }

  @Override
  public void run(OpContext ctx) {
    if (ctx.output(0).isDynamic()) {
      ctx.resizeDynamicOutput(0, plan(ctx));
    }
    TensorBuffer in = ctx.input(0);
    ElementBytes.gather(in.bytes(), base, count, step, ctx.output(0).bytes(), in.type().byteSize(), counter);
  }

  private int[] plan(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int rank = in.rank();
    int[] strides = Shapes.strides(in.shape());
    count = new int[rank];
    step = strides;
    base = 0;
    for (int d = 0; d < rank; d++) {
      long dim = in.dim(d);
      long b = IntTensors.get(ctx.input(1), d);
      long s = IntTensors.get(ctx.input(2), d);
      ctx.require(b >= 0 && b <= dim, "begin %d of dimension %d is outside [0, %d]", b, d, dim);
      if (s == -1) {
        s = dim - b;
      }
      ctx.require(s >= 0 && b + s <= dim, "size %d from begin %d exceeds dimension %d of size %d", s, b, d, dim);
      count[d] = (int) s;
      base += (int) b * strides[d];
    }
    return count.clone();
  }
}
