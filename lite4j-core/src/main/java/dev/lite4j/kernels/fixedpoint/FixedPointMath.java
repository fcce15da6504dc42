package dev.lite4j.kernels.fixedpoint;

import static dev.lite4j.kernels.fixedpoint.FixedPoint.roundingDivideByPot;

/**
 * gemmlowp's fixed-point transcendental functions on 32-bit raw values, as TensorFlow Lite's integer
 * softmax, logistic, tanh and LSTM kernels use them, bit for bit. A value "Qm" has m integer bits and
 * 31 - m fractional bits (gemmlowp's {@code FixedPoint<int32_t, m>}); results are Q0.
 *
 * <p>Arithmetic follows gemmlowp's rules: + and - wrap, * of Qa by Qb is the rounding doubling high
 * multiply giving Q(a+b), rescaling between formats is a saturating rounding multiply by a power of two.
 */
public final class FixedPointMath {
  private FixedPointMath() {}

  /** Q0 one: gemmlowp's {@code One()} saturates to the largest raw value. */
  public static final int Q0_ONE = Integer.MAX_VALUE;

  private static int mul(int a, int b) {
    return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
  }

  /**
   * gemmlowp's {@code SaturatingRoundingMultiplyByPOT}: x * 2^exponent, saturating when shifting left,
   * rounding to nearest (ties away from zero) when shifting right.
   */
  public static int saturatingRoundingMultiplyByPot(int x, int exponent) {
    if (exponent == 0) {
      return x;
    }
    if (exponent < 0) {
      return roundingDivideByPot(x, -exponent);
    }
    int threshold = (1 << (31 - exponent)) - 1;
    if (x > threshold) {
      return Integer.MAX_VALUE;
    }
    if (x < -threshold) {
      return Integer.MIN_VALUE;
    }
    return x << exponent;
  }

  /** gemmlowp's {@code Rescale}: a Q{@code from} raw value as Q{@code to}. */
  public static int rescale(int raw, int from, int to) {
    return saturatingRoundingMultiplyByPot(raw, from - to);
  }

  /** gemmlowp's {@code RoundingHalfSum}: (a + b) / 2, rounded to nearest with ties away from zero. */
  public static int roundingHalfSum(int a, int b) {
    long sum = (long) a + b;
    long sign = sum >= 0 ? 1 : -1;
    return (int) ((sum + sign) / 2);
  }

  /** exp(a) for a Q0 value a in [-1/4, 0): a fourth-order Taylor expansion around -1/8. */
  static int expOnIntervalNegativeQuarterToZero(int a) {
    final int expMinusOneEighth = 1895147668; // exp(-1/8) in Q0
    final int oneThird = 715827883; // 1/3 in Q0
    int x = a + (1 << 28); // a + 1/8
    int x2 = mul(x, x);
    int x3 = mul(x2, x);
    int x4 = mul(x2, x2);
    int x4Over4 = saturatingRoundingMultiplyByPot(x4, -2);
    int poly = saturatingRoundingMultiplyByPot(mul(x4Over4 + x3, oneThird) + x2, -1);
    return expMinusOneEighth + mul(expMinusOneEighth, x + poly);
  }

