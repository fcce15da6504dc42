package dev.lite4j.kernels;

/**
 * The error function and its complement in double precision (the JDK has neither), accurate to a
 * few units in the last place of a double over the whole range -- far more than float kernels need.
 *
 * <ul>
 *   <li>|x| &lt; 1.5: the series erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1))
 *       (Abramowitz and Stegun 7.1.6). Its terms are all positive, so nothing cancels; at most ~30 terms.
 *       erfc = 1 - erf loses under one digit here since erfc(1.5) = 0.034.</li>
 *   <li>x &ge; 1.5: Laplace's continued fraction erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x +
 *       (3/2)/(x + ...)))) (A&amp;S 7.1.14), summed backwards from a fixed depth chosen per range so
 *       that the truncation error is below 1e-16 (checked against 40-digit mpmath values).</li>
 *   <li>exp(-x^2) uses the exact residual of x*x (by fma), so large arguments keep full relative
 *       accuracy instead of inheriting the rounding error of x*x magnified by x^2.</li>
 * </ul>
 *
 * Measured against mpmath: relative error of erfc below 2e-14 for 0 &le; x &lt; 1.5 and below 1e-15
 * for 1.5 &le; x &lt; 26 (where erfc leaves the normal double range).
 */
public final class Erf {
  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/sqrt(pi)
  private static final double ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/sqrt(pi)
  private static final double SERIES_LIMIT = 1.5;

  private Erf() {}

  /** erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt. */
  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    if (ax < SERIES_LIMIT) {
      return erfSeries(x);
    }
    double r = 1.0 - erfcContinuedFraction(ax);
    return x < 0 ? -r : r;
  }

  /** erfc(x) = 1 - erf(x), without the cancellation of computing it that way for large x. */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (x < 0) {
      // erfc(-y) = 2 - erfc(y): no cancellation since erfc(y) <= 1.
      return 2.0 - erfc(-x);
    }
    if (x < SERIES_LIMIT) {
      return 1.0 - erfSeries(x);
    }
    return erfcContinuedFraction(x);
  }

  /** The positive-term series (valid for every x, used where it converges fast: |x| < 1.5). */
  private static double erfSeries(double x) {
    double twoX2 = 2.0 * x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 200; n++) {
      term *= twoX2 / (2 * n + 1);
      sum += term;
      if (Math.abs(term) <= Math.abs(sum) * 1e-17) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
  }

  /** Laplace's continued fraction for x >= 1.5, evaluated from a fixed depth inwards. */
  private static double erfcContinuedFraction(double x) {
    if (x > 27.3) {
      return 0.0; // below the smallest subnormal double (erfc(27.3) ~ 1e-325)
    }
    int depth = x < 2.5 ? 100 : x < 4.0 ? 50 : 30;
    double f = x;
    for (int k = depth; k >= 1; k--) {
      f = x + (0.5 * k) / f;
    }
    return ONE_OVER_SQRT_PI * expMinusSquare(x) / f;
  }

  /** exp(-x^2) with x^2 split into its rounded value and exact residual. */
  private static double expMinusSquare(double x) {
    double p = x * x;
    double residual = Math.fma(x, x, -p);
    return Math.exp(-p) * (1.0 - residual);
  }
}
