package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * BROADCAST_TO: the input broadcast (NumPy rules, aligned at the last dimension) to the shape given
 * by an int32/int64 vector, up to rank 8 (broadcast_to.cc). Any element type; a non-constant shape
 * makes the output dynamic.
 */
public final class BroadcastTo extends StridedCopy {
  static final int MAX_RANK = 8;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer[] inputs = checkInputs(ctx, "input", "shape");
    TensorBuffer in = inputs[0];
    TensorBuffer shape = inputs[1];
    IntTensors.requireIndexType(ctx, shape, "shape");
    ctx.require(in.rank() <= MAX_RANK, "input rank %d is over %d", in.rank(), MAX_RANK);
    ctx.require(shape.rank() == 1, "shape must be a vector, it has shape %s", Arrays.toString(shape.shape()));
    int outRank = shape.dim(0);
    ctx.require(outRank <= MAX_RANK && outRank >= in.rank(),
        "output rank %d must lie between the input rank %d and %d", outRank, in.rank(), MAX_RANK);
    counter = new int[outRank];
    shapeOutput(ctx, shape.isConstant());
  }

  /** Checks that the input broadcasts to the requested shape; broadcast axes step 0 through the input. */
  @Override
  int[] plan(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    long[] requested = Movement.widen(IntTensors.read(ctx, ctx.input(1), "shape"));
    int[] shape = OutputShapes.of(ctx, requested);
    int extra = shape.length - in.rank();
    int[] inStrides = Shapes.strides(in.shape());
    count = shape.clone();
    step = new int[shape.length];
    for (int d = 0; d < in.rank(); d++) {
      int inDim = in.dim(d);
      ctx.require(inDim == 1 || inDim == shape[extra + d], "input shape %s does not broadcast to %s",
          Arrays.toString(in.shape()), Arrays.toString(shape));
      step[extra + d] = inDim == 1 ? 0 : inStrides[d];
    }
    return shape;
  }
}
