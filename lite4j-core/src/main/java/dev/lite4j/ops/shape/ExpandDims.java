package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * EXPAND_DIMS: inserts a size-1 dimension at the position given by the one-element int32/int64 axis
 * tensor (in [-rank-1, rank]; negative counts from the end). Any element type; a non-constant axis
 * makes the output dynamic.
 */
public final class ExpandDims implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    TensorBuffer axis = Movement.input(ctx, 1, "axis");
    Movement.requireMovable(ctx, in);
    Movement.requireSameType(ctx, in, ctx.output(0));
    IntTensors.requireIndexType(ctx, axis, "axis");
    if (!axis.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    ctx.setOutputShape(0, outputShape(ctx));
  }

  @Override
  public void run(OpContext ctx) {
    if (ctx.output(0).isDynamic()) {
      ctx.resizeDynamicOutput(0, outputShape(ctx));
    }
    Movement.copyAll(ctx.input(0), ctx.output(0));
  }

  private static int[] outputShape(OpContext ctx) {
    int[] in = ctx.input(0).shape();
    long a = IntTensors.scalar(ctx, ctx.input(1), "axis");
    // Positions range over rank + 1 slots (expand_dims.cc).
    int axis = IntTensors.axis(ctx, a, in.length + 1, "axis");
    int[] out = new int[in.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == axis ? 1 : in[j++];
    }
    return out;
  }
}