  /** exp(-2^k) in Q0 for k = -2 .. 4: the barrel shifter's factors. */
  private static final int[] EXP_OF_MINUS_POT = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};

  /**
   * gemmlowp's {@code exp_on_negative_values}: exp(a) for a Q{@code integerBits} value a <= 0, as Q0. The
   * fractional quarter goes through the Taylor polynomial; each set bit of the rest multiplies by a
   * constant exp(-2^k); values below -32 give 0 and 0 gives one.
   */
  public static int expOnNegativeValues(int a, int integerBits) {
    int fractionalBits = 31 - integerBits;
    int oneQuarter = 1 << (fractionalBits - 2);
    int modQuarterMinusQuarter = (a & (oneQuarter - 1)) - oneQuarter;
    int result = expOnIntervalNegativeQuarterToZero(rescale(modQuarterMinusQuarter, integerBits, 0));
    int remainder = modQuarterMinusQuarter - a;
    for (int k = -2; k <= 4; k++) {
      if (integerBits > k) {
        int shift = fractionalBits + k;
        if ((remainder & (1 << shift)) != 0) {
          result = mul(result, EXP_OF_MINUS_POT[k + 2]);
        }
      }
    }
    if (integerBits > 5) {
      int clamp = -(1 << (36 - integerBits)); // -32 in Q(integerBits)
      if (a < clamp) {
        result = 0;
      }
    }
    return a == 0 ? Q0_ONE : result;
  }

  /** Newton-Raphson reciprocal of the Q0 half-denominator (1 + a) / 2, as Q2 (three iterations). */
  private static int reciprocalOfHalfDenominator(int halfDenominator) {
    final int fortyEightOver17 = 1515870810; // Q2
    final int minusThirtyTwoOver17 = -1010580540; // Q2
    final int q2One = 1 << 29;
    int x = fortyEightOver17 + mul(halfDenominator, minusThirtyTwoOver17);
    for (int i = 0; i < 3; i++) {
      int halfDenominatorTimesX = mul(halfDenominator, x);
      int oneMinus = q2One - halfDenominatorTimesX;
      x = x + rescale(mul(x, oneMinus), 4, 2);
    }
    return x;
  }

  /** gemmlowp's {@code one_over_one_plus_x_for_x_in_0_1}: 1 / (1 + a) for a Q0 value a in [0, 1). */
  public static int oneOverOnePlusX(int a) {
    int x = reciprocalOfHalfDenominator(roundingHalfSum(a, Q0_ONE));
    return rescale(x, 1, 0); // ExactMulByPot<-1> relabels the Q2 raw value as Q1 (halving it); then Q1 to Q0
  }

  /** gemmlowp's {@code one_minus_x_over_one_plus_x_for_x_in_0_1}: (1 - a) / (1 + a) for a Q0 value in [0, 1). */
  public static int oneMinusXOverOnePlusX(int a) {
    int x = reciprocalOfHalfDenominator(roundingHalfSum(a, Q0_ONE));
    return rescale(x - (1 << 29), 2, 0);
  }

  /** gemmlowp's {@code logistic}: 1 / (1 + exp(-a)) for a Q{@code integerBits} value, as Q0. */
  public static int logistic(int a, int integerBits) {
    if (a == 0) {
      return 1 << 30; // one half
    }
    int abs = a > 0 ? a : -a;
    int positive = oneOverOnePlusX(expOnNegativeValues(-abs, integerBits));
    return a > 0 ? positive : Q0_ONE - positive;
  }

  /** gemmlowp's {@code tanh}: tanh(a) for a Q{@code integerBits} value, as Q0. */
  public static int tanh(int a, int integerBits) {
    if (a == 0) {
      return 0;
    }
    int negative = a < 0 ? a : -a;
    // exp(2a): ExactMulByPot<1> relabels the raw value with one more integer bit, doubling it.
    int t = oneMinusXOverOnePlusX(expOnNegativeValues(negative, integerBits + 1));
    return a < 0 ? -t : t;
  }

  /**
   * TF Lite's {@code GetInvSqrtQuantizedMultiplierExp}: 1 / sqrt(input) as a quantized multiplier and shift,
   * written to {@code out[0]} and {@code out[1]} (the shift multiplied by {@code reverseShift}). Newton-Raphson
   * on 32-bit Q3 values; inputs 0 and 1 give the largest multiplier and shift 0.
   */
  public static void invSqrtQuantizedMultiplierExp(int input, int reverseShift, int[] out) {
    if (input <= 1) {
      out[0] = Integer.MAX_VALUE;
      out[1] = 0;
      return;
    }
    int shift = 11;
    while (input >= (1 << 29)) {
      input /= 4;
      ++shift;
    }
    int maxLeftShiftBits = Integer.numberOfLeadingZeros(input) - 1;
    int leftShiftBitPairs = maxLeftShiftBits / 2 - 1;
    shift -= leftShiftBitPairs;
    input <<= 2 * leftShiftBitPairs;
    int fixedInput = input >> 1; // Q3
    int halfInput = saturatingRoundingMultiplyByPot(fixedInput, -1);
    final int halfThree = (1 << 28) + (1 << 27); // 1.5 in Q3
    int x = 1 << 28; // one in Q3
    for (int i = 0; i < 5; i++) {
      int x3 = rescale(mul(mul(x, x), x), 9, 3);
      x = rescale(mul(halfThree, x) - mul(halfInput, x3), 6, 3);
    }
    final int halfSqrt2 = 1518500250; // sqrt(2) / 2 in Q0
    x = mul(x, halfSqrt2);
    if (shift < 0) {
      x <<= -shift;
      shift = 0;
    }
    out[0] = x;
    out[1] = shift * reverseShift;
  }

  // ---------------------------------------------------------------------------------------------------
  // 16-bit raw values: gemmlowp's FixedPoint<int16_t, m> (15 - m fractional bits), as TensorFlow Lite's
  // integer LSTM (tensor_utils ApplySigmoid / ApplyTanh) and 16-bit activation kernels use it. The rules
  // differ from the 32-bit ones in three places: the doubling high multiply keeps the high 16 bits; the
  // one addition gemmlowp marks AddSaturatingIf16Bit saturates; every 32-bit constant is rescaled to 16
  // bits by a rounding division by 2^16 (RescaleConstantInitializer). Other + and - wrap at 16 bits.
  // ---------------------------------------------------------------------------------------------------

  /** Q0 one in 16 bits: the largest raw value. */
  public static final int Q0_ONE_16 = Short.MAX_VALUE;

  /** gemmlowp's 16-bit {@code SaturatingRoundingDoublingHighMul}: the high 16 bits of 2ab, rounded. */
  public static int mul16(int a, int b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    int ab = a * b;
    int nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
    return (short) ((ab + nudge) / (1 << 15)); // truncating division, as in C++
  }

  /** gemmlowp's {@code RescaleConstantInitializer}: a 32-bit constant as a 16-bit raw value. */
  static int constant16(int raw32) {
    return (short) roundingDivideByPot(raw32, 16);
  }

  /** {@code SaturatingRoundingMultiplyByPOT} on a 16-bit raw value. */
  public static int saturatingRoundingMultiplyByPot16(int x, int exponent) {
    if (exponent == 0) {
      return x;
    }
    if (exponent < 0) {
      return (short) roundingDivideByPot(x, -exponent);
    }
    int threshold = (1 << (15 - exponent)) - 1;
    if (x > threshold) {
      return Short.MAX_VALUE;
    }
    if (x < -threshold) {
      return Short.MIN_VALUE;
    }
    return (short) (x << exponent);
  }

  private static int rescale16(int raw, int from, int to) {
    return saturatingRoundingMultiplyByPot16(raw, from - to);
  }

  private static int roundingHalfSum16(int a, int b) {
    int sum = a + b;
    int sign = sum >= 0 ? 1 : -1;
    return (short) ((sum + sign) / 2);
  }

  /** exp(a) for a Q0 16-bit value a in [-1/4, 0). */
  static int expOnIntervalNegativeQuarterToZero16(int a) {
    final int expMinusOneEighth = constant16(1895147668);
    final int oneThird = constant16(715827883);
    int x = (short) (a + (1 << 12)); // a + 1/8
    int x2 = mul16(x, x);
    int x3 = mul16(x2, x);
    int x4 = mul16(x2, x2);
    int x4Over4 = saturatingRoundingMultiplyByPot16(x4, -2);
    int poly = saturatingRoundingMultiplyByPot16((short) (mul16((short) (x4Over4 + x3), oneThird) + x2), -1);
    return FixedPoint.saturatingAdd16(expMinusOneEighth, mul16(expMinusOneEighth, (short) (x + poly)));
  }

  /** gemmlowp's {@code exp_on_negative_values} on a 16-bit Q{@code integerBits} value a <= 0, as Q0. */
  public static int expOnNegativeValues16(int a, int integerBits) {
    int fractionalBits = 15 - integerBits;
    int oneQuarter = 1 << (fractionalBits - 2);
    int modQuarterMinusQuarter = (short) ((a & (oneQuarter - 1)) - oneQuarter);
    int result = expOnIntervalNegativeQuarterToZero16(rescale16(modQuarterMinusQuarter, integerBits, 0));
    int remainder = (short) (modQuarterMinusQuarter - a);
    for (int k = -2; k <= 4; k++) {
      if (integerBits > k) {
        int shift = fractionalBits + k;
        if (shift < 16 && (remainder & (1 << shift)) != 0) {
          result = mul16(result, constant16(EXP_OF_MINUS_POT[k + 2]));
        }
      }
    }
    if (integerBits > 5) {
      int clamp = constant16(-(1 << (36 - integerBits))); // -32 in Q(integerBits), via the 32-bit constant
      if (a < clamp) {
        result = 0;
      }
    }
    return a == 0 ? Q0_ONE_16 : result;
  }

  /** Newton-Raphson reciprocal of the 16-bit Q0 half-denominator, as Q2 (three iterations). */
  private static int reciprocalOfHalfDenominator16(int halfDenominator) {
    final int fortyEightOver17 = constant16(1515870810);
    final int minusThirtyTwoOver17 = constant16(-1010580540);
    final int q2One = 1 << 13;
    int x = (short) (fortyEightOver17 + mul16(halfDenominator, minusThirtyTwoOver17));
    for (int i = 0; i < 3; i++) {
      int halfDenominatorTimesX = mul16(halfDenominator, x);
      int oneMinus = (short) (q2One - halfDenominatorTimesX);
      x = (short) (x + rescale16(mul16(x, oneMinus), 4, 2));
    }
    return x;
  }

  /** gemmlowp's {@code one_over_one_plus_x_for_x_in_0_1} on a 16-bit Q0 value. */
  public static int oneOverOnePlusX16(int a) {
    int x = reciprocalOfHalfDenominator16(roundingHalfSum16(a, Q0_ONE_16));
    return rescale16(x, 1, 0); // ExactMulByPot<-1> relabels Q2 as Q1; then Q1 to Q0
  }

  /** gemmlowp's {@code one_minus_x_over_one_plus_x_for_x_in_0_1} on a 16-bit Q0 value. */
  public static int oneMinusXOverOnePlusX16(int a) {
    int x = reciprocalOfHalfDenominator16(roundingHalfSum16(a, Q0_ONE_16));
    return rescale16((short) (x - (1 << 13)), 2, 0);
  }

  /**
   * gemmlowp's {@code logistic} on {@code FixedPoint<int16_t, integerBits>}: 1 / (1 + exp(-a)) as a 16-bit
   * Q0 raw value (TF Lite's ApplySigmoid is integerBits 3).
   */
  public static int logistic16(int a, int integerBits) {
    if (a == 0) {
      return constant16(1 << 30); // one half
    }
    int abs = a > 0 ? a : (short) -a;
    int positive = oneOverOnePlusX16(expOnNegativeValues16((short) -abs, integerBits));
    return a > 0 ? positive : (short) (Q0_ONE_16 - positive);
  }

  /** gemmlowp's {@code tanh} on {@code FixedPoint<int16_t, integerBits>}, as a 16-bit Q0 raw value. */
  public static int tanh16(int a, int integerBits) {
    if (a == 0) {
      return 0;
    }
    int negative = a < 0 ? a : (short) -a;
    // exp(2a): ExactMulByPot<1> relabels the raw value with one more integer bit, doubling it.
    int t = oneMinusXOverOnePlusX16(expOnNegativeValues16(negative, integerBits + 1));
    return a < 0 ? (short) -t : t;
  }
}
