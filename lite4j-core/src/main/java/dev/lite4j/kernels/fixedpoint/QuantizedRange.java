package dev.lite4j.kernels.fixedpoint;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.ActivationFunctionType;

/**
 * The integer range an output of a quantized kernel is clamped to: the type's range cut by the fused
 * activation, as TensorFlow Lite's {@code CalculateActivationRangeQuantized} computes it.
 */
public record QuantizedRange(int min, int max) {
  /** The full range of an INT8, UINT8, INT16 or INT32 type. */
  public static QuantizedRange of(DataType type) {
    return switch (type) {
      case INT8 -> new QuantizedRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case UINT8 -> new QuantizedRange(0, 255);
      case INT16 -> new QuantizedRange(Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32 -> new QuantizedRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
      default -> throw new IllegalArgumentException(type + " is not a quantized integer type");
    };
  }

  /**
   * The clamp range of {@code output} under fused activation {@code code}: RELU from the quantized 0,
   * RELU6 from 0 to the quantized 6, RELU_N1_TO_1 between the quantized -1 and 1, each cut to the type's
   * range; a real value q is quantized as {@code zero_point + round(q / scale)} in float.
   */
  public static QuantizedRange forActivation(OpContext ctx, TensorBuffer output, byte code) {
    QuantizedRange full = of(output.type());
    float scale = output.quantization().scale();
    int zeroPoint = output.quantization().zeroPoint();
    return switch (code) {
      case ActivationFunctionType.NONE -> full;
      case ActivationFunctionType.RELU -> new QuantizedRange(Math.max(full.min, quantize(0f, scale, zeroPoint)), full.max);
      case ActivationFunctionType.RELU6 -> new QuantizedRange(Math.max(full.min, quantize(0f, scale, zeroPoint)),
          Math.min(full.max, quantize(6f, scale, zeroPoint)));
      case ActivationFunctionType.RELU_N1_TO_1 -> new QuantizedRange(Math.max(full.min, quantize(-1f, scale, zeroPoint)),
          Math.min(full.max, quantize(1f, scale, zeroPoint)));
      default -> throw ctx.unsupported("fused activation " + activationName(code) + " is not supported on "
          + output.type());
    };
  }

  /**
   * The quantized {@code real}, saturated to int32 (the C++ casts an out-of-range float, which is undefined; a
   * tiny scale must not wrap the sum around and invert the range).
   */
  static int quantize(float real, float scale, int zeroPoint) {
    return (int) (zeroPoint + (double) Rounding.roundHalfAway(real / scale)); // exact below 2^53; d2i saturates
  }

  private static String activationName(byte code) {
    return code >= 0 && code < ActivationFunctionType.names.length ? ActivationFunctionType.names[code] : "code " + code;
  }

  public int clamp(int v) {
    return Math.min(Math.max(v, min), max);
  }
}
