package dev.lite4j.ops.activation;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for unary math operators, activations, casts and zeros_like. Max
 * versions are those of TF Lite's register.cc (current TF Lite; versions beyond the float32 one
 * mark quantized or other types, which the kernels refuse with UnsupportedOperatorException).
 */
public final class ActivationOps {
  private ActivationOps() {}

  public static void register(OpRegistry.Builder b) {
    // Element-wise math (elementwise.cc, exp.cc, neg.cc, floor.cc, ceil.cc, round.cc).
    b.add(BuiltinOperator.ABS, 5, Abs::new);
    b.add(BuiltinOperator.NEG, 1, Neg::new);
    b.add(BuiltinOperator.SQRT, 2, Sqrt::new);
    b.add(BuiltinOperator.RSQRT, 3, Rsqrt::new);
    b.add(BuiltinOperator.EXP, 2, Exp::new);
    b.add(BuiltinOperator.LOG, 2, Log::new);
    b.add(BuiltinOperator.SIN, 1, Sin::new);
    b.add(BuiltinOperator.COS, 1, Cos::new);
    b.add(BuiltinOperator.SQUARE, 1, Square::new);
    b.add(BuiltinOperator.FLOOR, 1, Floor::new);
    b.add(BuiltinOperator.CEIL, 1, Ceil::new);
    b.add(BuiltinOperator.ROUND, 1, Round::new);
    // Activations (activations.cc, gelu.cc).
    b.add(BuiltinOperator.RELU, 3, Relu::new);
    b.add(BuiltinOperator.RELU6, 3, Relu6::new);
    b.add(BuiltinOperator.RELU_N1_TO_1, 1, ReluN1To1::new);
    b.add(BuiltinOperator.RELU_0_TO_1, 1, Relu0To1::new);
    b.add(BuiltinOperator.LEAKY_RELU, 2, LeakyRelu::new);
    b.add(BuiltinOperator.PRELU, 1, Prelu::new);
    b.add(BuiltinOperator.ELU, 1, Elu::new);
    b.add(BuiltinOperator.GELU, 2, Gelu::new);
    b.add(BuiltinOperator.HARD_SWISH, 1, HardSwish::new);
    b.add(BuiltinOperator.LOGISTIC, 3, Logistic::new);
    b.add(BuiltinOperator.TANH, 3, Tanh::new);
    // Type conversion and constants-like.
    b.add(BuiltinOperator.CAST, 7, Cast::new);
    b.add(BuiltinOperator.ZEROS_LIKE, 1, ZerosLike::new);
  }
}
