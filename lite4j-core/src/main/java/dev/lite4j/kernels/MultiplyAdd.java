package dev.lite4j.kernels;

/**
 * The inner loops of the float convolutions and matrix products: a row of weights scaled by one input
 * value and added to one or four accumulator rows.
 *
 * <p>Every array is indexed from 0 by the same loop counter on purpose: C2 only vectorizes such a loop
 * when it can prove the stores do not feed later loads, which it cannot do for two arrays read at
 * different unknown offsets. So weights are kept as one {@code float[]} per row, and callers copy
 * inputs into small scratch rows before calling.
 *
 * <p>Each accumulator element receives its products in call order, in float, so a caller that walks
 * the reduction in TensorFlow Lite's order (filter y, filter x, input channel) sums in that order.
 */
public final class MultiplyAdd {
  private MultiplyAdd() {}

  /** {@code acc[j] += x * row[j]} for {@code j < n}. */
  public static void row(float[] acc, float x, float[] row, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] += x * row[j];
    }
  }

  /** Four accumulator rows at once, sharing each load of {@code row}: {@code accK[j] += xK * row[j]}. */
  public static void row4(float[] acc0, float[] acc1, float[] acc2, float[] acc3,
      float x0, float x1, float x2, float x3, float[] row, int n) {
    for (int j = 0; j < n; j++) {
      float w = row[j];
      acc0[j] += x0 * w;
      acc1[j] += x1 * w;
      acc2[j] += x2 * w;
      acc3[j] += x3 * w;
    }
  }

  /** {@code acc[j] += a[j] * b[j]} for {@code j < n} (depthwise convolution). */
  public static void elementwise(float[] acc, float[] a, float[] b, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] += a[j] * b[j];
    }
  }

  /**
   * Finishes {@code n} accumulated outputs in place: adds {@code bias[biasOffset + j]} (when
   * {@code bias} is not null), then clamps to the fused activation's range, as TensorFlow Lite does.
   */
  public static void biasAndActivation(float[] acc, float[] bias, int biasOffset, int n, Activation act) {
    if (bias != null) {
      for (int j = 0; j < n; j++) {
        acc[j] += bias[biasOffset + j];
      }
    }
    if (!act.isNone()) {
      float min = act.min();
      float max = act.max();
      for (int j = 0; j < n; j++) {
        acc[j] = Math.min(Math.max(acc[j], min), max);
      }
    }
  }
}
