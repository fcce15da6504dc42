package dev.lite4j.ops.spatial;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for space/depth/batch rearrangements and resizing. Versions are the
 * highest TF Lite defines (tools/versioning/op_version.cc); kernels reject the types of a version
 * they do not implement (RESIZE_BILINEAR v2 int8 and v4 int16).
 */
public final class SpatialOps {
  private SpatialOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.DEPTH_TO_SPACE, 2, DepthToSpace::new);
    b.add(BuiltinOperator.SPACE_TO_DEPTH, 2, SpaceToDepth::new);
    // v4 is int16 input, which these byte-moving kernels handle.
    b.add(BuiltinOperator.BATCH_TO_SPACE_ND, 4, BatchToSpaceNd::new);
    b.add(BuiltinOperator.SPACE_TO_BATCH_ND, 4, SpaceToBatchNd::new);
    b.add(BuiltinOperator.RESIZE_BILINEAR, 4, ResizeBilinear::new);
    b.add(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, 4, ResizeNearestNeighbor::new);
  }
}
