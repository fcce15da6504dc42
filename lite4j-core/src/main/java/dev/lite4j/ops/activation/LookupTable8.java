package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.Rounding;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * The 256-entry table TensorFlow Lite 2.6's 8-bit LOGISTIC, TANH and ELU (activations.cc, elu.cc,
 * {@code PopulateLookupTable}) build at prepare: every input value dequantized, transformed and
 * requantized in float, exactly in TF's order of float operations; run is one lookup per element.
 */
final class LookupTable8 {
  private LookupTable8() {}

  /** The real function the table samples, evaluated in float as TF Lite's lambda is. */
  interface Transform {
    float transform(float x);
  }

  /** The table indexed by the raw byte of the input (INT8 or UINT8; the output has the same type). */
  static byte[] build(OpContext ctx, TensorBuffer in, TensorBuffer out, Transform f) {
    float inScale = QuantizedTensors.scale(ctx, in, "input");
    int inZero = QuantizedTensors.zeroPoint(ctx, in, "input");
    float outScale = QuantizedTensors.scale(ctx, out, "output");
    int outZero = QuantizedTensors.zeroPoint(ctx, out, "output");
    boolean unsigned = in.type() == DataType.UINT8;
    int min = unsigned ? 0 : -128;
    int max = unsigned ? 255 : 127;
    float inverseScale = 1 / outScale;
    byte[] table = new byte[256];
    for (int v = min; v <= max; v++) {
      float dequantized = inScale * (v - inZero);
      float rescaled = Rounding.roundHalfAway(f.transform(dequantized) * inverseScale);
      int quantized = saturatingInt(rescaled + outZero);
      table[v & 0xff] = (byte) Math.max(Math.min(max, quantized), min);
    }
    return table;
  }

  /** {@code static_cast<int32_t>} of a float on x86: out-of-range values and NaN give INT_MIN. */
  static int saturatingInt(float v) {
    return v >= -0x1p31f && v < 0x1p31f ? (int) v : Integer.MIN_VALUE;
  }

  static void apply(byte[] table, TensorBuffer in, TensorBuffer out) {
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      dst.put(i, table[src.get(i) & 0xff]);
    }
  }
}
