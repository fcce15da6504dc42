package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedPoint} against what each function means, computed exactly with BigInteger: millions of random
 * cases (drawn so that every magnitude and the rounding ties are hit) plus the edges.
 */
class FixedPointTest {
  private static final int RANDOM_CASES = 2_000_000;
  private static final int[] EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -(1 << 30) - 1, -(1 << 30),
      -(1 << 30) + 1, -65536, -32769, -32768, -3, -2, -1, 0, 1, 2, 3, 32767, 32768, 65535, (1 << 30) - 1, 1 << 30,
      (1 << 30) + 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

  /** An int of random magnitude (uniform bit length), so that small and large values are equally common. */
  static int anyInt(SplittableRandom r) {
    int bits = r.nextInt(33);
    int v = bits == 0 ? 0 : (int) (r.nextLong() >>> (64 - bits));
    return r.nextBoolean() ? v : -v;
  }

  /** floor(n / 2^k) exactly. */
  private static BigInteger floorShift(BigInteger n, int k) {
    return n.shiftRight(k); // BigInteger's shiftRight is floor division
  }

  // -------------------------------------------------------------- saturatingRoundingDoublingHighMul

  /**
   * gemmlowp's meaning: 2ab / 2^32 = ab / 2^31 rounded to nearest, exact halves toward +infinity (the nudge
   * 1 - 2^30 for negative products plus C's truncating division make -x.5 go to -x), saturated to int32.
   */
  private static int srdhmExact(int a, int b) {
    BigInteger ab = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    BigInteger r = floorShift(ab.add(BigInteger.ONE.shiftLeft(30)), 31);
    return saturate(r);
  }

  private static int saturate(BigInteger v) {
    if (v.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      return Integer.MAX_VALUE;
    }
    if (v.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) {
      return Integer.MIN_VALUE;
    }
    return v.intValueExact();
  }

