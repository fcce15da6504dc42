package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * What the hybrid (dynamic-range) convolutions and matrix products share: the checks and reads of the int8
 * weights. Their float inputs are quantized on the fly by {@link dev.lite4j.kernels.HybridQuantization}, as
 * the hybrid LSTM and SVDF's are.
 *
 * <p>The quantized values are stored centred ({@code q - zeroPoint}) in an int array, so that a
 * kernel's integer dot product needs no offset correction and a padded tap is simply 0: TensorFlow
 * Lite pads its im2col buffer with the zero point and subtracts {@code zeroPoint * rowSum}, which
 * gives the same integer.
 */
final class HybridInputs {
  private HybridInputs() {}

  /**
   * Checks hybrid weights: INT8 (or, where {@code allowUint8}, UINT8 read as int8 bytes, as TensorFlow
   * Lite does) with one scale, or one per output channel along {@code channelDim}; returns the scales.
   */
  static float[] requireWeights(OpContext ctx, TensorBuffer w, String role, boolean allowUint8, int channels,
      int channelDim) {
    DataType t = w.type();
    if (t != DataType.INT8 && !(allowUint8 && t == DataType.UINT8)) {
      throw ctx.unsupported(role + " of type " + t + " with a float32 input (hybrid) is not supported"
          + (allowUint8 ? " (int8 or uint8 only)" : " (int8 only)"));
    }
    if (w.def().sparsity() != null) {
      throw ctx.unsupported("sparse " + role + " is not supported");
    }
    QuantizationParams qp = w.quantization();
    ctx.require(qp != null && qp.isQuantized(), "hybrid %s '%s' has no quantization scale", role, w.name());
    float[] scales = qp.scales();
    ctx.require(scales.length == 1 || scales.length == channels,
        "hybrid %s '%s' has %d scales for %d output channels", role, w.name(), scales.length, channels);
    ctx.require(scales.length == 1 || qp.quantizedDimension() == channelDim,
        "hybrid %s '%s' is quantized along dimension %d, expected %d", role, w.name(), qp.quantizedDimension(),
        channelDim);
    for (float s : scales) {
      ctx.require(s > 0f && Float.isFinite(s), "hybrid %s '%s' has a scale %s that is not positive and finite",
          role, w.name(), s);
    }
    return scales;
  }

  /** True when the scales are not all the same (TensorFlow Lite's test for its per-channel path). */
  static boolean differ(float[] scales) {
    for (float s : scales) {
      if (s != scales[0]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The scale TensorFlow Lite's per-tensor hybrid paths multiply by ({@code filter->params.scale}): the
   * tensor's legacy quantization, which the interpreter fills only when there is exactly one scale; a
   * filter with several scales (even all equal) has legacy scale 0, so those paths output only the
   * bias. Checked against the real TensorFlow Lite 2.6.2 (golden hybrid_conv_equal_scales).
   */
  static float legacyScale(float[] scales) {
    return scales.length == 1 ? scales[0] : 0f;
  }

  /** The weight bytes as signed ints, in their stored order. */
  static int[] readSigned(TensorBuffer w) {
    ByteBuffer b = w.bytes();
    int n = w.numElements();
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = b.get(i);
    }
    return v;
  }

  /** Integer dot product of {@code n} elements. */
  static int dot(int[] a, int aOff, int[] b, int bOff, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }
}
