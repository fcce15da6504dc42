package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * One integer node with weights (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV-like
 * layouts): random quantized operands, run both as the integer kernel and as the float kernel on the
 * dequantized operands; the integer output must be within one step of the float output quantized.
 */
final class QuantizedCase {
  final int op;
  final Object options;
  final DataType type;
  final int[] inShape;
  final int[] wShape;
  final int channels;
  final int channelDim;
  final boolean perChannel;
  final Random r;
  final int version;
  int[] in;
  int inZp;
  float inScale;
  int[] w;
  float[] wScales;
  int wZp;
  long[] bias;
  float outScale;
  int outZp;

  QuantizedCase(int op, int version, Object options, DataType type, int[] inShape, int[] wShape, int channels,
      int channelDim, boolean perChannel, long seed) {
    this.op = op;
    this.version = version;
    this.options = options;
    this.type = type;
    this.inShape = inShape;
    this.wShape = wShape;
    this.channels = channels;
    this.channelDim = channelDim;
    this.perChannel = perChannel;
    this.r = new Random(seed);
    randomize();
  }

  static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  DataType weightType() {
    return type == DataType.UINT8 ? DataType.UINT8 : DataType.INT8;
  }

  private void randomize() {
    int lo = type == DataType.UINT8 ? 0 : type == DataType.INT8 ? -128 : -32768;
    int hi = type == DataType.UINT8 ? 255 : type == DataType.INT8 ? 127 : 32767;
    inZp = type == DataType.INT16 ? 0 : lo + 100 + r.nextInt(50);
    inScale = type == DataType.INT16 ? 0.0004f : 0.03f;
    in = new int[count(inShape)];
    for (int i = 0; i < in.length; i++) {
      in[i] = lo + r.nextInt(hi - lo + 1);
    }
    wZp = type == DataType.UINT8 ? 100 + r.nextInt(50) : 0;
    w = new int[count(wShape)];
    for (int i = 0; i < w.length; i++) {
      w[i] = type == DataType.UINT8 ? r.nextInt(256) : r.nextInt(255) - 127;
    }
    wScales = new float[perChannel ? channels : 1];
    for (int c = 0; c < wScales.length; c++) {
      wScales[c] = 0.003f + 0.01f * r.nextFloat();
    }
    bias = new long[channels];
    for (int c = 0; c < channels; c++) {
      bias[c] = r.nextInt(20001) - 10000;
    }
    int depth = count(wShape) / channels;
    double typical = Math.sqrt(depth) * (type == DataType.INT16 ? 18000 : 70) * 70 * inScale * wScales[0];
    outScale = (float) (typical * 2 / (type == DataType.INT16 ? 32768 : 128));
    outZp = type == DataType.INT16 ? 0 : (lo + hi) / 2 + r.nextInt(21) - 10;
  }

  static byte[] raw(DataType type, int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * (type == DataType.INT16 ? 2 : 1)).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      if (type == DataType.INT16) {
        b.putShort((short) v);
      } else {
        b.put((byte) v);
      }
    }
    return b.array();
  }

  static Object feed(DataType type, int[] values) {
    if (type == DataType.INT16) {
      short[] s = new short[values.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = (short) values[i];
      }
      return s;
    }
    return raw(type, values);
  }

  static int[] read(DataType type, byte[] raw) {
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int[] v = new int[raw.length / (type == DataType.INT16 ? 2 : 1)];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (type) {
        case INT16 -> b.getShort();
        case UINT8 -> b.get() & 0xff;
        default -> b.get();
      };
    }
    return v;
  }

  /** The integer model (bias INT32, or INT64 with INT16 activations, when {@code withBias}). */
  OpModel integerModel(boolean withBias, DataType outType) {
    OpModel m = new OpModel(op).version(version).options(options);
    int t = m.input(type, inShape, feed(type, in));
    m.builder().setQuantization(t, inScale, inZp);
    int f = m.constant(weightType(), wShape, raw(weightType(), w));
    long[] zps = new long[wScales.length];
    java.util.Arrays.fill(zps, wZp);
    m.builder().setQuantization(f, wScales, zps, channelDim);
    if (withBias) {
      int b;
      if (type == DataType.INT16) {
        b = m.constant(DataType.INT64, new int[] {channels}, bias.clone());
      } else {
        int[] bi = new int[channels];
        for (int c = 0; c < channels; c++) {
          bi[c] = (int) bias[c];
        }
        b = m.constant(DataType.INT32, new int[] {channels}, bi);
      }
      float[] bs = new float[wScales.length];
      for (int c = 0; c < bs.length; c++) {
        bs[c] = inScale * wScales[c];
      }
      m.builder().setQuantization(b, bs, new long[bs.length], 0);
    } else {
      m.noInput();
    }
    int o = m.output(outType);
    m.builder().setQuantization(o, outScale, outZp);
    return m;
  }

  float wScale(int flatIndex) {
    if (!perChannel) {
      return wScales[0];
    }
    // channel of a flat index along channelDim of wShape
    int stride = 1;
    for (int d = wShape.length - 1; d > channelDim; d--) {
      stride *= wShape[d];
    }
    return wScales[(flatIndex / stride) % wShape[channelDim]];
  }

  /** The float model on the dequantized operands. */
  OpModel floatModel(boolean withBias) {
    OpModel m = new OpModel(op).options(options);
    float[] x = new float[in.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (in[i] - inZp) * inScale;
    }
    m.input(inShape, x);
    float[] wf = new float[w.length];
    for (int i = 0; i < wf.length; i++) {
      wf[i] = (w[i] - wZp) * wScale(i);
    }
    m.constant(wShape, wf);
    if (withBias) {
      float[] bf = new float[channels];
      for (int c = 0; c < channels; c++) {
        bf[c] = bias[c] * inScale * wScales[perChannel ? c : 0];
      }
      m.constant(new int[] {channels}, bf);
    } else {
      m.noInput();
    }
    m.output(DataType.FLOAT32);
    return m;
  }

  /**
   * Runs both and checks every integer output within one step of the float output quantized and clamped (INT16:
   * plus the error of TensorFlow Lite's 15-bit multiplier).
   */
  int[] checkAgainstFloat(boolean withBias, int min, int max) {
    OpModel q = integerModel(withBias, type);
    q.run();
    int[] got = read(type, q.bytes(0));
    OpModel f = floatModel(withBias);
    f.run();
    assertArrayEquals(f.shape(0), q.shape(0), "output shape");
    float[] want = f.floats(0);
    int inRange = 0;
    for (int i = 0; i < want.length; i++) {
      double exact = Math.max(min, Math.min(max, outZp + want[i] / (double) outScale));
      // INT16: TF Lite 2.6 reduces the multiplier to 15 bits (relative error up to 2^-16 of the value)
      double tolerance = 1.0 + (type == DataType.INT16 ? Math.abs(exact) * 0x1p-15 : 0);
      assertTrue(Math.abs(got[i] - exact) <= tolerance, "element " + i + ": integer " + got[i] + " vs float " + exact);
      if (exact > min && exact < max) {
        inRange++;
      }
    }
    assertTrue(inRange * 2 >= want.length, "most outputs should not saturate: " + inRange + " of " + want.length);
    return got;
  }
}
