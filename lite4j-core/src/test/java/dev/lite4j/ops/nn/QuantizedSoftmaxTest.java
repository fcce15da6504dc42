package dev.lite4j.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.goldenops.QuantOps;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

/** SOFTMAX and LOG_SOFTMAX on int8, uint8 and int16 (bit-exact goldens: ShapeFamilyGoldenTest). */
class QuantizedSoftmaxTest {
  private static SoftmaxOptionsT beta(float b) {
    SoftmaxOptionsT o = new SoftmaxOptionsT();
    o.setBeta(b);
    return o;
  }

  private static OpModel softmax(float beta, DataType in, float inScale, int inZp, DataType out, float outScale,
      int outZp, int[] shape, int... values) {
    OpModel m = new OpModel(BuiltinOperator.SOFTMAX).version(2).options(beta(beta));
    QuantOps.input(m, in, shape, inScale, inZp, values);
    QuantOps.output(m, out, outScale, outZp);
    return m;
  }

  @Test
  void equalInputsShareTheProbability() {
    // four equal values: 1/4 each = 64/256 (uint8, zero point 0), 64 - 128 (int8), 16384 - 32768 (int16 of 1/65536)
    OpModel u8 = softmax(1f, DataType.UINT8, 0.1f, 0, DataType.UINT8, 1f / 256, 0, new int[] {1, 4}, 9, 9, 9, 9);
    u8.run();
    assertArrayEquals(new int[] {64, 64, 64, 64}, QuantOps.values(u8, 0, DataType.UINT8));
    OpModel i8 = softmax(1f, DataType.INT8, 0.1f, 0, DataType.INT8, 1f / 256, -128, new int[] {1, 4}, -3, -3, -3, -3);
    i8.run();
    assertArrayEquals(new int[] {-64, -64, -64, -64}, QuantOps.values(i8, 0, DataType.INT8));
    OpModel i16 = softmax(1f, DataType.INT8, 0.1f, 0, DataType.INT16, 1f / 65536, -32768, new int[] {1, 4}, 5, 5, 5,
        5);
    i16.run();
    assertArrayEquals(new int[] {-16384, -16384, -16384, -16384}, QuantOps.values(i16, 0, DataType.INT16));
  }

  @Test
  void uint8OutputSaturatesAtOne() {
    // one value far above the others: probability ~1 = 256/256 clamps to 255; the rest round to 0.
    OpModel m = softmax(1f, DataType.UINT8, 1f, 0, DataType.UINT8, 1f / 256, 0, new int[] {1, 3}, 0, 200, 0);
    m.run();
    assertArrayEquals(new int[] {0, 255, 0}, QuantOps.values(m, 0, DataType.UINT8));
  }

  @Test
  void randomAgainstTheFloatKernel() {
    Random r = new Random(3);
    int[] shape = {3, 21};
    DataType[][] pairs = {
        {DataType.UINT8, DataType.UINT8}, {DataType.INT8, DataType.INT8}, {DataType.INT8, DataType.INT16},
        {DataType.UINT8, DataType.INT16}, {DataType.INT16, DataType.INT16}};
    for (DataType[] p : pairs) {
      float inScale = p[0] == DataType.INT16 ? 1f / 4096 : 0.045f;
      int inZp = p[0] == DataType.UINT8 ? 128 : 0;
      float outScale = p[1] == DataType.INT16 ? (p[0] == DataType.INT16 ? 1f / 32768 : 1f / 65536) : 1f / 256;
      int outZp = p[1] == DataType.INT8 ? -128 : p[1] == DataType.INT16 && p[0] != DataType.INT16 ? -32768 : 0;
      int[] q = QuantOps.random(r, p[0], 63);
      OpModel m = softmax(0.8f, p[0], inScale, inZp, p[1], outScale, outZp, shape, q);
      m.run();
      int[] got = QuantOps.values(m, 0, p[1]);
      OpModel f = new OpModel(BuiltinOperator.SOFTMAX).options(beta(0.8f));
      f.input(shape, QuantOps.dequantize(q, inScale, inZp));
      f.output(DataType.FLOAT32);
      f.run();
      float[] want = f.floats(0);
      // int16 input runs through interpolated tables of exp and 1/(1+x): within 2^-11 of the float result.
      float tolerance = p[0] == DataType.INT16 ? 1f / 2048 : outScale;
      for (int i = 0; i < want.length; i++) {
        float real = (got[i] - outZp) * outScale;
        assertTrue(Math.abs(real - want[i]) <= tolerance,
            p[0] + "->" + p[1] + " element " + i + ": " + real + " vs " + want[i]);
      }
    }
  }

