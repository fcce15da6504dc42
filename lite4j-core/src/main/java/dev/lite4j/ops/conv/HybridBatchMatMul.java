package dev.lite4j.ops.conv;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;

/** Placeholder: refuses the node until this kernel is written. */
public final class HybridBatchMatMul implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    throw ctx.unsupported("HybridBatchMatMul is not implemented yet");
  }

  @Override
  public void run(OpContext ctx) {
    throw new IllegalStateException("not prepared");
  }
}
