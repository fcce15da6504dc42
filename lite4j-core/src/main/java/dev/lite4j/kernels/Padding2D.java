package dev.lite4j.kernels;

import org.tensorflow.lite.schema.Padding;

/** Output sizes and leading padding of windowed ops (conv, pool), as TensorFlow Lite computes them. */
public final class Padding2D {
  private Padding2D() {}

  /** Output size along one spatial dimension for SAME or VALID padding. */
  public static int outputSize(byte padding, int in, int filter, int stride, int dilation) {
    int effective = (filter - 1) * dilation + 1;
    return padding == Padding.SAME ? (in + stride - 1) / stride : (in + stride - effective) / stride;
  }

  /** Padding before the first element; SAME puts the odd extra element after, as TensorFlow Lite does. */
  public static int before(int in, int filter, int stride, int dilation, int out) {
    int effective = (filter - 1) * dilation + 1;
    int total = Math.max((out - 1) * stride + effective - in, 0);
    return total / 2;
  }
}
