package dev.lite4j.ops.conv;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;

/** Placeholder: refuses the node until this kernel is written. */
public final class QuantizedDepthwiseConv2D implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    throw ctx.unsupported("QuantizedDepthwiseConv2D is not implemented yet");
  }

  @Override
  public void run(OpContext ctx) {
    throw new IllegalStateException("not prepared");
  }
}
