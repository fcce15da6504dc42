package dev.lite4j.kernels;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/**
 * Element access for the quantized integer types (INT8, UINT8, INT16), widened to int on load and
 * narrowed on store, so that one kernel body serves every type; and the checked reading of a tensor's
 * scale and zero point.
 */
public final class QuantizedTensors {
  private QuantizedTensors() {}

  /** INT8, UINT8 or INT16: the types whose values are quantized integers. */
  public static boolean isQuantizedType(DataType type) {
    return type == DataType.INT8 || type == DataType.UINT8 || type == DataType.INT16;
  }

  /** Element {@code i} widened to int (UINT8 unsigned). */
  public static int get(TensorBuffer t, int i) {
    return switch (t.type()) {
      case INT8 -> t.bytes().get(i);
      case UINT8 -> t.bytes().get(i) & 0xff;
      case INT16 -> t.shorts().get(i);
      case INT32 -> t.ints().get(i);
      default -> throw new IllegalStateException(t + " is not an integer tensor");
    };
  }

  /** Stores {@code v} (already in the type's range) at element {@code i}. */
  public static void set(TensorBuffer t, int i, int v) {
    switch (t.type()) {
      case INT8, UINT8 -> t.bytes().put(i, (byte) v);
      case INT16 -> t.shorts().put(i, (short) v);
      case INT32 -> t.ints().put(i, v);
      default -> throw new IllegalStateException(t + " is not an integer tensor");
    }
  }

  /** Copies {@code count} elements from element {@code from} of {@code t} into {@code dst[dstFrom..]}, widened. */
  public static void read(TensorBuffer t, int from, int[] dst, int dstFrom, int count) {
    switch (t.type()) {
      case INT8 -> {
        ByteBuffer b = t.bytes();
        for (int k = 0; k < count; k++) {
          dst[dstFrom + k] = b.get(from + k);
        }
      }
      case UINT8 -> {
        ByteBuffer b = t.bytes();
        for (int k = 0; k < count; k++) {
          dst[dstFrom + k] = b.get(from + k) & 0xff;
        }
      }
      case INT16 -> {
        ShortBuffer s = t.shorts();
        for (int k = 0; k < count; k++) {
          dst[dstFrom + k] = s.get(from + k);
        }
      }
      case INT32 -> t.ints().get(from, dst, dstFrom, count);
      default -> throw new IllegalStateException(t + " is not an integer tensor");
    }
  }

  /** Every element of {@code t}, widened. */
  public static int[] readAll(TensorBuffer t) {
    int[] v = new int[t.numElements()];
    read(t, 0, v, 0, v.length);
    return v;
  }

  /** Stores {@code src[srcFrom..srcFrom+count)} (already in range) from element {@code from} of {@code t}. */
  public static void write(int[] src, int srcFrom, TensorBuffer t, int from, int count) {
    switch (t.type()) {
      case INT8, UINT8 -> {
        ByteBuffer b = t.bytes();
        for (int k = 0; k < count; k++) {
          b.put(from + k, (byte) src[srcFrom + k]);
        }
      }
      case INT16 -> {
        ShortBuffer s = t.shorts();
        for (int k = 0; k < count; k++) {
          s.put(from + k, (short) src[srcFrom + k]);
        }
      }
      case INT32 -> t.ints().put(from, src, srcFrom, count);
      default -> throw new IllegalStateException(t + " is not an integer tensor");
    }
  }

  /** The per-tensor scale of {@code t}, which must be quantized with a positive finite scale. */
  public static float scale(OpContext ctx, TensorBuffer t, String role) {
    QuantizationParams q = t.quantization();
    ctx.require(q.isQuantized(), "%s '%s' of type %s has no quantization scale", role, t.name(), t.type());
    float s = q.scale();
    ctx.require(s > 0 && Float.isFinite(s), "%s '%s' has scale %s (must be positive and finite)", role, t.name(), s);
    return s;
  }

  /** The per-tensor zero point of {@code t}, checked to lie in its type's range. */
  public static int zeroPoint(OpContext ctx, TensorBuffer t, String role) {
    int zp = t.quantization().zeroPoint();
    int min = t.type() == DataType.UINT8 ? 0 : t.type() == DataType.INT8 ? -128 : Short.MIN_VALUE;
    int max = t.type() == DataType.UINT8 ? 255 : t.type() == DataType.INT8 ? 127 : Short.MAX_VALUE;
    if (isQuantizedType(t.type())) {
      ctx.require(zp >= min && zp <= max, "%s '%s' has zero point %d outside %s's range", role, t.name(), zp, t.type());
    }
    return zp;
  }
}
