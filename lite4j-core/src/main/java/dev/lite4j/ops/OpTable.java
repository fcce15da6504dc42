package dev.lite4j.ops;

import dev.lite4j.ops.activation.ActivationOps;
import dev.lite4j.ops.conv.ConvOps;
import dev.lite4j.ops.elementwise.ElementwiseOps;
import dev.lite4j.ops.nn.NnOps;
import dev.lite4j.ops.reduce.ReduceOps;
import dev.lite4j.ops.shape.ShapeOps;
import dev.lite4j.ops.spatial.SpatialOps;

/**
 * The rows of {@link OpRegistry}: one {@link OpRegistry.Family} per operator family, each listing its
 * operators with the highest version implemented, followed by the operators left out on purpose.
 */
final class OpTable {
  private OpTable() {}

  static void registerAll(OpRegistry.Builder b) {
    b.add(new ElementwiseOps());
    b.add(new ActivationOps());
    b.add(new ConvOps());
    b.add(new ShapeOps());
    b.add(new SpatialOps());
    b.add(new ReduceOps());
    b.add(new NnOps());
    UnsupportedOps.register(b);
  }
}
