package dev.lite4j.ops.shape;

import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * FILL: a tensor of the shape given by {@code dims} (an int32/int64 vector, entries >= 0) with every
 * element equal to the scalar {@code value}, of any fixed-size type. Non-constant dims make the
 * output dynamic (fill.cc).
 */
public final class Fill implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer dims = Movement.input(ctx, 0, "dims");
    TensorBuffer value = Movement.input(ctx, 1, "value");
    Movement.requireMovable(ctx, value);
    Movement.requireSameType(ctx, value, ctx.output(0));
    IntTensors.requireIndexType(ctx, dims, "dims");
    ctx.require(dims.rank() == 1, "dims must be a vector, it has shape %s", Arrays.toString(dims.shape()));
    ctx.require(value.rank() == 0, "value must be a scalar, it has shape %s", Arrays.toString(value.shape()));
    if (!dims.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    ctx.setOutputShape(0, outputShape(ctx));
  }

  private static int[] outputShape(OpContext ctx) {
    return OutputShapes.of(ctx, Movement.widen(IntTensors.read(ctx, ctx.input(0), "dims")));
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer out = ctx.output(0);
    if (out.isDynamic()) {
      ctx.resizeDynamicOutput(0, outputShape(ctx));
    }
    TensorBuffer value = ctx.input(1);
    int size = value.type().byteSize();
    ElementBytes.fill(out.bytes(), 0, out.numElements(), size, ElementBytes.bits(value.bytes(), 0, size));
  }
}
