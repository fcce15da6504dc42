package dev.lite4j.kernels.fixedpoint;

/**
 * A real multiplier as TensorFlow Lite's integer kernels carry it: {@code real ~= multiplier * 2^(shift - 31)},
 * with {@code multiplier} a Q0.31 fixed-point number in [2^30, 2^31) (or 0) and {@code shift} the power of two
 * (positive: shift left). Derived exactly as {@code QuantizeMultiplier} in TensorFlow Lite's quantization_util.
 */
public record QuantizedMultiplier(int multiplier, int shift) {
  public static final QuantizedMultiplier ZERO = new QuantizedMultiplier(0, 0);

  /**
   * {@code QuantizeMultiplier}: frexp the real value into a mantissa in [0.5, 1) and an exponent, round the
   * mantissa half away from zero to 31 fractional bits; a mantissa that rounds up to 1.0 is halved (and the
   * exponent raised); a value below 2^-31 becomes zero.
   */
  public static QuantizedMultiplier of(double real) {
    if (real == 0.0 || !Double.isFinite(real)) {
      return ZERO;
    }
    int exponent = frexpExponent(real);
    double mantissa = Math.scalb(real, -exponent);
    long fixed = Math.round(Math.abs(mantissa) * (1L << 31)) * (long) Math.signum(mantissa);
    if (fixed == (1L << 31)) {
      fixed /= 2;
      exponent++;
    }
    if (exponent < -31) {
      return ZERO;
    }
    return new QuantizedMultiplier((int) fixed, exponent);
  }

  /** {@code QuantizeMultiplierSmallerThanOneExp}: the same derivation for a multiplier in (0, 1); refuses others. */
  public static QuantizedMultiplier smallerThanOne(double real) {
    if (!(real > 0.0 && real < 1.0)) {
      throw new IllegalArgumentException("multiplier " + real + " is not in (0, 1)");
    }
    QuantizedMultiplier m = of(real);
    if (m.shift > 0) {
      throw new IllegalArgumentException("multiplier " + real + " gave a left shift");
    }
    return m;
  }

  /** {@code QuantizeMultiplierGreaterThanOne}: the same derivation for a multiplier above 1 (left shift >= 0). */
  public static QuantizedMultiplier greaterThanOne(double real) {
    if (!(real > 1.0)) {
      throw new IllegalArgumentException("multiplier " + real + " is not greater than 1");
    }
    return of(real);
  }

  /** The exponent frexp gives: real = m * 2^e with |m| in [0.5, 1). */
  static int frexpExponent(double real) {
    int e = Math.getExponent(real);
    if (e == Double.MIN_EXPONENT - 1) { // subnormal: scale into the normal range first
      return Math.getExponent(real * 0x1p54) - 54 + 1;
    }
    return e + 1;
  }

  /** x times this multiplier, rounded as TensorFlow Lite rounds it ({@link FixedPoint#multiplyByQuantizedMultiplier}). */
  public int apply(int x) {
    return FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift);
  }

  /** The real value this stands for (for messages and tests). */
  public double real() {
    return multiplier * Math.pow(2, shift - 31);
  }
}
