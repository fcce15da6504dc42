package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * gemmlowp's 16-bit fixed-point logistic and tanh ({@code FixedPoint<int16_t, m>}), exhaustively: every
 * int16 input against the real function in double. Bit-exactness against TF Lite 2.6.2 is checked by the
 * golden-ops models logistic_i16 and tanh_i16_*.
 */
class FixedPointMath16Test {
  private static final double Q15 = 0x1p15;

  @Test
  void primitivesFollowGemmlowpsInt16Rules() {
    assertEquals(Short.MAX_VALUE, FixedPointMath.mul16(Short.MIN_VALUE, Short.MIN_VALUE), "the one overflow");
    assertEquals(8192, FixedPointMath.mul16(16384, 16384), "0.5 * 0.5 = 0.25");
    assertEquals(1, FixedPointMath.mul16(1, 16384), "0.5 ulp rounds up");
    assertEquals(0, FixedPointMath.mul16(-1, 16384), "-0.5 ulp rounds toward +inf");
    assertEquals(Short.MAX_VALUE, FixedPointMath.saturatingRoundingMultiplyByPot16(20000, 1));
    assertEquals(Short.MIN_VALUE, FixedPointMath.saturatingRoundingMultiplyByPot16(-20000, 1));
    assertEquals(-2, FixedPointMath.saturatingRoundingMultiplyByPot16(-3, -1), "-1.5 rounds away from zero");
  }

  @Test
  void logistic16OfQ3IsTheLogistic() {
    assertEquals(16384, FixedPointMath.logistic16(0, 3), "logistic(0) = 1/2");
    double worst = 0;
    for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
      double expected = 1 / (1 + Math.exp(-x / 4096.0));
      int got = FixedPointMath.logistic16(x, 3);
      assertTrue(got >= 0 && got <= Short.MAX_VALUE, "logistic16(" + x + ") = " + got);
      worst = Math.max(worst, Math.abs(got / Q15 - expected));
    }
    // 16-bit gemmlowp arithmetic loses a few bits (TF Lite gives the same values): 6.4 steps at worst.
    assertTrue(worst < 8 / Q15, "worst error " + worst * Q15 + " steps");
  }

  @Test
  void tanh16OfQ3IsTanhAndOdd() {
    assertEquals(0, FixedPointMath.tanh16(0, 3));
    double worst = 0;
    for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
      int got = FixedPointMath.tanh16(x, 3);
      worst = Math.max(worst, Math.abs(got / Q15 - Math.tanh(x / 4096.0)));
      if (x > Short.MIN_VALUE) {
        assertEquals(-got, FixedPointMath.tanh16(-x, 3), "tanh is odd at " + x);
      }
    }
    // tanh goes through exp(2x) on one more integer bit: 11.8 steps at worst.
    assertTrue(worst < 14 / Q15, "worst error " + worst * Q15 + " steps");
  }

  @Test
  void log2IfPowerOfTwo() {
    assertEquals(-12, FixedPoint.log2IfPowerOfTwo(0x1p-12f));
    assertEquals(3, FixedPoint.log2IfPowerOfTwo(8f));
    assertEquals(-15, FixedPoint.log2IfPowerOfTwo(1f / 32768));
    assertEquals(Integer.MIN_VALUE, FixedPoint.log2IfPowerOfTwo(0.001f));
    assertEquals(Integer.MIN_VALUE, FixedPoint.log2IfPowerOfTwo(3f));
  }
}
