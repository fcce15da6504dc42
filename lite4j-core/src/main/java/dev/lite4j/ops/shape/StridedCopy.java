package dev.lite4j.ops.shape;

import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * Base of the operators whose output is one strided walk over the input's bytes (SLICE, STRIDED_SLICE,
 * TILE, TRANSPOSE, BROADCAST_TO, see {@link ElementBytes#gather}): a subclass checks its parameter
 * tensors and plans the walk; planning happens at prepare when the parameters are constant, else at
 * every run into a dynamic output. Any fixed-size element type.
 */
abstract class StridedCopy implements Kernel {
  /** The walk: input element {@code base}, then {@code count[d]} steps of {@code step[d]} elements per axis. */
  int base;
  int[] count;
  int[] step;
  /** Scratch for the walk, at least as long as {@code count}. */
  int[] counter;

  /** Checks the parameter values against the input, sets the walk and returns the output shape. */
  abstract int[] plan(OpContext ctx);

  /**
   * The node's checks common to these operators: exactly the inputs {@code names} (input 0 the data)
   * and one output of the data's type, which must be movable. Returns the inputs in order.
   */
  static TensorBuffer[] checkInputs(OpContext ctx, String... names) {
    ctx.require(ctx.inputCount() == names.length, "expects %d inputs, has %d", names.length, ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer[] inputs = new TensorBuffer[names.length];
    for (int i = 0; i < names.length; i++) {
      inputs[i] = Movement.input(ctx, i, names[i]);
    }
    Movement.requireMovable(ctx, inputs[0]);
    Movement.requireSameType(ctx, inputs[0], ctx.output(0));
    return inputs;
  }

  /** Plans now and sets the output shape when the parameters are constant, else makes the output dynamic. */
  final void shapeOutput(OpContext ctx, boolean parametersConstant) {
    if (parametersConstant) {
      ctx.setOutputShape(0, plan(ctx));
    } else {
      ctx.setOutputDynamic(0);
    }
  }

  /** Before each copy: plans a walk whose parameters were not constant at prepare. */
  void replan(OpContext ctx) {
    if (ctx.output(0).isDynamic()) {
      ctx.resizeDynamicOutput(0, plan(ctx));
    }
  }

  @Override
  public final void run(OpContext ctx) {
    replan(ctx);
    TensorBuffer in = ctx.input(0);
    ElementBytes.gather(in.bytes(), base, count, step, ctx.output(0).bytes(), in.type().byteSize(), counter);
  }
}
