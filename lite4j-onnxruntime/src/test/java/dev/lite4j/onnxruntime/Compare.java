package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Float comparisons relative to the reference's largest magnitude. */
final class Compare {
  private Compare() {}

  /** |a - b| <= rel * max(|reference|, 1e-3) element-wise, NaN only where the reference has NaN. */
  static void assertClose(float[] reference, float[] actual, double rel, String what) {
    assertEquals(reference.length, actual.length, what + ": element count");
    double maxAbs = 1e-3;
    for (float v : reference) {
      if (Float.isFinite(v)) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    }
    double tol = rel * maxAbs;
    double worst = 0;
    int worstAt = -1;
    for (int i = 0; i < reference.length; i++) {
      float r = reference[i];
      float a = actual[i];
      if (Float.isNaN(r) || Float.isNaN(a)) {
        if (Float.isNaN(r) != Float.isNaN(a)) {
          fail(what + ": element " + i + " is " + a + ", reference " + r);
        }
        continue;
      }
      if (Float.isInfinite(r) || Float.isInfinite(a)) {
        if (r != a) {
          fail(what + ": element " + i + " is " + a + ", reference " + r);
        }
        continue;
      }
      double d = Math.abs(r - a);
      if (d > worst) {
        worst = d;
        worstAt = i;
      }
    }
    if (worst > tol) {
      fail(what + ": max |diff| " + worst + " at element " + worstAt + " (" + actual[worstAt] + " vs reference "
          + reference[worstAt] + ") exceeds " + tol + " (" + rel + " x max |reference| " + maxAbs + ")");
    }
  }
}
