package dev.lite4j.kernels.fixedpoint;

/**
 * TensorFlow Lite's {@code GetInvSqrtQuantizedMultiplierExp}: 1 / sqrt(input) as a quantized multiplier,
 * by five Newton-Raphson steps in gemmlowp fixed point with 3 integer bits (bit-exact). Inputs 0 and 1 give
 * the largest multiplier with shift 0, as TF Lite handles them.
 */
public final class InvSqrt {
  private InvSqrt() {}

  /**
   * The multiplier and shift of 1 / sqrt(input), with the shift multiplied by {@code reverseShift}
   * (TF Lite's kernels pass -1, so the shift comes back as a right shift, negative or zero).
   */
  public static QuantizedMultiplier of(int input, int reverseShift) {
    if (input <= 1) {
      return new QuantizedMultiplier(Integer.MAX_VALUE, 0);
    }
    int shift = 11;
    while (input >= (1 << 29)) {
      input /= 4;
      ++shift;
    }
    int maxLeftShiftBitPairs = (Integer.numberOfLeadingZeros(input) - 1) / 2;
    int leftShiftBitPairs = maxLeftShiftBitPairs - 1;
    shift -= leftShiftBitPairs;
    input <<= 2 * leftShiftBitPairs;
    // Q3.28 values (gemmlowp FixedPoint<int32, 3>); products of Qa and Qb numbers are Q(a+b).
    int fixedInput = input >> 1;
    int halfInput = FixedPoint.roundingDivideByPot(fixedInput, 1);
    int halfThree = (1 << 28) + (1 << 27);
    int x = 1 << 28; // 1.0
    for (int i = 0; i < 5; i++) {
      int x3 = saturatingShiftLeft(mul(mul(x, x), x), 6); // Q9 -> Q3
      x = saturatingShiftLeft(mul(halfThree, x) - mul(halfInput, x3), 3); // Q6 -> Q3
    }
    int halfSqrt2 = 1518500250; // sqrt(2) / 2 in Q0.31
    x = mul(x, halfSqrt2);
    if (shift < 0) {
      x <<= -shift;
      shift = 0;
    }
    return new QuantizedMultiplier(x, shift * reverseShift);
  }

  private static int mul(int a, int b) {
    return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
  }

  /** gemmlowp's SaturatingRoundingMultiplyByPOT for a positive exponent: a left shift that saturates. */
  static int saturatingShiftLeft(int x, int exponent) {
    int threshold = (1 << (31 - exponent)) - 1;
    if (x > threshold) {
      return Integer.MAX_VALUE;
    }
    if (x < -threshold) {
      return Integer.MIN_VALUE;
    }
    return x << exponent;
  }
}