  @Test
  void logSoftmaxHandCase() {
    // two equal values: log(1/2) = -0.693 = -11.09 steps of 1/16 -> rint -11, + 255 = 244 (uint8), + 127 = 116 (int8)
    OpModel u8 = new OpModel(BuiltinOperator.LOG_SOFTMAX);
    QuantOps.input(u8, DataType.UINT8, new int[] {1, 2}, 0.1f, 0, 30, 30);
    QuantOps.output(u8, DataType.UINT8, 16f / 256, 255);
    u8.run();
    assertArrayEquals(new int[] {244, 244}, QuantOps.values(u8, 0, DataType.UINT8));
    OpModel i8 = new OpModel(BuiltinOperator.LOG_SOFTMAX).version(2);
    QuantOps.input(i8, DataType.INT8, new int[] {1, 2}, 0.1f, 0, -30, -30);
    QuantOps.output(i8, DataType.INT8, 16f / 256, 127);
    i8.run();
    assertArrayEquals(new int[] {116, 116}, QuantOps.values(i8, 0, DataType.INT8));
  }

  @Test
  void logSoftmaxRandomAgainstTheFloatKernel() {
    Random r = new Random(5);
    for (DataType type : new DataType[] {DataType.UINT8, DataType.INT8}) {
      int zp = type == DataType.UINT8 ? 255 : 127;
      int[] q = QuantOps.random(r, type, 40);
      OpModel m = new OpModel(BuiltinOperator.LOG_SOFTMAX).version(2);
      QuantOps.input(m, type, new int[] {4, 10}, 0.02f, 3, q);
      QuantOps.output(m, type, 16f / 256, zp);
      m.run();
      int[] got = QuantOps.values(m, 0, type);
      OpModel f = new OpModel(BuiltinOperator.LOG_SOFTMAX);
      f.input(new int[] {4, 10}, QuantOps.dequantize(q, 0.02f, 3));
      f.output(DataType.FLOAT32);
      f.run();
      float[] want = f.floats(0);
      for (int i = 0; i < want.length; i++) {
        int expected = QuantOps.quantize(want[i], 16f / 256, zp, type);
        assertTrue(Math.abs(expected - got[i]) <= 1, type + " element " + i + ": " + got[i] + " vs " + expected);
      }
    }
  }

  @Test
  void badQuantizationIsRefusedNamingTheNode() {
    // int8 output must be zero point -128, scale 1/256
    OpModel zp = softmax(1f, DataType.INT8, 0.1f, 0, DataType.INT8, 1f / 256, 0, new int[] {1, 2}, 1, 2);
    ModelFormatException e = assertThrows(ModelFormatException.class, zp::run);
    assertTrue(e.getMessage().contains("SOFTMAX") && e.getMessage().contains("-128"), e.getMessage());
    // no input scale
    OpModel noScale = new OpModel(BuiltinOperator.SOFTMAX).options(beta(1f));
    noScale.input(DataType.UINT8, new int[] {1, 2}, new byte[] {1, 2});
    QuantOps.output(noScale, DataType.UINT8, 1f / 256, 0);
    assertThrows(ModelFormatException.class, noScale::run);
    // int16 input with uint8 output is not a TF Lite kernel
    OpModel mixed = softmax(1f, DataType.INT16, 0.001f, 0, DataType.UINT8, 1f / 256, 0, new int[] {1, 2}, 1, 2);
    assertThrows(UnsupportedOperatorException.class, mixed::run);
    // LOG_SOFTMAX output must be 16/256 with zero point 255 (uint8)
    OpModel log = new OpModel(BuiltinOperator.LOG_SOFTMAX);
    QuantOps.input(log, DataType.UINT8, new int[] {1, 2}, 0.1f, 0, 1, 2);
    QuantOps.output(log, DataType.UINT8, 1f / 256, 0);
    assertThrows(ModelFormatException.class, log::run);
    OpModel log16 = new OpModel(BuiltinOperator.LOG_SOFTMAX);
    QuantOps.input(log16, DataType.INT16, new int[] {1, 2}, 0.1f, 0, 1, 2);
    QuantOps.output(log16, DataType.INT16, 1f / 256, 0);
    assertThrows(UnsupportedOperatorException.class, log16::run);
  }
}
