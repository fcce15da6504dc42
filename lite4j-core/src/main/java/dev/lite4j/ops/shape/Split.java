package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.SplitOptions;

/**
 * SPLIT: cuts the input (input 1) into {@code num_splits} equal parts along the axis given by input 0
 * (a one-element int32/int64 tensor, negative counts from the end). Any element type; a non-constant
 * axis makes every output dynamic.
 */
public final class Split implements Kernel {
  private int axis;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    TensorBuffer axisTensor = Movement.input(ctx, 0, "axis");
    TensorBuffer in = Movement.input(ctx, 1, "input");
    int num = ctx.options(new SplitOptions()).numSplits();
    ctx.require(num >= 1 && ctx.outputCount() == num, "num_splits %d does not match the %d outputs", num,
        ctx.outputCount());
    Movement.requireMovable(ctx, in);
    for (int i = 0; i < num; i++) {
      Movement.requireSameType(ctx, in, ctx.output(i));
    }
    IntTensors.requireIndexType(ctx, axisTensor, "axis");
    if (!axisTensor.isConstant()) {
      for (int i = 0; i < num; i++) {
        ctx.setOutputDynamic(i);
      }
      return;
    }
    int[] shape = plan(ctx);
    for (int i = 0; i < num; i++) {
      ctx.setOutputShape(i, shape);
    }
  }

  /** Reads and checks the axis; returns every output's shape. */
  private int[] plan(OpContext ctx) {
    TensorBuffer in = ctx.input(1);
    axis = IntTensors.axis(ctx, IntTensors.scalar(ctx, ctx.input(0), "axis"), in.rank(), "axis");
    int num = ctx.outputCount();
    ctx.require(in.dim(axis) % num == 0, "dimension %d of size %d does not split evenly into %d", axis,
        in.dim(axis), num);
    int[] shape = in.shape().clone();
    shape[axis] /= num;
    return shape;
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(1);
    int num = ctx.outputCount();
    if (ctx.output(0).isDynamic()) {
      int[] shape = plan(ctx);
      for (int i = 0; i < num; i++) {
        ctx.resizeDynamicOutput(i, shape);
      }
    }
    int[] shape = in.shape();
    int outer = Shapes.product(shape, 0, axis);
    int inner = Shapes.product(shape, axis + 1, shape.length);
    int part = shape[axis] / num * inner;
    int size = in.type().byteSize();
    for (int i = 0; i < num; i++) {
      Movement.copyBlocks(in.bytes(), shape[axis] * inner, i * part, ctx.output(i).bytes(), part, 0, part,
          outer, size);
    }
  }
}
