package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * What the integer convolutions and matrix products share: the type rules of TensorFlow Lite's integer
 * kernels, the per-channel output multipliers, the bias, and the widening of activations into int arrays
 * (with the input offset added) so that the inner loops read plain arrays.
 *
 * <p>Type rules (TensorFlow Lite 2.6): UINT8 input with UINT8 weights (per-tensor, any weight zero point);
 * INT8 input with INT8 weights (per-tensor or per-channel); INT16 input with INT8 weights ("16x8", input
 * and output zero points 0). The bias is INT32, or INT64 (also INT32) with INT16 activations.
 */
final class QuantizedOperands {
  private QuantizedOperands() {}

  /** Checks the data input's type and quantization; returns its offset (minus its zero point). */
  static int inputOffset(OpContext ctx, TensorBuffer input, String role) {
    DataType type = input.type();
    if (!QuantizedTensors.isQuantizedType(type)) {
      throw ctx.unsupported(role + " of type " + type + " is not supported by the integer kernel");
    }
    QuantizedTensors.scale(ctx, input, role);
    int zp = QuantizedTensors.zeroPoint(ctx, input, role);
    if (type == DataType.INT16) {
      ctx.require(zp == 0, "%s '%s' is INT16 with zero point %d (must be 0)", role, input.name(), zp);
    }
    return -zp;
  }

  /** The weight type an integer node with this input type needs. */
  static DataType weightTypeFor(DataType inputType) {
    return inputType == DataType.UINT8 ? DataType.UINT8 : DataType.INT8;
  }

  /**
   * Checks the weights (type, dense, scales: one or {@code channels}); returns the weight offset (minus
   * the zero point). INT8 weights are symmetric in TensorFlow Lite's integer conv kernels, which ignore a
   * zero point; a nonzero one is refused rather than silently ignored when {@code int8ZeroPointMustBeZero}.
   */
  static int weightOffset(OpContext ctx, TensorBuffer input, TensorBuffer weights, int channels, String role,
      boolean int8ZeroPointMustBeZero) {
    DataType want = weightTypeFor(input.type());
    if (weights.type() != want) {
      throw ctx.unsupported(role + " of type " + weights.type() + " with a " + input.type()
          + " input is not supported (needs " + want + ")");
    }
    if (weights.def().sparsity() != null) {
      throw ctx.unsupported("sparse " + role + " is not supported");
    }
    QuantizationParams q = weights.quantization();
    ctx.require(q.isQuantized(), "%s '%s' of type %s has no quantization scale", role, weights.name(),
        weights.type());
    int n = q.channelCount();
    ctx.require(n == 1 || n == channels, "%s '%s' has %d scales, expected 1 or %d (one per output channel)",
        role, weights.name(), n, channels);
    ctx.require(want == DataType.INT8 || n == 1, "%s '%s' is UINT8 with per-channel scales (not supported)",
        role, weights.name());
    for (int c = 0; c < n; c++) {
      float s = q.scaleAt(c);
      ctx.require(s > 0 && Float.isFinite(s), "%s '%s' has scale %s at channel %d (must be positive and finite)",
          role, weights.name(), s, c);
    }
    long zp = q.zeroPointAt(0);
    if (want == DataType.UINT8) {
      ctx.require(zp >= 0 && zp <= 255, "%s '%s' has zero point %d outside UINT8's range", role, weights.name(), zp);
      return (int) -zp;
    }
    for (int c = 0; c < n; c++) {
      long z = q.zeroPointAt(c);
      ctx.require(z >= -128 && z <= 127, "%s '%s' has zero point %d outside INT8's range", role, weights.name(), z);
      if (int8ZeroPointMustBeZero || n > 1) {
        ctx.require(z == 0, "%s '%s' is INT8 with zero point %d at channel %d (must be 0)", role, weights.name(),
            z, c);
      }
    }
    return (int) -zp;
  }

