package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;

/**
 * TRANSPOSE: output dimension i is input dimension perm[i] (perm: an int32/int64 permutation of
 * [0, rank), rank up to 6 as TensorFlow Lite). Any element type; a non-constant perm makes the output
 * dynamic.
 */
public final class Transpose extends StridedCopy {
  static final int MAX_RANK = 6;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer[] inputs = checkInputs(ctx, "input", "perm");
    TensorBuffer in = inputs[0];
    TensorBuffer perm = inputs[1];
    IntTensors.requireIndexType(ctx, perm, "perm");
    ctx.require(in.rank() <= MAX_RANK, "input rank %d is over %d", in.rank(), MAX_RANK);
    ctx.require(perm.rank() == 1 && perm.dim(0) == in.rank(), "perm shape %s does not match input rank %d",
        java.util.Arrays.toString(perm.shape()), in.rank());
    counter = new int[in.rank()];
    shapeOutput(ctx, perm.isConstant());
  }

  /** Checks perm and sets the walk: output axis i runs over input axis perm[i]; returns the output shape. */
  @Override
  int[] plan(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer perm = ctx.input(1);
    int rank = in.rank();
    int[] inStrides = Shapes.strides(in.shape());
    boolean[] seen = new boolean[rank];
    count = new int[rank];
    step = new int[rank];
    for (int i = 0; i < rank; i++) {
      long p = IntTensors.get(perm, i);
      if (p < 0 || p >= rank || seen[(int) p]) {
        throw ctx.error("perm " + java.util.Arrays.toString(IntTensors.read(ctx, perm, "perm"))
            + " is not a permutation of [0, " + rank + ")");
      }
      seen[(int) p] = true;
      count[i] = in.dim((int) p);
      step[i] = inStrides[(int) p];
    }
    return count.clone();
  }
}
