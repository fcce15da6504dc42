package dev.lite4j.ops.elementwise;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpRegistry;

/**
 * Rows of the operator table for element-wise operators. Max versions are TensorFlow Lite 2.6's
 * (kernels/register.cc); versions that only add quantized types register here too, and the kernel
 * refuses those types.
 */
public final class ElementwiseOps implements OpRegistry.Family {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case ADD -> row.upTo(4) ? new Add() : null;
      case SUB -> row.upTo(5) ? new Sub() : null;
      case MUL -> row.upTo(5) ? new Mul() : null;
      case DIV -> row.upTo(2) ? new Div() : null;
      case SQUARED_DIFFERENCE -> row.upTo(2) ? new SquaredDifference() : null;
      case MAXIMUM -> row.upTo(4) ? new Maximum() : null;
      case MINIMUM -> row.upTo(4) ? new Minimum() : null;
      case POW -> row.upTo(1) ? new Pow() : null;
      case FLOOR_DIV -> row.upTo(2) ? new FloorDiv() : null;
      case FLOOR_MOD -> row.upTo(1) ? new FloorMod() : null;
      case LESS -> row.upTo(2) ? new Less() : null;
      case LESS_EQUAL -> row.upTo(2) ? new LessEqual() : null;
      case GREATER -> row.upTo(2) ? new Greater() : null;
      case GREATER_EQUAL -> row.upTo(2) ? new GreaterEqual() : null;
      case EQUAL -> row.upTo(3) ? new Equal() : null;
      case NOT_EQUAL -> row.upTo(3) ? new NotEqual() : null;
      case LOGICAL_AND -> row.upTo(1) ? new LogicalAnd() : null;
      case LOGICAL_OR -> row.upTo(1) ? new LogicalOr() : null;
      case LOGICAL_NOT -> row.upTo(1) ? new LogicalNot() : null;
      case SELECT -> row.upTo(2) ? new Select() : null;
      case SELECT_V2 -> row.upTo(1) ? new SelectV2() : null;
      default -> null;
    };
  }
}
