package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Set;

/**
 * Base of the two-input broadcasting element-wise kernels: checks that there are two inputs of one
 * type the op supports and an output of the type the op makes, reads the options, and plans the
 * broadcast walk ({@link #rows}) that the computation follows.
 */
abstract class BinaryKernel implements Kernel {
  private final Set<DataType> types;
  /** The walk of the output over inputs 0 and 1, set by prepare. */
  BroadcastRows rows;

  BinaryKernel(Set<DataType> types) {
    this.types = types;
  }

  /** The type of the output for inputs of {@code inputType}. */
  abstract DataType outputType(DataType inputType);

  /** Reads the op's options (after the type checks); nothing by default. */
  void readOptions(OpContext ctx) {}

  @Override
  public final void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2 && ctx.outputCount() == 1, "needs 2 inputs and 1 output, has %d and %d",
        ctx.inputCount(), ctx.outputCount());
    TensorBuffer a = ctx.input(0);
    TensorBuffer b = ctx.input(1);
    ctx.require(a != null && b != null, "both inputs are required");
    ctx.require(a.type() == b.type(), "input types differ: %s and %s", a.type(), b.type());
    if (!types.contains(a.type())) {
      throw ctx.unsupported("input type " + a.type() + " is not supported (supported: " + types + ")");
    }
    DataType out = outputType(a.type());
    ctx.require(ctx.output(0).type() == out, "output type is %s, expected %s", ctx.output(0).type(), out);
    readOptions(ctx);
    rows = BroadcastRows.forOutput(ctx, a, b);
  }
}
