package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Rounding} against BigDecimal's HALF_UP (to nearest, halves away from zero: C's round). */
class RoundingTest {
  private static float exact(float v) {
    if (!Float.isFinite(v)) {
      return v;
    }
    float r = new BigDecimal(v).setScale(0, RoundingMode.HALF_UP).floatValue();
    return r == 0 ? Math.copySign(0f, v) : r;
  }

  private static double exact(double v) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double r = new BigDecimal(v).setScale(0, RoundingMode.HALF_UP).doubleValue();
    return r == 0 ? Math.copySign(0.0, v) : r;
  }

  @Test
  void floatsRandomBitPatternsAndHalves() {
    SplittableRandom r = new SplittableRandom(21);
    for (int i = 0; i < 3_000_000; i++) {
      float v = switch (i % 3) {
        case 0 -> Float.intBitsToFloat(r.nextInt());
        case 1 -> (r.nextInt(1 << 22) + 0.5f) * (r.nextBoolean() ? 1 : -1); // exact halves
        default -> (float) (r.nextDouble(-1e4, 1e4));
      };
      assertEquals(Float.floatToIntBits(exact(v)), Float.floatToIntBits(Rounding.roundHalfAway(v)), "round(" + v + ")");
    }
  }

  @Test
  void doublesRandomBitPatternsAndHalves() {
    SplittableRandom r = new SplittableRandom(22);
    for (int i = 0; i < 3_000_000; i++) {
      double v = switch (i % 3) {
        case 0 -> Double.longBitsToDouble(r.nextLong());
        case 1 -> (r.nextLong(1L << 51) + 0.5) * (r.nextBoolean() ? 1 : -1);
        default -> r.nextDouble(-1e6, 1e6);
      };
      assertEquals(Double.doubleToLongBits(exact(v)), Double.doubleToLongBits(Rounding.roundHalfAway(v)),
          "round(" + v + ")");
    }
  }

  @Test
  void edges() {
    assertEquals(1f, Rounding.roundHalfAway(0.5f));
    assertEquals(-1f, Rounding.roundHalfAway(-0.5f));
    assertEquals(0f, Rounding.roundHalfAway(Math.nextDown(0.5f)));
    assertEquals(-3f, Rounding.roundHalfAway(-2.5f)); // Math.round would give -2
    assertEquals(-3.0, Rounding.roundHalfAway(-2.5));
    assertEquals(0.0, Rounding.roundHalfAway(0.49999999999999994)); // floor(x + 0.5) would give 1
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(Rounding.roundHalfAway(-0.2f)));
    assertEquals(Float.POSITIVE_INFINITY, Rounding.roundHalfAway(Float.POSITIVE_INFINITY));
    assertEquals(Float.NaN, Rounding.roundHalfAway(Float.NaN));
    assertEquals(16777216f, Rounding.roundHalfAway(16777216f));
  }
}
