package dev.lite4j.ops.shape;

import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * BROADCAST_TO: the input broadcast (NumPy rules, aligned at the last dimension) to the shape given
 * by an int32/int64 vector, up to rank 8 (broadcast_to.cc). Any element type; a non-constant shape
 * makes the output dynamic.
 */
public final class BroadcastTo implements Kernel {
  static final int MAX_RANK = 8;

  private int[] count;
  private int[] step;
  private int[] counter;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    TensorBuffer shape = Movement.input(ctx, 1, "shape");
    Movement.requireMovable(ctx, in);
    Movement.requireSameType(ctx, in, ctx.output(0));
    IntTensors.requireIndexType(ctx, shape, "shape");
    ctx.require(in.rank() <= MAX_RANK, "input rank %d is over %d", in.rank(), MAX_RANK);
    ctx.require(shape.rank() == 1, "shape must be a vector, it has shape %s", Arrays.toString(shape.shape()));
    int outRank = shape.dim(0);
    ctx.require(outRank <= MAX_RANK && outRank >= in.rank(),
        "output rank %d must lie between the input rank %d and %d", outRank, in.rank(), MAX_RANK);
    counter = new int[outRank];
    if (!shape.isConstant()) {
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
    ElementBytes.gather(in.bytes(), 0, count, step, ctx.output(0).bytes(), in.type().byteSize(), counter);
  }

  /** Checks that the input broadcasts to the requested shape; broadcast axes step 0 through the input. */
  private int[] plan(OpContext ctx) {
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
