package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;

/**
 * SLICE: the box starting at {@code begin} of extent {@code size} (int32/int64 vectors, one entry per
 * input dimension; a size of -1 means "to the end"). Any element type; non-constant begin or size
 * makes the output dynamic.
 */
public final class Slice extends StridedCopy {
  static final int MAX_RANK = 8;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer[] inputs = checkInputs(ctx, "input", "begin", "size");
    TensorBuffer in = inputs[0];
    TensorBuffer begin = inputs[1];
    TensorBuffer size = inputs[2];
    ctx.require(in.rank() <= MAX_RANK, "input rank %d is over %d", in.rank(), MAX_RANK);
    for (TensorBuffer t : new TensorBuffer[] {begin, size}) {
      IntTensors.requireIndexType(ctx, t, "begin and size");
      ctx.require(t.rank() == 1 && t.dim(0) == in.rank(), "begin and size must be vectors of length %d, "
          + "'%s' has shape %s", in.rank(), t.name(), java.util.Arrays.toString(t.shape()));
    }
    counter = new int[in.rank()];
    shapeOutput(ctx, begin.isConstant() && size.isConstant());
  }

  @Override
  int[] plan(OpContext ctx) {
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
