package dev.lite4j.ops.spatial;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpRegistry;

/**
 * Rows of the operator table for space/depth/batch rearrangements and resizing. Versions are the
 * highest TF Lite defines (tools/versioning/op_version.cc); kernels reject the types of a version
 * they do not implement (RESIZE_BILINEAR v2 int8 and v4 int16).
 */
public final class SpatialOps implements OpRegistry.Family {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case DEPTH_TO_SPACE -> row.upTo(2) ? new DepthToSpace() : null;
      case SPACE_TO_DEPTH -> row.upTo(2) ? new SpaceToDepth() : null;
      // v4 is int16 input, which these byte-moving kernels handle.
      case BATCH_TO_SPACE_ND -> row.upTo(4) ? new BatchToSpaceNd() : null;
      case SPACE_TO_BATCH_ND -> row.upTo(4) ? new SpaceToBatchNd() : null;
      case RESIZE_BILINEAR -> row.upTo(4) ? new ResizeBilinear() : null;
      case RESIZE_NEAREST_NEIGHBOR -> row.upTo(4) ? new ResizeNearestNeighbor() : null;
      default -> null;
    };
  }
}
