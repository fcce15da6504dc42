package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * gemmlowp's 16-bit fixed-point functions ({@code FixedPoint<int16_t, m>}) exhaustively against the real
 * functions in double, and their 16-bit rules on hand-worked values. Bit-exactness against TensorFlow Lite
 * itself is checked through the integer LSTM goldens, whose every gate goes through these functions.
 */
class FixedPointMath16Test {
  private static final double Q0 = 0x1p15;

  @Test
  void doublingHighMultiplyKeepsTheHigh16BitsRounded() {
    assertEquals(Short.MAX_VALUE, FixedPointMath.mul16(Short.MIN_VALUE, Short.MIN_VALUE), "-1 * -1 saturates");
    assertEquals(8192, FixedPointMath.mul16(16384, 16384), "0.5 * 0.5");
    assertEquals(1, FixedPointMath.mul16(1, 16384), "2^-15 * 0.5 = 2^-16 rounds up (ties away from zero)");
    assertEquals(0, FixedPointMath.mul16(-1, 16384), "-2^-16 rounds toward zero: gemmlowp's nudge is 1 - 2^14");
    assertEquals(0, FixedPointMath.mul16(1, 16383), "just under a half rounds to zero");
    assertEquals(-32767, FixedPointMath.mul16(Short.MIN_VALUE, Short.MAX_VALUE));
  }

  @Test
  void constantsAreRescaledWithRoundingFrom32Bits() {
    assertEquals(28918, FixedPointMath.constant16(1895147668), "exp(-1/8) = 0.88249..., 28917.6 rounded");
    assertEquals(16384, FixedPointMath.constant16(1 << 30), "one half");
    assertEquals(0, FixedPointMath.constant16(242), "exp(-16) vanishes in 16 bits");
    assertEquals(-8192, FixedPointMath.constant16(-(1 << 29)));
  }

  @Test
  void saturatingShifts() {
    assertEquals(Short.MAX_VALUE, FixedPointMath.saturatingRoundingMultiplyByPot16(8192, 2));
    assertEquals(Short.MIN_VALUE, FixedPointMath.saturatingRoundingMultiplyByPot16(-8193, 2));
    assertEquals(-32768 + 4, FixedPointMath.saturatingRoundingMultiplyByPot16(-8191, 2));
    assertEquals(3, FixedPointMath.saturatingRoundingMultiplyByPot16(5, -1), "2.5 rounds away from zero");
    assertEquals(-3, FixedPointMath.saturatingRoundingMultiplyByPot16(-5, -1));
  }

  /**
   * Every 16-bit input in every format TF Lite's LSTM uses (ApplyTanh takes 0 to 6 integer bits, ApplySigmoid
   * 3). 16-bit gemmlowp is coarse: every Newton and polynomial step rounds to 2^-15 (2^-13 in the Q2
   * reciprocal), and the constants carry their own 2^-16 rounding; tanh's (1 - e) / (1 + e) loses most near
   * e = 1. The worst errors are about 6.7 output steps (logistic) and 12.1 (tanh) in every format; the
   * bounds below allow a little more, far less than a wrong formula or format would give.
   */
  @Test
  void logisticAndTanhExhaustivelyInEveryFormat() {
    for (int bits = 0; bits <= 6; bits++) {
      double worstLogistic = 0;
      double worstTanh = 0;
      for (int a = Short.MIN_VALUE; a <= Short.MAX_VALUE; a++) {
        double x = a / Math.pow(2, 15 - bits);
        int l = FixedPointMath.logistic16(a, bits);
        int t = FixedPointMath.tanh16(a, bits);
        assertTrue(l >= 0 && l <= Short.MAX_VALUE && t >= -Short.MAX_VALUE && t <= Short.MAX_VALUE);
        worstLogistic = Math.max(worstLogistic, Math.abs(l / Q0 - 1 / (1 + Math.exp(-x))));
        worstTanh = Math.max(worstTanh, Math.abs(t / Q0 - Math.tanh(x)));
      }
      assertTrue(worstLogistic < 8 / Q0, "Q" + bits + " logistic worst error " + worstLogistic * Q0 + " steps");
      assertTrue(worstTanh < 14 / Q0, "Q" + bits + " tanh worst error " + worstTanh * Q0 + " steps");
    }
    assertEquals(16384, FixedPointMath.logistic16(0, 3), "logistic(0) is one half");
    assertEquals(0, FixedPointMath.tanh16(0, 3));
    assertEquals(Short.MAX_VALUE, FixedPointMath.expOnNegativeValues16(0, 3), "exp(0) is one");
  }

  /** The 16-bit functions agree with the 32-bit ones on the same real inputs, to the 16-bit resolution. */
  @Test
  void agreeWith32BitVersions() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 20_000; i++) {
      int a = random.nextInt(65536) - 32768;
      int bits = random.nextInt(7);
      double l32 = FixedPointMath.logistic(a << 16, bits) / 0x1p31;
      double t32 = FixedPointMath.tanh(a << 16, bits) / 0x1p31;
      assertEquals(l32, FixedPointMath.logistic16(a, bits) / Q0, 8 / Q0, "logistic " + a + " Q" + bits);
      assertEquals(t32, FixedPointMath.tanh16(a, bits) / Q0, 14 / Q0, "tanh " + a + " Q" + bits);
    }
  }

  /**
   * GetInvSqrtQuantizedMultiplierExp: multiplier * 2^shift / 2^31 is 1 / sqrt(input), to the precision of five
   * Newton steps on Q3 values whose cube is rescaled from Q9 (22 fractional bits).
   */
  @Test
  void inverseSquareRoot() {
    int[] out = new int[2];
    FixedPointMath.invSqrtQuantizedMultiplierExp(1, -1, out);
    assertEquals(Integer.MAX_VALUE, out[0], "1 (and 0) give the largest multiplier");
    assertEquals(0, out[1]);
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 100_000; i++) {
      int input = 2 + random.nextInt(Integer.MAX_VALUE - 2);
      FixedPointMath.invSqrtQuantizedMultiplierExp(input, -1, out);
      double got = out[0] * Math.pow(2, out[1] - 31);
      double expected = 1 / Math.sqrt(input);
      assertEquals(1, got / expected, 4e-6, "1/sqrt(" + input + ")");
    }
  }
}
