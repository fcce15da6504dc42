package dev.lite4j.ops.spatial;

import dev.lite4j.ops.OpRegistry;

/** Rows of the operator table for space/depth/batch rearrangements and resizing. */
public final class SpatialOps {
  private SpatialOps() {}

  public static void register(OpRegistry.Builder b) {
  }
}