  /** Checks the output's type (the input's, unless {@code allowed} lists more) and quantization. */
  static int outputZeroPoint(OpContext ctx, TensorBuffer input, TensorBuffer output, DataType... alsoAllowed) {
    DataType type = output.type();
    boolean ok = type == input.type();
    for (DataType t : alsoAllowed) {
      ok |= type == t;
    }
    if (!ok) {
      throw ctx.unsupported("output of type " + type + " with a " + input.type() + " input is not supported");
    }
    QuantizedTensors.scale(ctx, output, "output");
    int zp = QuantizedTensors.zeroPoint(ctx, output, "output");
    if (type == DataType.INT16) {
      ctx.require(zp == 0, "output '%s' is INT16 with zero point %d (must be 0)", output.name(), zp);
    }
    return zp;
  }

  /**
   * Per output channel, the multiplier of {@code input_scale * weight_scale / output_scale} as TensorFlow Lite
   * 2.6 derives it. Its per-channel path ({@code PopulateConvolutionQuantizationParams}: INT8/INT16 convolutions)
   * widens each factor to double; its legacy per-tensor path ({@code GetQuantizedConvolutionMultipler}: UINT8
   * convolutions, every FULLY_CONNECTED) multiplies the two input scales in float, then divides in double. The
   * two differ in the last bit of the multiplier now and then, which moves an output by one.
   */
  static QuantizedMultiplier[] multipliers(TensorBuffer input, TensorBuffer weights, TensorBuffer output,
      int channels, boolean floatProduct) {
    QuantizationParams wq = weights.quantization();
    float inScale = input.quantization().scale();
    double outScale = output.quantization().scale();
    QuantizedMultiplier[] m = new QuantizedMultiplier[channels];
    for (int c = 0; c < channels; c++) {
      float w = wq.scaleAt(wq.channelCount() == 1 ? 0 : c);
      double product = floatProduct ? (double) (inScale * w) : (double) inScale * (double) w;
      m[c] = QuantizedMultiplier.of(product / outScale);
    }
    return m;
  }

  /** Whether a convolution's multiplier comes from TF Lite's legacy per-tensor path (UINT8). */
  static boolean legacyMultiplier(DataType inputType) {
    return inputType == DataType.UINT8;
  }

  static int[] multiplierInts(QuantizedMultiplier[] m) {
    int[] v = new int[m.length];
    for (int c = 0; c < m.length; c++) {
      v[c] = m[c].multiplier();
    }
    return v;
  }

  static int[] shiftInts(QuantizedMultiplier[] m) {
    int[] v = new int[m.length];
    for (int c = 0; c < m.length; c++) {
      v[c] = m[c].shift();
    }
    return v;
  }

  /** Checks the optional bias: INT32 (or INT64 with INT16 activations), {@code channels} elements. */
  static void checkBias(OpContext ctx, TensorBuffer input, TensorBuffer bias, int channels) {
    if (bias == null) {
      return;
    }
    boolean wide = input.type() == DataType.INT16;
    boolean ok = bias.type() == DataType.INT32 || (wide && bias.type() == DataType.INT64);
    if (!ok) {
      throw ctx.unsupported("bias of type " + bias.type() + " with a " + input.type()
          + " input is not supported (needs " + (wide ? "INT64 or INT32" : "INT32") + ")");
    }
    ctx.require(bias.numElements() == channels, "bias shape %s does not have %d elements (output channels)",
        Arrays.toString(bias.shape()), channels);
  }

  /** The bias values (zeros without a bias), read now. */
  static long[] readBias(TensorBuffer bias, int channels) {
    long[] v = new long[channels];
    readBias(bias, v);
    return v;
  }

  static void readBias(TensorBuffer bias, long[] v) {
    if (bias == null) {
      return;
    }
    if (bias.type() == DataType.INT64) {
      bias.longs().get(0, v, 0, v.length);
    } else {
      for (int c = 0; c < v.length; c++) {
        v[c] = bias.ints().get(c);
      }
    }
  }

