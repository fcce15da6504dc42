package dev.lite4j.ops.activation;

import dev.lite4j.ops.OpRegistry;

/** Rows of the operator table for unary math operators, activations, casts and zeros/ones_like. */
public final class ActivationOps {
  private ActivationOps() {}

  public static void register(OpRegistry.Builder b) {
  }
}
