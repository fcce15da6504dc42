package dev.lite4j.goldenops;

import dev.lite4j.DataType;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Helpers for one-op tests of integer kernels: quantized inputs and outputs as int arrays. */
public final class QuantOps {
  private QuantOps() {}

  /** A run-time quantized input holding {@code values} (already in the type's range). */
  public static int input(OpModel m, DataType type, int[] shape, float scale, int zeroPoint, int... values) {
    Object raw;
    if (type == DataType.INT16) {
      short[] s = new short[values.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = (short) values[i];
      }
      raw = s;
    } else {
      byte[] b = new byte[values.length];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) values[i];
      }
      raw = b;
    }
    int t = m.input(type, shape, raw);
    m.builder().setQuantization(t, scale, zeroPoint);
    return t;
  }

  /** A quantized output. */
  public static int output(OpModel m, DataType type, float scale, int zeroPoint) {
    int t = m.output(type);
    m.builder().setQuantization(t, scale, zeroPoint);
    return t;
  }

  /** Output {@code i} of a run model, widened (uint8 unsigned). */
  public static int[] values(OpModel m, int i, DataType type) {
    byte[] b = m.bytes(i);
    if (type == DataType.INT16) {
      ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      int[] v = new int[b.length / 2];
      for (int k = 0; k < v.length; k++) {
        v[k] = bb.getShort(k * 2);
      }
      return v;
    }
    int[] v = new int[b.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = type == DataType.UINT8 ? b[k] & 0xff : b[k];
    }
    return v;
  }

  public static int min(DataType type) {
    return type == DataType.UINT8 ? 0 : type == DataType.INT8 ? -128 : -32768;
  }

  public static int max(DataType type) {
    return type == DataType.UINT8 ? 255 : type == DataType.INT8 ? 127 : 32767;
  }

  /** {@code n} random values over the type's whole range. */
  public static int[] random(Random r, DataType type, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = min(type) + r.nextInt(max(type) - min(type) + 1);
    }
    return v;
  }

  public static float[] dequantize(int[] q, float scale, int zeroPoint) {
    float[] f = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      f[i] = (q[i] - zeroPoint) * scale;
    }
    return f;
  }

  /** The real value {@code f} quantized by rounding, clamped to the type's range. */
  public static int quantize(float f, float scale, int zeroPoint, DataType type) {
    long q = Math.round(f / (double) scale) + zeroPoint;
    return (int) Math.max(min(type), Math.min(max(type), q));
  }
}
