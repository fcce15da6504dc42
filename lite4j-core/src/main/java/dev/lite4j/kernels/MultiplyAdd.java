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
  /** Accumulator rows that {@link #row4} and {@link #matrixRows} serve with one load of each weight row. */
  public static final int BLOCK = 4;

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

  /**
   * Up to {@link #BLOCK} rows of a matrix product (fully connected, batch matmul):
   * {@code acc[p][j] += lhs[p][i] * rhs[i][j]} for {@code p < count}, {@code j < n}, over {@code i < k}
   * in order; a full block shares each load of {@code rhs[i]} between the four rows.
   */
  public static void matrixRows(float[][] acc, float[][] lhs, int count, float[][] rhs, int k, int n) {
    if (count == BLOCK) {
      float[] a0 = acc[0];
      float[] a1 = acc[1];
      float[] a2 = acc[2];
      float[] a3 = acc[3];
      float[] x0 = lhs[0];
      float[] x1 = lhs[1];
      float[] x2 = lhs[2];
      float[] x3 = lhs[3];
      for (int i = 0; i < k; i++) {
        row4(a0, a1, a2, a3, x0[i], x1[i], x2[i], x3[i], rhs[i], n);
      }
    } else {
      for (int p = 0; p < count; p++) {
        float[] a = acc[p];
        float[] x = lhs[p];
        for (int i = 0; i < k; i++) {
          row(a, x[i], rhs[i], n);
        }
      }
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
