package dev.lite4j.ops.shape;

import dev.lite4j.ops.OpRegistry;

/** Rows of the operator table for shape and data-movement operators. */
public final class ShapeOps {
  private ShapeOps() {}

  public static void register(OpRegistry.Builder b) {
  }
}
