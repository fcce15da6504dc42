package dev.lite4j.kernels;

import dev.lite4j.kernels.fixedpoint.Rounding;
import java.util.Arrays;

/**
 * TensorFlow Lite's on-the-fly quantization of a float row to int8 for hybrid (float input, int8 weight)
 * kernels ({@code tensor_utils::SymmetricQuantizeFloats} and {@code AsymmetricQuantizeFloats}, with their
 * exact float and double arithmetic).
 */
public final class HybridQuantization {
  private HybridQuantization() {}

  /**
   * Quantizes {@code n} floats from {@code src[from]} into {@code dst[from]} (uncentred); returns the
   * scaling factor and stores the zero point (0 when symmetric) in {@code zeroPoint[0]}.
   */
  public static float quantize(float[] src, int from, int n, int[] dst, boolean asymmetric, int[] zeroPoint) {
    if (asymmetric) {
      return asymmetric(src, from, n, dst, from, zeroPoint, 0, false);
    }
    zeroPoint[0] = 0;
    return symmetric(src, from, n, dst, from);
  }

  /**
   * SymmetricQuantizeFloats: scale = max|x| / 127 and q = round(x * (127 / max|x|)) clamped to
   * [-127, 127] (float arithmetic, halves away from zero); an all-zero (or empty) row gives scale 1.
   * Writes {@code n} values from {@code x[off..]} to {@code q[qOff..]} and returns the scale.
   */
  public static float symmetric(float[] x, int off, int n, int[] q, int qOff) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    if (n == 0) {
      return 1f;
    }
    float range = Math.max(Math.abs(min), Math.abs(max));
    if (range == 0f) {
      Arrays.fill(q, qOff, qOff + n, 0);
      return 1f;
    }
    float inverse = 127f / range;
    for (int i = 0; i < n; i++) {
      int v = roundToInt(x[off + i] * inverse);
      q[qOff + i] = Math.min(127, Math.max(-127, v));
    }
    return range / 127f;
  }

  /**
   * AsymmetricQuantizeFloats: the range [min(0, min x), max(0, max x)] over 255 steps (in double), a
   * zero point in [-128, 127] chosen from the end with the smaller error and rounded, then
   * q = round(zeroPoint + x * (1f / scale)) in float, clamped to [-128, 127]. An all-zero row gives
   * scale 1 and zero point 0. Stores {@code q - zeroPoint} when {@code centred} (so a kernel's dot
   * product needs no row-sum correction), else q; sets {@code zeroPoint[zpAt]}; returns the float scale.
   */
  public static float asymmetric(float[] x, int off, int n, int[] q, int qOff, int[] zeroPoint, int zpAt,
      boolean centred) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    double rmin = Math.min(0.0, n == 0 ? 0.0 : (double) min);
    double rmax = Math.max(0.0, n == 0 ? 0.0 : (double) max);
    if (rmin == rmax) {
      Arrays.fill(q, qOff, qOff + n, 0);
      zeroPoint[zpAt] = 0;
      return 1f;
    }
    double scale = (rmax - rmin) / 255.0;
    double fromMin = -128.0 - rmin / scale;
    double fromMax = 127.0 - rmax / scale;
    double errorMin = 128.0 + Math.abs(rmin / scale);
    double errorMax = 127.0 + Math.abs(rmax / scale);
    double zp = errorMin < errorMax ? fromMin : fromMax;
    int nudged;
    if (zp <= -128.0) {
      nudged = -128;
    } else if (zp >= 127.0) {
      nudged = 127;
    } else {
      nudged = (int) Rounding.roundHalfAway(zp);
    }
    float floatScale = (float) scale;
    float inverse = 1f / floatScale;
    float zpf = nudged;
    for (int i = 0; i < n; i++) {
      int v = roundToInt(zpf + x[off + i] * inverse);
      q[qOff + i] = Math.min(127, Math.max(-128, v)) - (centred ? nudged : 0);
    }
    zeroPoint[zpAt] = nudged;
    return floatScale;
  }

  /**
   * {@code (int) std::round(v)} (halves away from zero): |v| + 0.5 is exact in double (a float has 24
   * significant bits), so truncating it is floor(|v| + 0.5) exactly; branch-free for the quantization
   * loops. Values beyond the int range saturate as Java's conversion does (the callers clamp the
   * result to the int8 range afterwards).
   */
  public static int roundToInt(float v) {
    int t = (int) ((double) Math.abs(v) + 0.5);
    return v < 0 ? -t : t;
  }
}
