package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link QuantizedMultiplier#of} against an exact BigDecimal derivation of QuantizeMultiplier, and its meaning. */
class QuantizedMultiplierTest {
  private static final BigDecimal TWO_31 = new BigDecimal(1L << 31);

  /** frexp with the mantissa rounded half away to 31 bits, computed in BigDecimal. */
  private static QuantizedMultiplier exact(double real) {
    BigDecimal v = new BigDecimal(real).abs();
    int e = Math.getExponent(Math.abs(real)) + 1; // |real| in [2^(e-1), 2^e)
    BigDecimal mantissa = v.multiply(new BigDecimal(Math.scalb(1.0, -e))); // exact: a power of two
    long q = mantissa.multiply(TWO_31).setScale(0, RoundingMode.HALF_UP).longValueExact();
    if (q == 1L << 31) {
      q /= 2;
      e++;
    }
    if (e < -31) {
      return QuantizedMultiplier.ZERO;
    }
    return new QuantizedMultiplier((int) (real < 0 ? -q : q), e);
  }

  @Test
  void randomRealsMatchTheExactDerivationAndReconstruct() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 2_000_000; i++) {
      double real = Math.scalb(1.0 + r.nextDouble(), r.nextInt(-40, 25));
      if (i % 10 == 0) { // mantissas just below a power of two round up to 2^31
        real = Math.scalb(Math.nextDown(2.0) - r.nextInt(1 << 20) * Math.ulp(1.0), r.nextInt(-35, 20));
      }
      QuantizedMultiplier m = QuantizedMultiplier.of(real);
      assertEquals(exact(real), m, "real " + real);
      if (m.multiplier() != 0) {
        assertTrue(m.multiplier() >= 1 << 30, "normalised " + m);
        assertTrue(Math.abs(m.real() - real) <= real * 0x1p-31, real + " -> " + m + " = " + m.real());
      } else {
        assertTrue(real < 0x1p-31, "only values below 2^-31 flush to zero: " + real);
      }
    }
  }

  @Test
  void edges() {
    assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0));
    assertEquals(new QuantizedMultiplier(1 << 30, 0), QuantizedMultiplier.of(0.5));
    assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0 - 0x1p-40)); // rounds up, halved
    assertEquals(new QuantizedMultiplier(Integer.MAX_VALUE, 0), QuantizedMultiplier.of(1.0 - 0x1p-31));
    assertEquals(new QuantizedMultiplier(1 << 30, -30), QuantizedMultiplier.of(0x1p-31));
    assertEquals(new QuantizedMultiplier(1 << 30, -31), QuantizedMultiplier.of(0x1p-32));
    assertEquals(QuantizedMultiplier.ZERO, QuantizedMultiplier.of(0x1p-33));
    assertEquals(QuantizedMultiplier.ZERO, QuantizedMultiplier.of(Double.MIN_VALUE));
    assertEquals(QuantizedMultiplier.ZERO, QuantizedMultiplier.of(0.0));
    assertEquals(QuantizedMultiplier.ZERO, QuantizedMultiplier.of(Double.NaN));
    assertEquals(QuantizedMultiplier.ZERO, QuantizedMultiplier.of(Double.POSITIVE_INFINITY));
    assertEquals(new QuantizedMultiplier(-(1 << 30), 0), QuantizedMultiplier.of(-0.5));
    QuantizedMultiplier third = QuantizedMultiplier.of(1.0 / 3);
    assertEquals(-1, third.shift());
    assertEquals(1431655765, third.multiplier()); // round(2/3 * 2^31)
    assertEquals(3, third.apply(9)); // 9 / 3
  }

  @Test
  void smallerAndGreaterThanOneRefuseTheOtherRange() {
    assertEquals(QuantizedMultiplier.of(0.25), QuantizedMultiplier.smallerThanOne(0.25));
    assertEquals(QuantizedMultiplier.of(3.5), QuantizedMultiplier.greaterThanOne(3.5));
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.smallerThanOne(1.5));
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.smallerThanOne(0.0));
    assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.greaterThanOne(0.5));
  }

  @Test
  void subnormalExponent() {
    double sub = Double.MIN_NORMAL / 4; // 2^-1024
    assertEquals(-1023, QuantizedMultiplier.frexpExponent(sub));
    assertEquals(0, QuantizedMultiplier.frexpExponent(0.75));
    assertEquals(1, QuantizedMultiplier.frexpExponent(1.5));
    assertEquals(2, QuantizedMultiplier.frexpExponent(2.0));
  }
}
