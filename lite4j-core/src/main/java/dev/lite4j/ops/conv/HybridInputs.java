package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.kernels.fixedpoint.Rounding;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * What the hybrid (dynamic-range) kernels share: TensorFlow Lite's on-the-fly quantization of a float
 * batch row to int8 ({@code tensor_utils::SymmetricQuantizeFloats} and {@code AsymmetricQuantizeFloats},
 * with their exact float and double arithmetic), and the checks and reads of the int8 weights.
 *
 * <p>The quantized values are stored centred ({@code q - zeroPoint}) in an int array, so that a
 * kernel's integer dot product needs no offset correction and a padded tap is simply 0: TensorFlow
 * Lite pads its im2col buffer with the zero point and subtracts {@code zeroPoint * rowSum}, which
 * gives the same integer.
 */
final class HybridInputs {
  private HybridInputs() {}

  /**
   * SymmetricQuantizeFloats: scale = max|x| / 127 and q = round(x * (127 / max|x|)) clamped to
   * [-127, 127] (float arithmetic, halves away from zero); an all-zero row gives scale 1. Writes
   * {@code n} values from {@code x[off..]} to {@code q[qOff..]} and returns the scale.
   */
  static float symmetric(float[] x, int off, int n, int[] q, int qOff) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) {
      float v = x[i];
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    if (n == 0) {
      return 1f;
    }
    float range = Math.max(Math.abs(min), Math.abs(max));
    if (range == 0f) {
      java.util.Arrays.fill(q, qOff, qOff + n, 0);
      return 1f;
    }
    float inverse = 127f / range;
    for (int i = 0; i < n; i++) {
      int v = (int) Rounding.roundHalfAway(x[off + i] * inverse);
      q[qOff + i] = Math.min(127, Math.max(-127, v));
    }
    return range / 127f;
  }

  /**
   * AsymmetricQuantizeFloats: the range [min(0, min x), max(0, max x)] over 255 steps (in double), a
   * zero point in [-128, 127] chosen from the end with the smaller error and rounded, then
   * q = round(zeroPoint + x * (1f / scale)) in float, clamped to [-128, 127]. An all-zero row gives
   * scale 1 and zero point 0. Stores {@code q - zeroPoint}, sets {@code zeroPoint[zpAt]} and returns
   * the (float) scale.
   */
  static float asymmetric(float[] x, int off, int n, int[] q, int qOff, int[] zeroPoint, int zpAt) {
    return asymmetric(x, off, n, q, qOff, zeroPoint, zpAt, true);
  }

  /** As {@link #asymmetric(float[], int, int, int[], int, int[], int)}; stores q itself unless {@code centred}. */
  static float asymmetric(float[] x, int off, int n, int[] q, int qOff, int[] zeroPoint, int zpAt,
      boolean centred) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = off; i < off + n; i++) {
      float v = x[i];
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    double rmin = Math.min(0.0, n == 0 ? 0.0 : (double) min);
    double rmax = Math.max(0.0, n == 0 ? 0.0 : (double) max);
    if (rmin == rmax) {
      java.util.Arrays.fill(q, qOff, qOff + n, 0);
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
      int v = (int) Rounding.roundHalfAway(zpf + x[off + i] * inverse);
      q[qOff + i] = Math.min(127, Math.max(-128, v)) - (centred ? nudged : 0);
    }
    zeroPoint[zpAt] = nudged;
    return floatScale;
  }

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
