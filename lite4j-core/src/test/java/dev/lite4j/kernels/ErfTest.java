package dev.lite4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values: mpmath at 50 digits (erf, erfc), rounded to 20 digits. */
class ErfTest {
  private static void near(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-14, "expected " + expected + " got " + actual);
  }

  @Test
  void erfMatchesHighPrecisionValues() {
    assertEquals(0.0, Erf.erf(0.0), 0.0);
    near(0.52049987781304653768, Erf.erf(0.5));
    near(0.84270079294971486934, Erf.erf(1.0));
    near(0.9522851197626487964, Erf.erf(1.4)); // series side of the 1.5 switch
    near(0.97634838334464401552, Erf.erf(1.6)); // continued-fraction side
    near(0.99532226501895273416, Erf.erf(2.0));
    near(-0.99997790950300141456, Erf.erf(-3.0));
    near(0.99999998458274209972, Erf.erf(4.0));
    near(-0.84270079294971486934, Erf.erf(-1.0));
  }

  @Test
  void erfcKeepsRelativeAccuracyFarIntoTheTail() {
    near(0.8875370839817151016, Erf.erfc(0.1));
    near(0.033894853524689272933, Erf.erfc(1.5));
    near(0.000022090496998585441373, Erf.erfc(3.0));
    near(1.5374597944280348502e-12, Erf.erfc(5.0));
    near(2.088487583762544757e-45, Erf.erfc(10.0));
    near(5.6631924088561428465e-296, Erf.erfc(26.0));
    near(1.8427007929497148693, Erf.erfc(-1.0));
    near(1.9999999999999999785, Erf.erfc(-6.0));
  }

  @Test
  void specialValues() {
    assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(0.0, Erf.erfc(30.0), 0.0);
  }

  @Test
  void erfPlusErfcIsOne() {
    for (double x = -5; x <= 5; x += 0.125) {
      assertEquals(1.0, Erf.erf(x) + Erf.erfc(x), 1e-15, "x = " + x);
    }
  }
}
