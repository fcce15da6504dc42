package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * gemmlowp's fixed-point functions against the real functions they approximate, computed in double, on
 * large random sets of inputs in every integer-bit format the kernels use. gemmlowp documents these as
 * accurate to the error of a fourth-order Taylor polynomial over a quarter (about 2.5e-7 for exp); the bounds
 * below allow that and nothing more.
 */
class FixedPointMathTest {
  private static final double Q0 = 0x1p31;
  private static final int CASES = 200_000;

  private static double real(int raw, int integerBits) {
    return raw / Math.pow(2, 31 - integerBits);
  }

  @Test
  void expOnNegativeValuesIsExpInEveryFormat() {
    SplittableRandom random = new SplittableRandom(12);
    for (int bits = 0; bits <= 12; bits++) {
      double worst = 0;
      for (int i = 0; i < CASES; i++) {
        int a = -random.nextInt(Integer.MAX_VALUE);
        double expected = Math.exp(real(a, bits));
        double got = FixedPointMath.expOnNegativeValues(a, bits) / Q0;
        worst = Math.max(worst, Math.abs(got - expected));
      }
      assertTrue(worst < 3e-7, "Q" + bits + " exp worst error " + worst);
    }
  }

  @Test
  void expEdgeCases() {
    assertEquals(Integer.MAX_VALUE, FixedPointMath.expOnNegativeValues(0, 5), "exp(0) is one");
    assertEquals(0, FixedPointMath.expOnNegativeValues(Integer.MIN_VALUE, 10), "exp(-1024) is 0 (clamped below -32)");
    // exp(-1/4) exactly representable input in Q0.
    double quarter = FixedPointMath.expOnNegativeValues(-(1 << 29), 0) / Q0;
    assertEquals(Math.exp(-0.25), quarter, 3e-7); // the polynomial's own error at the interval's end
  }

  @Test
  void reciprocalsAreOneOverOnePlusX() {
    SplittableRandom random = new SplittableRandom(13);
    double worstReciprocal = 0;
    double worstRatio = 0;
    for (int i = 0; i < CASES; i++) {
      int a = random.nextInt(Integer.MAX_VALUE);
      double x = a / Q0;
      worstReciprocal = Math.max(worstReciprocal, Math.abs(FixedPointMath.oneOverOnePlusX(a) / Q0 - 1 / (1 + x)));
      worstRatio = Math.max(worstRatio,
          Math.abs(FixedPointMath.oneMinusXOverOnePlusX(a) / Q0 - (1 - x) / (1 + x)));
    }
    assertTrue(worstReciprocal < 1e-8, "1/(1+x) worst error " + worstReciprocal);
    assertTrue(worstRatio < 1e-8, "(1-x)/(1+x) worst error " + worstRatio);
  }

  @Test
  void logisticAndTanhInEveryFormat() {
    SplittableRandom random = new SplittableRandom(14);
    for (int bits = 0; bits <= 8; bits++) {
      double worstLogistic = 0;
      double worstTanh = 0;
      for (int i = 0; i < CASES; i++) {
        int a = random.nextInt() | 0; // any sign
        if (a == Integer.MIN_VALUE) {
          continue;
        }
        double x = real(a, bits);
        worstLogistic = Math.max(worstLogistic,
            Math.abs(FixedPointMath.logistic(a, bits) / Q0 - 1 / (1 + Math.exp(-x))));
        worstTanh = Math.max(worstTanh, Math.abs(FixedPointMath.tanh(a, bits) / Q0 - Math.tanh(x)));
      }
      assertTrue(worstLogistic < 3e-7, "Q" + bits + " logistic worst error " + worstLogistic);
      assertTrue(worstTanh < 6e-7, "Q" + bits + " tanh worst error " + worstTanh);
    }
    assertEquals(1 << 30, FixedPointMath.logistic(0, 4), "logistic(0) is one half");
    assertEquals(0, FixedPointMath.tanh(0, 4));
  }

  @Test
  void saturatingMultiplyByPowerOfTwo() {
    assertEquals(Integer.MAX_VALUE, FixedPointMath.saturatingRoundingMultiplyByPot(1 << 29, 2));
    assertEquals(Integer.MIN_VALUE, FixedPointMath.saturatingRoundingMultiplyByPot(-(1 << 29) - 1, 2));
    assertEquals(-(1 << 30), FixedPointMath.saturatingRoundingMultiplyByPot(-(1 << 28), 2));
    assertEquals(3, FixedPointMath.saturatingRoundingMultiplyByPot(5, -1), "2.5 rounds away from zero");
    assertEquals(-3, FixedPointMath.saturatingRoundingMultiplyByPot(-5, -1), "-2.5 rounds away from zero");
    assertEquals(2, FixedPointMath.roundingHalfSum(1, 2), "1.5 rounds away from zero");
    assertEquals(-2, FixedPointMath.roundingHalfSum(-1, -2));
  }
}