  /** The clamp range of the output under the fused activation. */
  static QuantizedRange range(OpContext ctx, TensorBuffer output, byte activation) {
    return QuantizedRange.forActivation(ctx, output, activation);
  }

  /** The weights widened, with {@code offset} added to each. */
  static int[] widen(TensorBuffer t, int offset) {
    int[] v = new int[t.numElements()];
    load(t, v, offset, null, null);
    return v;
  }

  /**
   * Loads all of {@code t} into {@code dst} widened, plus {@code offset}; {@code bytes}/{@code shorts}
   * are scratch of the tensor's size (null: allocated here).
   */
  static void load(TensorBuffer t, int[] dst, int offset, byte[] bytes, short[] shorts) {
    int n = t.numElements();
    switch (t.type()) {
      case INT8 -> {
        byte[] b = bytes != null ? bytes : new byte[n];
        t.bytes().get(0, b, 0, n);
        for (int i = 0; i < n; i++) {
          dst[i] = b[i] + offset;
        }
      }
      case UINT8 -> {
        byte[] b = bytes != null ? bytes : new byte[n];
        t.bytes().get(0, b, 0, n);
        for (int i = 0; i < n; i++) {
          dst[i] = (b[i] & 0xff) + offset;
        }
      }
      case INT16 -> {
        short[] s = shorts != null ? shorts : new short[n];
        t.shorts().get(0, s, 0, n);
        for (int i = 0; i < n; i++) {
          dst[i] = s[i] + offset;
        }
      }
      default -> throw new IllegalStateException(t + " is not an integer tensor");
    }
  }

  /** Stores {@code src[0..n)} (already clamped to the type's range) into {@code t} from element 0. */
  static void store(int[] src, TensorBuffer t, byte[] bytes, short[] shorts) {
    int n = t.numElements();
    switch (t.type()) {
      case INT8, UINT8 -> {
        for (int i = 0; i < n; i++) {
          bytes[i] = (byte) src[i];
        }
        ByteBuffer b = t.bytes();
        b.put(0, bytes, 0, n);
      }
      case INT16 -> {
        for (int i = 0; i < n; i++) {
          shorts[i] = (short) src[i];
        }
        ShortBuffer s = t.shorts();
        s.put(0, shorts, 0, n);
      }
      default -> throw new IllegalStateException(t + " is not an integer tensor");
    }
  }

  /** Scratch for {@link #load}/{@link #store} of a tensor of this type and size. */
  static byte[] byteScratch(DataType type, int n) {
    return type == DataType.INT16 ? null : new byte[n];
  }

  static short[] shortScratch(DataType type, int n) {
    return type == DataType.INT16 ? new short[n] : null;
  }

  /**
   * Whether TensorFlow Lite 2.6 on x86 rescales this node's sums in ruy (single rounding,
   * {@link FixedPoint#multiplyByQuantizedMultiplierSingleRounding}) rather than with its own or gemmlowp's
   * double rounding: its integer GEMMs go to ruy when the activations are INT8 (gemmlowp serves UINT8).
   */
  static boolean ruyRescales(DataType inputType) {
    return inputType == DataType.INT8;
  }

  /** acc (bias included) rescaled to the output: multiplier (single or double rounding), zero point, clamp. */
  static int requantize(int acc, int multiplier, int shift, boolean singleRounding, int outZp, int min, int max) {
    int v = (singleRounding
        ? FixedPoint.multiplyByQuantizedMultiplierSingleRounding(acc, multiplier, shift)
        : FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift)) + outZp;
    return v < min ? min : Math.min(v, max);
  }

  /** The 64-bit accumulator variant (INT16 activations): TensorFlow Lite 2.6's int64 multiplier. */
  static int requantize(long acc, int multiplier, int shift, int outZp, int min, int max) {
    int v = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift) + outZp;
    return v < min ? min : Math.min(v, max);
  }
}
