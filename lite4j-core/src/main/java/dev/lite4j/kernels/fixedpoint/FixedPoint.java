package dev.lite4j.kernels.fixedpoint;

/**
 * The integer arithmetic of TensorFlow Lite's quantized kernels (gemmlowp's fixed-point primitives and
 * quantization_util's rescaling), bit for bit. Every integer kernel rescales through these methods.
 */
public final class FixedPoint {
  private FixedPoint() {}

  /**
   * gemmlowp's {@code SaturatingRoundingDoublingHighMul}: the high 32 bits of 2ab, rounded to nearest with
   * ties away from zero; the one overflowing case (both MIN_VALUE) saturates to MAX_VALUE.
   */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == b && a == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * b;
    long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
    return (int) ((ab + nudge) / (1L << 31)); // C++ division: truncates toward zero, as Java's does
  }

  /** gemmlowp's {@code RoundingDivideByPOT}: x / 2^exponent rounded to nearest, ties away from zero. */
  public static int roundingDivideByPot(int x, int exponent) {
    int mask = (1 << exponent) - 1;
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /** {@link #roundingDivideByPot(int, int)} on 64-bit values. */
  public static long roundingDivideByPot(long x, int exponent) {
    long mask = (1L << exponent) - 1;
    long remainder = x & mask;
    long threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /**
   * {@code MultiplyByQuantizedMultiplier(int32 x, multiplier, shift)}: a left shift first when the shift is
   * positive (wrapping, as the C++ does), then the rounding doubling high multiply, then a rounding right
   * shift.
   */
  public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
    int leftShift = shift > 0 ? shift : 0;
    int rightShift = shift > 0 ? 0 : -shift;
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
  }

  /**
   * ruy's {@code MultiplyByQuantizedMultiplier} (what TensorFlow Lite 2.6's int8 GEMMs use on x86): one
   * rounding, {@code (x * multiplier + 2^(30 - shift)) >> (31 - shift)} in 64 bits, halves rounded up.
   * Differs from {@link #multiplyByQuantizedMultiplier(int, int, int)} by one in rare cases. Needs
   * {@code shift} in [-31, 30].
   */
  public static int multiplyByQuantizedMultiplierSingleRounding(int x, int multiplier, int shift) {
    int totalShift = 31 - shift;
    return (int) (((long) x * multiplier + (1L << (totalShift - 1))) >> totalShift);
  }

  /** {@code MultiplyByQuantizedMultiplierSmallerThanOneExp}: shift <= 0, no left shift. */
  public static int multiplyByQuantizedMultiplierSmallerThanOneExp(int x, int multiplier, int shift) {
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(x, multiplier), -shift);
  }

  /** {@code MultiplyByQuantizedMultiplierGreaterThanOne}: shift >= 0, a left shift only. */
  public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift) {
    return saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier);
  }

  /**
   * {@code MultiplyByQuantizedMultiplier(int64 x, ...)} of TensorFlow Lite 2.6 (16-bit activations with
   * 64-bit accumulators): the multiplier is first reduced to 15 fractional bits (rounded, capped at
   * 0x7FFF), then x * reduced is shifted right by 15 - shift with round-half-up.
   */
  public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
    int reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
    int totalShift = 15 - shift;
    long y = x * reduced + (1L << (totalShift - 1));
    return (int) (y >> totalShift);
  }

  /** Clamps {@code v} to [min, max]. */
  public static int clamp(int v, int min, int max) {
    return Math.min(Math.max(v, min), max);
  }

  /** gemmlowp's {@code SaturatingAdd} of 16-bit values (both inputs in int16 range). */
  public static int saturatingAdd16(int a, int b) {
    return clamp(a + b, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  /**
   * TensorFlow Lite's {@code CheckedLog2} in float: the rounded log2 of {@code x} when x is within 1e-3 (in
   * log2) of a power of two, else {@link Integer#MIN_VALUE}.
   */
  public static int log2IfPowerOfTwo(float x) {
    float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
    float rounded = Rounding.roundHalfAway(log2);
    return Math.abs(log2 - rounded) < 1e-3f ? (int) rounded : Integer.MIN_VALUE;
  }
}
