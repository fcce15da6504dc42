package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/** LOGICAL_NOT: !a on a BOOL tensor. */
public final class LogicalNot implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 1 && ctx.outputCount() == 1, "needs 1 input and 1 output, has %d and %d",
        ctx.inputCount(), ctx.outputCount());
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null, "the input is required");
    if (in.type() != DataType.BOOL) {
      throw ctx.unsupported("input type " + in.type() + " is not supported (BOOL only)");
    }
    ctx.require(ctx.output(0).type() == DataType.BOOL, "output type is %s, expected BOOL", ctx.output(0).type());
    ctx.setOutputShape(0, in.shape());
  }

  @Override
  public void run(OpContext ctx) {
    ByteBuffer in = ctx.input(0).bytes();
    ByteBuffer out = ctx.output(0).bytes();
    for (int i = 0, n = ctx.output(0).numElements(); i < n; i++) {
      out.put(i, (byte) (in.get(i) == 0 ? 1 : 0));
    }
  }
}
