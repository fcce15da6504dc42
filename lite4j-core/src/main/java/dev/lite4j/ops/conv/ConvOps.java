package dev.lite4j.ops.conv;

import dev.lite4j.ops.OpRegistry;

/** Rows of the operator table for convolutions and matrix products. */
public final class ConvOps {
  private ConvOps() {}

  public static void register(OpRegistry.Builder b) {
  }
}