  @Test
  void srdhmEdges() {
    for (int a : EDGES) {
      for (int b : EDGES) {
        assertEquals(srdhmExact(a, b), FixedPoint.saturatingRoundingDoublingHighMul(a, b), a + " * " + b);
      }
    }
    assertEquals(Integer.MAX_VALUE, FixedPoint.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE,
        Integer.MIN_VALUE));
    // exact halves: ab = +-2^30 is +-0.5 in the output's units
    assertEquals(1, FixedPoint.saturatingRoundingDoublingHighMul(1 << 15, 1 << 15));
    assertEquals(0, FixedPoint.saturatingRoundingDoublingHighMul(-(1 << 15), 1 << 15));
    assertEquals(-1, FixedPoint.saturatingRoundingDoublingHighMul(-3 << 15, 1 << 15)); // -1.5 -> -1
    assertEquals(2, FixedPoint.saturatingRoundingDoublingHighMul(3 << 15, 1 << 15)); // 1.5 -> 2
  }

  @Test
  void srdhmRandom() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < RANDOM_CASES; i++) {
      int a = anyInt(r);
      int b = i % 2 == 0 ? anyInt(r) : r.nextInt();
      assertEquals(srdhmExact(a, b), FixedPoint.saturatingRoundingDoublingHighMul(a, b), a + " * " + b);
    }
  }

  @Test
  void srdhmTies() {
    // a * b = odd * 2^30: every product is an exact half.
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < RANDOM_CASES / 4; i++) {
      int odd = (r.nextInt(1 << 15) << 1) | 1;
      int a = (r.nextBoolean() ? odd : -odd) << 15;
      int b = (r.nextBoolean() ? 1 : -1) << 15;
      assertEquals(srdhmExact(a, b), FixedPoint.saturatingRoundingDoublingHighMul(a, b), a + " * " + b);
    }
  }

  // --------------------------------------------------------------------------- roundingDivideByPot

  /** x / 2^e rounded to nearest, halves away from zero. */
  private static BigInteger roundHalfAwayShift(BigInteger x, int e) {
    if (e == 0) {
      return x;
    }
    BigInteger half = BigInteger.ONE.shiftLeft(e - 1);
    return x.signum() >= 0 ? floorShift(x.add(half), e) : floorShift(x.negate().add(half), e).negate();
  }

  @Test
  void roundingDivideByPotInt() {
    SplittableRandom r = new SplittableRandom(3);
    for (int x : EDGES) {
      for (int e = 0; e <= 31; e++) {
        assertEquals(roundHalfAwayShift(BigInteger.valueOf(x), e).intValueExact(), FixedPoint.roundingDivideByPot(x, e),
            x + " >> " + e);
      }
    }
    for (int i = 0; i < RANDOM_CASES; i++) {
      int x = anyInt(r);
      int e = r.nextInt(32);
      if (i % 4 == 0 && e > 0) { // an exact half
        x = ((x >> e) << e) | (1 << (e - 1));
      }
      assertEquals(roundHalfAwayShift(BigInteger.valueOf(x), e).intValueExact(), FixedPoint.roundingDivideByPot(x, e),
          x + " >> " + e);
    }
    assertEquals(-2, FixedPoint.roundingDivideByPot(-3, 1));
    assertEquals(2, FixedPoint.roundingDivideByPot(3, 1));
    assertEquals(-1, FixedPoint.roundingDivideByPot(-5, 2)); // -1.25
  }

  @Test
  void roundingDivideByPotLong() {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < RANDOM_CASES; i++) {
      int bits = r.nextInt(64);
      long x = bits == 0 ? 0 : r.nextLong() >> (63 - bits);
      int e = r.nextInt(63);
      if (i % 4 == 0 && e > 0) {
        x = ((x >> e) << e) | (1L << (e - 1));
      }
      assertEquals(roundHalfAwayShift(BigInteger.valueOf(x), e).longValueExact(), FixedPoint.roundingDivideByPot(x, e),
          x + " >> " + e);
    }
    assertEquals(Long.MIN_VALUE >> 3, FixedPoint.roundingDivideByPot(Long.MIN_VALUE, 3));
  }

  // ------------------------------------------------------------------ multiplyByQuantizedMultiplier

  /** TensorFlow Lite's composition, each step computed exactly: wrapping left shift, SRDHM, rounding shift. */
  private static int mbqmExact(int x, int m, int shift) {
    int left = Math.max(shift, 0);
    int right = Math.max(-shift, 0);
    int shifted = BigInteger.valueOf(x).shiftLeft(left).intValue(); // C++ wraps
    int high = srdhmExact(shifted, m);
    return roundHalfAwayShift(BigInteger.valueOf(high), right).intValueExact();
  }

  @Test
  void multiplyByQuantizedMultiplierRandom() {
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < RANDOM_CASES; i++) {
      int x = anyInt(r);
      int m = (1 << 30) + r.nextInt(1 << 30);
      int shift = r.nextInt(40) - 31;
      int got = FixedPoint.multiplyByQuantizedMultiplier(x, m, shift);
      assertEquals(mbqmExact(x, m, shift), got, x + " * " + m + " << " + shift);
      if (shift <= 0) {
        // what it means: x * m * 2^(shift - 31), within one of the exact product (two roundings)
        double real = (double) x * m * Math.scalb(1.0, shift - 31);
        assertTrue(Math.abs(got - real) <= 1.0, x + " * " + m + " << " + shift + ": " + got + " vs " + real);
      }
    }
    for (int x : EDGES) {
      for (int shift = -31; shift <= 7; shift++) {
        assertEquals(mbqmExact(x, Integer.MAX_VALUE, shift),
            FixedPoint.multiplyByQuantizedMultiplier(x, Integer.MAX_VALUE, shift));
        assertEquals(mbqmExact(x, 1 << 30, shift), FixedPoint.multiplyByQuantizedMultiplier(x, 1 << 30, shift));
      }
    }
    assertEquals(mbqmExact(7, 1 << 30, -1), FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(7, 1 << 30, -1));
    assertEquals(mbqmExact(7, 1 << 30, 3), FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(7, 1 << 30, 3));
  }

  @Test
  void singleRoundingIsRuysFormula() {
    SplittableRandom r = new SplittableRandom(6);
    for (int i = 0; i < RANDOM_CASES; i++) {
      int x = i % 8 == 0 ? EDGES[r.nextInt(EDGES.length)] : anyInt(r);
      int m = (1 << 30) + r.nextInt(1 << 30);
      int shift = r.nextInt(38) - 31;
      int total = 31 - shift;
      BigInteger exact = floorShift(BigInteger.valueOf(x).multiply(BigInteger.valueOf(m))
          .add(BigInteger.ONE.shiftLeft(total - 1)), total);
      if (exact.bitLength() > 31) {
        continue; // outside int32: ruy's precondition excludes it
      }
      int got = FixedPoint.multiplyByQuantizedMultiplierSingleRounding(x, m, shift);
      assertEquals(exact.intValueExact(), got, x + " * " + m + " << " + shift);
      // one rounding: never more than half a unit from the real product
      double real = (double) x * m * Math.scalb(1.0, shift - 31);
      assertTrue(Math.abs(got - real) <= 0.5 + 1e-9 * Math.abs(real), x + " " + m + " " + shift);
    }
  }

  /** TensorFlow Lite 2.6's 64-bit variant: multiplier reduced to 16 bits, then one round-half-up shift. */
  @Test
  void multiplyByQuantizedMultiplierInt64() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < RANDOM_CASES; i++) {
      long x = r.nextLong(-(1L << 47), 1L << 47);
      if (i % 3 == 0) {
        x >>= r.nextInt(47);
      }
      int m = i % 50 == 0 ? 0x7FFF0000 + r.nextInt(0xFFFF) : (1 << 30) + r.nextInt(1 << 30);
      int shift = r.nextInt(39) - 31;
      BigInteger reduced = m < 0x7FFF0000 ? floorShift(BigInteger.valueOf(m).add(BigInteger.valueOf(1 << 15)), 16)
          : BigInteger.valueOf(0x7FFF);
      int total = 15 - shift;
      BigInteger exact = floorShift(BigInteger.valueOf(x).multiply(reduced).add(BigInteger.ONE.shiftLeft(total - 1)),
          total);
      if (exact.bitLength() > 31) {
        continue; // TF Lite's precondition: the result fits int32
      }
      assertEquals(exact.intValueExact(), FixedPoint.multiplyByQuantizedMultiplier(x, m, shift),
          x + " * " + m + " << " + shift);
    }
    // the reduced multiplier caps at 0x7FFF instead of overflowing into 0x8000
    assertEquals(0x7FFF, FixedPoint.multiplyByQuantizedMultiplier(1L << 15, Integer.MAX_VALUE, 0));
  }

  @Test
  void clampAndSaturatingAdd() {
    assertEquals(5, FixedPoint.clamp(5, 0, 10));
    assertEquals(0, FixedPoint.clamp(-5, 0, 10));
    assertEquals(10, FixedPoint.clamp(50, 0, 10));
    assertEquals(32767, FixedPoint.saturatingAdd16(32000, 32000));
    assertEquals(-32768, FixedPoint.saturatingAdd16(-32000, -32000));
    assertEquals(-1, FixedPoint.saturatingAdd16(32767, -32768));
  }
}
