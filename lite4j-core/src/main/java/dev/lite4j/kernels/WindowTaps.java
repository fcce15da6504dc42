package dev.lite4j.kernels;

/**
 * For windowed ops (convolutions, pooling): along one spatial dimension, which taps of the window land
 * inside the input for each output position. Computed once at prepare so that inner loops need no
 * padding tests.
 */
public final class WindowTaps {
  private WindowTaps() {}

  /**
   * Fills {@code lo[o]}, {@code hi[o]} for each output position {@code o < out}: taps
   * {@code [lo[o], hi[o])} read input positions {@code o * stride - pad + tap * dilation} within
   * {@code [0, in)}. The valid taps are contiguous because the input position grows with the tap.
   */
  public static void ranges(int out, int stride, int pad, int dilation, int taps, int in, int[] lo, int[] hi) {
    for (int o = 0; o < out; o++) {
      int origin = o * stride - pad;
      int first = 0;
      while (first < taps && origin + first * dilation < 0) {
        first++;
      }
      int last = first;
      while (last < taps && origin + last * dilation < in) {
        last++;
      }
      lo[o] = first;
      hi[o] = last;
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
