package dev.lite4j.ops.reduce;

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
import org.tensorflow.lite.schema.ReducerOptionsT;

/** MEAN, SUM, REDUCE_MAX and REDUCE_MIN on int8, uint8 and int16 (bit-exact goldens: ShapeFamilyGoldenTest). */
class QuantizedReduceTest {
  private static int[] reduce(int op, boolean keep, DataType type, float inScale, int inZp, float outScale, int outZp,
      int[] shape, int[] axes, int... values) {
    OpModel m = new OpModel(op).version(2).options(keep(keep));
    QuantOps.input(m, type, shape, inScale, inZp, values);
    m.constant(DataType.INT32, new int[] {axes.length}, axes);
    QuantOps.output(m, type, outScale, outZp);
    m.run();
    return QuantOps.values(m, 0, type);
  }

  private static ReducerOptionsT keep(boolean keep) {
    ReducerOptionsT o = new ReducerOptionsT();
    o.setKeepDims(keep);
    return o;
  }

  @Test
  void meanWithSharedQuantizationTruncates() {
    // (1 + 2 + 3 - 7) / 4 = -0.25 -> 0; (5 + 6) / 2 = 5.5 -> 5: C's integer division
    assertArrayEquals(new int[] {0}, reduce(BuiltinOperator.MEAN, false, DataType.INT8, 1f, 0, 1f, 0,
        new int[] {1, 4}, new int[] {1}, 1, 2, 3, -7));
    assertArrayEquals(new int[] {5}, reduce(BuiltinOperator.MEAN, false, DataType.INT8, 1f, 0, 1f, 0,
        new int[] {1, 2}, new int[] {1}, 5, 6));
  }

  @Test
  void meanRescalesInFloat() {
    // uint8 (scale 0.5, zp 10) -> (scale 1, zp 0): mean 13.33 * 0.5 - 5 = 1.67 -> 2
    assertArrayEquals(new int[] {2}, reduce(BuiltinOperator.MEAN, false, DataType.UINT8, 0.5f, 10, 1f, 0,
        new int[] {3}, new int[] {0}, 10, 14, 16));
  }

  @Test
  void meanOverHeightAndWidthOfFourDimensions() {
    // 1, 2, 3, 5: sum 11; uint8 multiplies by 1/4 in fixed point (2.75 -> 3); int8 divides the rescaled sum
    // by 4 rounding half away from zero ((11 + 2) / 4 = 3; -11 -> -3)
    int[] shape = {1, 2, 2, 1};
    int[] hw = {1, 2};
    assertArrayEquals(new int[] {3}, reduce(BuiltinOperator.MEAN, true, DataType.UINT8, 1f, 0, 1f, 0, shape, hw,
        1, 2, 3, 5));
    assertArrayEquals(new int[] {3}, reduce(BuiltinOperator.MEAN, true, DataType.INT8, 1f, 0, 1f, 0, shape, hw,
        1, 2, 3, 5));
    assertArrayEquals(new int[] {-3}, reduce(BuiltinOperator.MEAN, true, DataType.INT16, 1f, 0, 1f, 0, shape, hw,
        -1, -2, -3, -5));
  }

  @Test
  void sumWrapsInTheType() {
    // same quantization: 100 + 100 wraps to -56 in int8; rescaled uint8 250 * 3 + 100 = 850 wraps to 82
    assertArrayEquals(new int[] {-56}, reduce(BuiltinOperator.SUM, false, DataType.INT8, 1f, 0, 1f, 0,
        new int[] {2}, new int[] {0}, 100, 100));
    assertArrayEquals(new int[] {82}, reduce(BuiltinOperator.SUM, false, DataType.UINT8, 1f, 0, 1f, 100,
        new int[] {3}, new int[] {0}, 250, 250, 250));
    // rescaled: (3 + 4) * 0.5 = 3.5 -> 4
    assertArrayEquals(new int[] {4}, reduce(BuiltinOperator.SUM, false, DataType.UINT8, 1f, 0, 2f, 0,
        new int[] {2}, new int[] {0}, 3, 4));
  }

