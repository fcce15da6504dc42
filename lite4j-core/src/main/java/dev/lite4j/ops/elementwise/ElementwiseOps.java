package dev.lite4j.ops.elementwise;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/** Rows of the operator table for element-wise operators. */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.ADD, 4, Add::new);
  }
}
