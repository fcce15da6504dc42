package dev.lite4j.kernels;

import dev.lite4j.kernels.fixedpoint.Rounding;

/**
 * TensorFlow Lite's on-the-fly quantization of float activations for hybrid (float input, int8 weight)
 * kernels ({@code tensor_utils::SymmetricQuantizeFloats} / {@code AsymmetricQuantizeFloats}), row by row.
 */
public final class HybridQuantization {
  private HybridQuantization() {}

  /**
   * Quantizes {@code n} floats from {@code src[from]} into {@code dst[from]}; returns the scaling factor and
   * stores the zero point (0 when symmetric) in {@code zeroPoint[0]}. Symmetric: scale = max|x| / 127, values
   * in [-127, 127]. Asymmetric: [min(x, 0), max(x, 0)] onto [-128, 127] with a nudged zero point. An all-zero
   * range gives zeros and scale 1.
   */
  public static float quantize(float[] src, int from, int n, int[] dst, boolean asymmetric, int[] zeroPoint) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, src[from + i]);
      max = Math.max(max, src[from + i]);
    }
    zeroPoint[0] = 0;
    if (!asymmetric) {
      float range = Math.max(Math.abs(min), Math.abs(max));
      if (range == 0) {
        java.util.Arrays.fill(dst, from, from + n, 0);
        return 1f;
      }
      float inv = 127 / range;
      for (int i = 0; i < n; i++) {
        int q = (int) Rounding.roundHalfAway(src[from + i] * inv);
        dst[from + i] = Math.min(127, Math.max(-127, q));
      }
      return range / 127;
    }
    double rmin = Math.min(0, (double) min);
    double rmax = Math.max(0, (double) max);
    if (rmin == rmax) {
      java.util.Arrays.fill(dst, from, from + n, 0);
      return 1f;
    }
    double scale = (rmax - rmin) / (127.0 - -128.0);
    double zeroFromMin = -128.0 - rmin / scale;
    double zeroFromMax = 127.0 - rmax / scale;
    double errorFromMin = 128.0 + Math.abs(rmin / scale);
    double errorFromMax = 127.0 + Math.abs(rmax / scale);
    double zero = errorFromMin < errorFromMax ? zeroFromMin : zeroFromMax;
    int nudged = zero <= -128 ? -128 : zero >= 127 ? 127 : (int) Rounding.roundHalfAway(zero);
    float scaling = (float) scale;
    zeroPoint[0] = nudged;
    float inv = (float) (1.0 / scaling);
    for (int i = 0; i < n; i++) {
      int q = (int) Rounding.roundHalfAway(nudged + src[from + i] * inv);
      dst[from + i] = Math.min(127, Math.max(-128, q));
    }
    return scaling;
  }
}
