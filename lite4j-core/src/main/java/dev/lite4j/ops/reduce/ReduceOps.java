package dev.lite4j.ops.reduce;

import dev.lite4j.ops.OpRegistry;

/** Rows of the operator table for reductions, arg max/min, cumulative sum and top-k. */
public final class ReduceOps {
  private ReduceOps() {}

  public static void register(OpRegistry.Builder b) {
  }
}
