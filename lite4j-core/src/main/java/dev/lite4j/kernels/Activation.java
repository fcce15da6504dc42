package dev.lite4j.kernels;

import dev.lite4j.ops.OpContext;
import org.tensorflow.lite.schema.ActivationFunctionType;

/**
 * A fused activation as a clamp range, the way TensorFlow Lite applies it to float outputs
 * ({@code CalculateActivationRange}): NONE, RELU, RELU_N1_TO_1, RELU6.
 */
public record Activation(float min, float max) {
  /** No activation still clamps to the finite floats: TensorFlow Lite's range is lowest()..max(). */
  public static final Activation NONE = new Activation(-Float.MAX_VALUE, Float.MAX_VALUE);

  /** The range for the schema's {@code fused_activation_function} code; TANH and SIGN_BIT are refused. */
  public static Activation of(byte code, OpContext ctx) {
    return switch (code) {
      case ActivationFunctionType.NONE -> NONE;
      case ActivationFunctionType.RELU -> new Activation(0f, Float.MAX_VALUE);
      case ActivationFunctionType.RELU_N1_TO_1 -> new Activation(-1f, 1f);
      case ActivationFunctionType.RELU6 -> new Activation(0f, 6f);
      default -> throw ctx.unsupported("fused activation " + name(code) + " is not supported");
    };
  }

  private static String name(byte code) {
    return code >= 0 && code < ActivationFunctionType.names.length
        ? ActivationFunctionType.names[code] : "code " + code;
  }

  /** Clamps {@code v} to the range (NaN stays NaN, as with std::min/max in TensorFlow Lite's order). */
  public float apply(float v) {
    return Math.min(Math.max(v, min), max);
  }

  public boolean isNone() {
    return this.equals(NONE);
  }
}
