package dev.lite4j.ops.activation;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpRegistry;

/**
 * Rows of the operator table for unary math operators, activations, casts and zeros_like. Max
 * versions are those of TF Lite's register.cc (current TF Lite; versions beyond the float32 one
 * mark quantized or other types, which the kernels refuse with UnsupportedOperatorException).
 */
public final class ActivationOps implements OpRegistry.Family {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      // Element-wise math (elementwise.cc, exp.cc, neg.cc, floor.cc, ceil.cc, round.cc).
      case ABS -> row.upTo(5) ? new Abs() : null;
      case NEG -> row.upTo(1) ? new Neg() : null;
      case SQRT -> row.upTo(2) ? new Sqrt() : null;
      case RSQRT -> row.upTo(3) ? new Rsqrt() : null;
      case EXP -> row.upTo(2) ? new Exp() : null;
      case LOG -> row.upTo(2) ? new Log() : null;
      case SIN -> row.upTo(1) ? new Sin() : null;
      case COS -> row.upTo(1) ? new Cos() : null;
      case SQUARE -> row.upTo(1) ? new Square() : null;
      case FLOOR -> row.upTo(1) ? new Floor() : null;
      case CEIL -> row.upTo(1) ? new Ceil() : null;
      case ROUND -> row.upTo(1) ? new Round() : null;
      // Activations (activations.cc, gelu.cc).
      case RELU -> row.upTo(3) ? new Relu() : null;
      case RELU6 -> row.upTo(3) ? new Relu6() : null;
      case RELU_N1_TO_1 -> row.upTo(1) ? new ReluN1To1() : null;
      case RELU_0_TO_1 -> row.upTo(1) ? new Relu0To1() : null;
      case LEAKY_RELU -> row.upTo(2) ? new LeakyRelu() : null;
      case PRELU -> row.upTo(1) ? new Prelu() : null;
      case ELU -> row.upTo(1) ? new Elu() : null;
      case GELU -> row.upTo(2) ? new Gelu() : null;
      case HARD_SWISH -> row.upTo(1) ? new HardSwish() : null;
      case LOGISTIC -> row.upTo(3) ? new Logistic() : null;
      case TANH -> row.upTo(3) ? new Tanh() : null;
      // Type conversion and constants-like.
      case CAST -> row.upTo(7) ? new Cast() : null;
      case ZEROS_LIKE -> row.upTo(1) ? new ZerosLike() : null;
      default -> null;
    };
  }
}
