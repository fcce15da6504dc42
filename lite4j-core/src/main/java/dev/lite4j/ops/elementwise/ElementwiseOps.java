package dev.lite4j.ops.elementwise;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for element-wise operators. Max versions are TensorFlow Lite 2.6's
 * (kernels/register.cc); versions that only add quantized types register here too, and the kernel
 * refuses those types.
 */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.ADD, 4, Add::new);
    b.add(BuiltinOperator.SUB, 5, Sub::new);
    b.add(BuiltinOperator.MUL, 5, Mul::new);
    b.add(BuiltinOperator.DIV, 2, Div::new);
    b.add(BuiltinOperator.SQUARED_DIFFERENCE, 2, SquaredDifference::new);
    b.add(BuiltinOperator.MAXIMUM, 4, Maximum::new);
    b.add(BuiltinOperator.MINIMUM, 4, Minimum::new);
    b.add(BuiltinOperator.POW, 1, Pow::new);
    b.add(BuiltinOperator.FLOOR_DIV, 2, FloorDiv::new);
    b.add(BuiltinOperator.FLOOR_MOD, 1, FloorMod::new);
    b.add(BuiltinOperator.LESS, 2, Less::new);
    b.add(BuiltinOperator.LESS_EQUAL, 2, LessEqual::new);
    b.add(BuiltinOperator.GREATER, 2, Greater::new);
    b.add(BuiltinOperator.GREATER_EQUAL, 2, GreaterEqual::new);
    b.add(BuiltinOperator.EQUAL, 3, Equal::new);
    b.add(BuiltinOperator.NOT_EQUAL, 3, NotEqual::new);
    b.add(BuiltinOperator.LOGICAL_AND, 1, LogicalAnd::new);
    b.add(BuiltinOperator.LOGICAL_OR, 1, LogicalOr::new);
    b.add(BuiltinOperator.LOGICAL_NOT, 1, LogicalNot::new);
    b.add(BuiltinOperator.SELECT, 2, Select::new);
    b.add(BuiltinOperator.SELECT_V2, 1, SelectV2::new);
  }
}
