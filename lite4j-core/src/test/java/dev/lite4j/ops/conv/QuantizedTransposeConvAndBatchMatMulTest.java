package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BatchMatMulOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.TransposeConvOptionsT;

/**
 * Integer TRANSPOSE_CONV and BATCH_MATMUL: hand-computed cases, random cases against the float kernels on the
 * dequantized operands, bad input. Bit-exactness against TensorFlow Lite is {@link QuantizedConvGoldenTest}.
 */
class QuantizedTransposeConvAndBatchMatMulTest {
  private static TransposeConvOptionsT tconvOptions(byte padding, int stride) {
    TransposeConvOptionsT o = new TransposeConvOptionsT();
    o.setPadding(padding);
    o.setStrideH(stride);
    o.setStrideW(stride);
    return o;
  }

  private static BatchMatMulOptionsT bmmOptions(boolean adjX, boolean adjY) {
    BatchMatMulOptionsT o = new BatchMatMulOptionsT();
    o.setAdjX(adjX);
    o.setAdjY(adjY);
    return o;
  }

  @Test
  void int8TransposeConvHandComputed() {
    // 1x2x2x1 input [1 2 3 4] (zp 0, scale 1), 2x2 weights [1 1 1 1] (scale 0.5), VALID stride 2 -> 4x4 output
    // where each input pixel fills its own 2x2 block with x * 1 * 0.5 (output scale 1, zp 0), rounded:
    // 0.5 -> 1, 1 -> 1, 1.5 -> 2, 2 -> 2 (TF Lite's double rounding, halves away from zero).
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).version(3).options(tconvOptions(Padding.VALID, 2));
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 4, 4, 1});
    int f = m.constant(DataType.INT8, new int[] {1, 2, 2, 1}, new byte[] {1, 1, 1, 1});
    m.builder().setQuantization(f, new float[] {0.5f}, new long[] {0}, 0);
    int in = m.input(DataType.INT8, new int[] {1, 2, 2, 1}, new byte[] {1, 2, 3, 4});
    m.builder().setQuantization(in, 1f, 0);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 1f, 0);
    m.run();
    assertArrayEquals(new int[] {1, 4, 4, 1}, m.shape(0));
    assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2}, m.bytes(0));
  }

  @Test
  void int8BatchMatMulHandComputed() {
    // lhs [[1 2 3]] (zp 1 -> [0 1 2]), rhs [[1],[2],[3]] (zp 0): 0 + 2 + 6 = 8; scales 1 * 0.5 / 1 -> 4, + zp 3.
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).version(2).options(bmmOptions(false, false));
    int l = m.input(DataType.INT8, new int[] {1, 3}, new byte[] {1, 2, 3});
    m.builder().setQuantization(l, 1f, 1);
    int r = m.constant(DataType.INT8, new int[] {3, 1}, new byte[] {1, 2, 3});
    m.builder().setQuantization(r, 0.5f, 0);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 1f, 3);
    m.run();
    assertArrayEquals(new int[] {1, 1}, m.shape(0));
    assertArrayEquals(new byte[] {7}, m.bytes(0));
  }

  private static int[] randomValues(DataType type, int n, Random r) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (type) {
        case UINT8 -> r.nextInt(256);
        case INT8 -> r.nextInt(256) - 128;
        default -> r.nextInt(65536) - 32768;
      };
    }
    return v;
  }

  private static float[] dequantize(int[] q, float scale, int zp) {
    float[] f = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      f[i] = (q[i] - zp) * scale;
    }
    return f;
  }

  private static void assertWithinOneStep(int[] got, float[] want, float outScale, int outZp, int min, int max,
      boolean int16) {
    int inRange = 0;
    for (int i = 0; i < want.length; i++) {
      double exact = Math.max(min, Math.min(max, outZp + want[i] / (double) outScale));
      double tolerance = 1.0 + (int16 ? Math.abs(exact) * 0x1p-15 : 0);
      assertTrue(Math.abs(got[i] - exact) <= tolerance, "element " + i + ": " + got[i] + " vs " + exact);
      if (exact > min && exact < max) {
        inRange++;
      }
    }
    assertTrue(inRange * 2 >= want.length, "most outputs should not saturate: " + inRange + " of " + want.length);
  }

  private static void transposeConvAgainstFloat(DataType type, boolean perChannel, byte padding, int stride, long seed) {
    Random r = new Random(seed);
    int[] inShape = {2, 4, 5, 3};
    int outC = 4;
    int[] wShape = {outC, 3, 3, 3};
    int[] outShape = {2, padding == Padding.SAME ? 4 * stride : 3 * stride + 3, padding == Padding.SAME ? 5 * stride
        : 4 * stride + 3, outC};
    DataType wType = type == DataType.UINT8 ? DataType.UINT8 : DataType.INT8;
    int[] in = randomValues(type, QuantizedCase.count(inShape), r);
    int[] w = randomValues(wType, QuantizedCase.count(wShape), r);
    int inZp = type == DataType.UINT8 ? 128 : type == DataType.INT8 ? -5 : 0;
    int wZp = type == DataType.UINT8 ? 120 : 0;
    float inScale = type == DataType.INT16 ? 0.0004f : 0.03f;
    float[] wScales = perChannel ? new float[] {0.004f, 0.006f, 0.008f, 0.005f} : new float[] {0.006f};
    long[] bias = new long[outC];
    for (int c = 0; c < outC; c++) {
      bias[c] = r.nextInt(2001) - 1000;
    }
    double typical = Math.sqrt(27 / (double) (stride * stride)) * (type == DataType.INT16 ? 18000 : 70) * 70 * inScale
        * 0.006;
    float outScale = (float) (typical * 2 / (type == DataType.INT16 ? 32768 : 128));
    int outZp = type == DataType.UINT8 ? 128 : type == DataType.INT8 ? 3 : 0;

    OpModel q = new OpModel(BuiltinOperator.TRANSPOSE_CONV).version(3).options(tconvOptions(padding, stride));
    q.constant(DataType.INT32, new int[] {4}, outShape);
    int f = q.constant(wType, wShape, QuantizedCase.raw(wType, w));
    long[] zps = new long[wScales.length];
    java.util.Arrays.fill(zps, wZp);
    q.builder().setQuantization(f, wScales, zps, 0);
    int t = q.input(type, inShape, QuantizedCase.feed(type, in));
    q.builder().setQuantization(t, inScale, inZp);
    int b;
    if (type == DataType.INT16) {
      b = q.constant(DataType.INT64, new int[] {outC}, bias.clone());
    } else {
      int[] bi = new int[outC];
      for (int c = 0; c < outC; c++) {
        bi[c] = (int) bias[c];
      }
      b = q.constant(DataType.INT32, new int[] {outC}, bi);
    }
    q.builder().setQuantization(b, inScale * wScales[0], 0);
    int o = q.output(type);
    q.builder().setQuantization(o, outScale, outZp);
    q.run();
    int[] got = QuantizedCase.read(type, q.bytes(0));

    OpModel fm = new OpModel(BuiltinOperator.TRANSPOSE_CONV).version(3).options(tconvOptions(padding, stride));
    fm.constant(DataType.INT32, new int[] {4}, outShape);
    float[] wf = new float[w.length];
    int perOut = w.length / outC;
    for (int i = 0; i < w.length; i++) {
      wf[i] = (w[i] - wZp) * wScales[perChannel ? i / perOut : 0];
    }
    fm.constant(wShape, wf);
    fm.input(inShape, dequantize(in, inScale, inZp));
    float[] bf = new float[outC];
    for (int c = 0; c < outC; c++) {
      bf[c] = bias[c] * inScale * wScales[perChannel ? c : 0];
    }
    fm.constant(new int[] {outC}, bf);
    fm.output(DataType.FLOAT32);
    fm.run();
    assertArrayEquals(fm.shape(0), q.shape(0));
    int min = type == DataType.UINT8 ? 0 : type == DataType.INT8 ? -128 : -32768;
    int max = type == DataType.UINT8 ? 255 : type == DataType.INT8 ? 127 : 32767;
    assertWithinOneStep(got, fm.floats(0), outScale, outZp, min, max, type == DataType.INT16);
  }

  @Test
  void transposeConvRandomAgainstFloat() {
    transposeConvAgainstFloat(DataType.UINT8, false, Padding.SAME, 2, 1);
    transposeConvAgainstFloat(DataType.UINT8, false, Padding.VALID, 1, 2);
    transposeConvAgainstFloat(DataType.INT8, true, Padding.SAME, 2, 3);
    transposeConvAgainstFloat(DataType.INT8, false, Padding.VALID, 2, 4);
    transposeConvAgainstFloat(DataType.INT16, true, Padding.SAME, 2, 5);
  }

  private static void batchMatMulAgainstFloat(DataType type, int[] lShape, int[] rShape, boolean adjX, boolean adjY,
      long seed) {
    Random r = new Random(seed);
    int[] lv = randomValues(type, QuantizedCase.count(lShape), r);
    int[] rv = randomValues(type, QuantizedCase.count(rShape), r);
    boolean int16 = type == DataType.INT16;
    int lZp = int16 ? 0 : 7;
    int rZp = int16 ? 0 : -3;
    float lScale = int16 ? 0.0004f : 0.02f;
    float rScale = int16 ? 0.0003f : 0.01f;
    int depth = adjX ? lShape[lShape.length - 2] : lShape[lShape.length - 1];
    double typical = Math.sqrt(depth) * (int16 ? 19000.0 * 19000.0 : 74.0 * 74.0) * lScale * rScale;
    float outScale = (float) (typical * 2.5 / (int16 ? 32768 : 128));
    int outZp = int16 ? 0 : -4;
    OpModel q = new OpModel(BuiltinOperator.BATCH_MATMUL).version(int16 ? 3 : 2).options(bmmOptions(adjX, adjY));
    int l = q.input(type, lShape, QuantizedCase.feed(type, lv));
    q.builder().setQuantization(l, lScale, lZp);
    int rt = q.input(type, rShape, QuantizedCase.feed(type, rv)); // a run-time rhs
    q.builder().setQuantization(rt, rScale, rZp);
    int o = q.output(type);
    q.builder().setQuantization(o, outScale, outZp);
    q.run();
    int[] got = QuantizedCase.read(type, q.bytes(0));
    OpModel f = new OpModel(BuiltinOperator.BATCH_MATMUL).options(bmmOptions(adjX, adjY));
    f.input(lShape, dequantize(lv, lScale, lZp));
    f.input(rShape, dequantize(rv, rScale, rZp));
    f.output(DataType.FLOAT32);
    f.run();
    assertArrayEquals(f.shape(0), q.shape(0));
    assertWithinOneStep(got, f.floats(0), outScale, outZp, int16 ? -32768 : -128, int16 ? 32767 : 127, int16);
  }

  @Test
  void batchMatMulRandomAgainstFloat() {
    batchMatMulAgainstFloat(DataType.INT8, new int[] {2, 5, 9}, new int[] {2, 9, 4}, false, false, 11);
    batchMatMulAgainstFloat(DataType.INT8, new int[] {3, 1, 9, 5}, new int[] {1, 2, 6, 9}, true, true, 12);
    batchMatMulAgainstFloat(DataType.INT8, new int[] {7, 6}, new int[] {4, 7, 3}, true, false, 13);
    batchMatMulAgainstFloat(DataType.INT16, new int[] {2, 4, 8}, new int[] {8, 3}, false, false, 14);
    batchMatMulAgainstFloat(DataType.INT16, new int[] {2, 4, 8}, new int[] {2, 3, 8}, false, true, 15);
  }

  @Test
  void batchMatMulMixedTypesAreUnsupported() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).version(2).options(bmmOptions(false, false));
    int l = m.input(DataType.INT8, new int[] {1, 2}, new byte[2]);
    m.builder().setQuantization(l, 1f, 0);
    int r = m.input(DataType.INT16, new int[] {2, 1}, new short[2]);
    m.builder().setQuantization(r, 1f, 0);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = assertThrows(UnsupportedOperatorException.class, m::run).getMessage();
    assertTrue(msg.contains("BATCH_MATMUL") && msg.contains("rhs of type INT16"), msg);
  }

  @Test
  void batchMatMulUnquantizedRhsIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).version(2).options(bmmOptions(false, false));
    int l = m.input(DataType.INT8, new int[] {1, 2}, new byte[2]);
    m.builder().setQuantization(l, 1f, 0);
    m.input(DataType.INT8, new int[] {2, 1}, new byte[2]);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = assertThrows(ModelFormatException.class, m::run).getMessage();
    assertTrue(msg.contains("rhs") && msg.contains("no quantization scale"), msg);
  }

  @Test
  void transposeConvWithUint8WeightsOnInt8InputIsUnsupported() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).version(3).options(tconvOptions(Padding.VALID, 1));
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 2, 2, 1});
    int f = m.constant(DataType.UINT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.builder().setQuantization(f, 1f, 0);
    int in = m.input(DataType.INT8, new int[] {1, 2, 2, 1}, new byte[4]);
    m.builder().setQuantization(in, 1f, 0);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = assertThrows(UnsupportedOperatorException.class, m::run).getMessage();
    assertTrue(msg.contains("TRANSPOSE_CONV") && msg.contains("weights of type UINT8"), msg);
  }
}
