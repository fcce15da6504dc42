package dev.lite4j.kernels.fixedpoint;

/** C's rounding functions as TensorFlow Lite uses them ({@code TfLiteRound} is {@code std::round}). */
public final class Rounding {
  private Rounding() {}

  /** {@code std::round(float)}: to nearest, halves away from zero (Java's Math.round rounds halves up). */
  public static float roundHalfAway(float v) {
    float a = Math.abs(v);
    float r = (float) Math.floor(a);
    if (a - r >= 0.5f) { // exact: a and floor(a) differ by less than one
      r += 1f;
    }
    return Math.copySign(r, v);
  }

  /** {@code std::round(double)}. */
  public static double roundHalfAway(double v) {
    double a = Math.abs(v);
    double r = Math.floor(a);
    if (a - r >= 0.5) {
      r += 1.0;
    }
    return Math.copySign(r, v);
  }
}