  @Test
  void maxAndMinOfStoredIntegers() {
    int[] v = {-128, 5, -3, 7, 127, -100};
    assertArrayEquals(new int[] {5, 127}, reduce(BuiltinOperator.REDUCE_MAX, false, DataType.INT8, 0.1f, 2, 0.1f, 2,
        new int[] {2, 3}, new int[] {1}, v));
    assertArrayEquals(new int[] {-128, -100}, reduce(BuiltinOperator.REDUCE_MIN, false, DataType.INT8, 0.1f, 2,
        0.1f, 2, new int[] {2, 3}, new int[] {1}, v));
    assertArrayEquals(new int[] {-3, 7}, reduce(BuiltinOperator.REDUCE_MAX, false, DataType.INT16, 0.1f, 0, 0.1f, 0,
        new int[] {2, 2}, new int[] {0}, -3, -9, -30000, 7));
  }

  @Test
  void randomMeanAndSumAgainstTheFloatKernel() {
    Random r = new Random(11);
    int[] shape = {2, 3, 4, 5};
    int[][] axesCases = {{1, 2}, {3}, {0, 2}, {-1, 1}};
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8, DataType.INT16}) {
      int inZp = type == DataType.INT16 ? 0 : type == DataType.UINT8 ? 130 : -9;
      int outZp = type == DataType.INT16 ? 0 : type == DataType.UINT8 ? 120 : 4;
      for (int[] axes : axesCases) {
        int[] q = QuantOps.random(r, type, 120);
        float inScale = 0.02f;
        float outScale = 0.015f;
        int[] got = reduce(BuiltinOperator.MEAN, true, type, inScale, inZp, outScale, outZp, shape, axes, q);
        OpModel f = new OpModel(BuiltinOperator.MEAN).options(keep(true));
        f.input(shape, QuantOps.dequantize(q, inScale, inZp));
        f.constant(DataType.INT32, new int[] {axes.length}, axes);
        f.output(DataType.FLOAT32);
        f.run();
        float[] want = f.floats(0);
        for (int i = 0; i < want.length; i++) {
          int expected = QuantOps.quantize(want[i], outScale, outZp, type);
          assertTrue(Math.abs(expected - got[i]) <= 1,
              type + " axes " + java.util.Arrays.toString(axes) + " element " + i + ": " + got[i] + " vs " + expected);
        }
      }
    }
    // SUM rescaled (int8, uint8) against the float sum
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      int zp = type == DataType.UINT8 ? 128 : 0;
      int[] q = QuantOps.random(r, type, 120);
      int[] got = reduce(BuiltinOperator.SUM, false, type, 0.01f, zp, 0.1f, zp, shape, new int[] {3}, q);
      OpModel f = new OpModel(BuiltinOperator.SUM).options(keep(false));
      f.input(shape, QuantOps.dequantize(q, 0.01f, zp));
      f.constant(DataType.INT32, new int[] {1}, new int[] {3});
      f.output(DataType.FLOAT32);
      f.run();
      float[] want = f.floats(0);
      for (int i = 0; i < want.length; i++) {
        int expected = QuantOps.quantize(want[i], 0.1f, zp, type);
        assertTrue(Math.abs(expected - got[i]) <= 1, type + " sum element " + i + ": " + got[i] + " vs " + expected);
      }
    }
  }

  @Test
  void refusals() {
    // REDUCE_MAX (TF Lite's EvalLogic) needs the input's quantization on the output
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> reduce(BuiltinOperator.REDUCE_MAX, false,
        DataType.INT8, 0.1f, 0, 0.2f, 0, new int[] {2}, new int[] {0}, 1, 2));
    assertTrue(e.getMessage().contains("REDUCE_MAX") && e.getMessage().contains("share"), e.getMessage());
    // int16 SUM is never rescaled
    assertThrows(ModelFormatException.class, () -> reduce(BuiltinOperator.SUM, false, DataType.INT16, 0.1f, 0, 0.2f, 0,
        new int[] {2}, new int[] {0}, 1, 2));
    // no scale
    OpModel m = new OpModel(BuiltinOperator.MEAN).options(keep(false));
    m.input(DataType.INT8, new int[] {2}, new byte[] {1, 2});
    m.constant(DataType.INT32, new int[] {1}, new int[] {0});
    QuantOps.output(m, DataType.INT8, 0.1f, 0);
    assertThrows(ModelFormatException.class, m::run);
    // REDUCE_PROD has no integer kernel here
    assertThrows(UnsupportedOperatorException.class, () -> reduce(BuiltinOperator.REDUCE_PROD, false, DataType.INT8,
        0.1f, 0, 0.1f, 0, new int[] {2}, new int[] {0}, 1, 2));
  }
}
