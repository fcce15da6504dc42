package dev.lite4j.kernels;

/**
 * For windowed ops (convolutions, pooling): along one spatial dimension, which taps of the window land
 * inside the input for each output position. Computed once at prepare so that inner loops need no
 * padding tests.
 */
public final class WindowTaps {
  /**
   * Largest dilated window extent and stride accepted: with inputs below 2^28 elements (the model
   * reader's limit), no window arithmetic can overflow an int.
   */
  public static final int MAX_EXTENT = 1 << 28;

  private WindowTaps() {}

  /** Whether a window of {@code taps} taps with this stride and dilation stays within {@link #MAX_EXTENT}. */
  public static boolean withinLimits(int taps, int stride, int dilation) {
    return stride <= MAX_EXTENT && (long) (taps - 1) * dilation + 1 <= MAX_EXTENT;
  }

  /**
   * Fills {@code lo[o]}, {@code hi[o]} for each output position {@code o < out}: taps
   * {@code [lo[o], hi[o])} read input positions {@code o * stride - pad + tap * dilation} within
   * {@code [0, in)}. The valid taps are contiguous because the input position grows with the tap.
   */
  public static void ranges(int out, int stride, int pad, int dilation, int taps, int in, int[] lo, int[] hi) {
    for (int o = 0; o < out; o++) {
      int origin = o * stride - pad;
      // first tap with origin + tap * dilation >= 0; last with origin + tap * dilation <= in - 1
      int first = origin >= 0 ? 0 : Math.min(taps, (-origin + dilation - 1) / dilation);
      int end = in - 1 - origin < 0 ? 0 : Math.min(taps, (in - 1 - origin) / dilation + 1);
      lo[o] = first;
      hi[o] = Math.max(first, end);
    }
  }

  /** The largest number of valid taps of any output position (at most the input size). */
  public static int maxCount(int[] lo, int[] hi) {
    int max = 0;
    for (int o = 0; o < lo.length; o++) {
      max = Math.max(max, hi[o] - lo[o]);
    }
    return max;
  }
}
