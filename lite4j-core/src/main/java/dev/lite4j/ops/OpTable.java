package dev.lite4j.ops;

import dev.lite4j.ops.activation.ActivationOps;
import dev.lite4j.ops.conv.ConvOps;
import dev.lite4j.ops.elementwise.ElementwiseOps;
import dev.lite4j.ops.nn.NnOps;
import dev.lite4j.ops.reduce.ReduceOps;
import dev.lite4j.ops.shape.ShapeOps;
import dev.lite4j.ops.spatial.SpatialOps;

/**
 * The rows of {@link OpRegistry}: one call per operator family, each listing its operators with the
 * highest version implemented, followed by the operators left out on purpose.
 */
final class OpTable {
  private OpTable() {}

  static void registerAll(OpRegistry.Builder b) {
    ElementwiseOps.register(b);
    ActivationOps.register(b);
    ConvOps.register(b);
    ShapeOps.register(b);
    SpatialOps.register(b);
    ReduceOps.register(b);
    NnOps.register(b);
    UnsupportedOps.register(b);
  }
}
