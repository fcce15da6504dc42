package dev.lite4j.ops.normalization;

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

/** L2_NORMALIZATION on uint8 and int8 (bit-exact goldens: ShapeFamilyGoldenTest). */
class QuantizedL2NormalizationTest {
  private static int[] l2(DataType type, float scale, int zp, int outZp, int[] shape, int... values) {
    OpModel m = new OpModel(BuiltinOperator.L2_NORMALIZATION).version(2);
    QuantOps.input(m, type, shape, scale, zp, values);
    QuantOps.output(m, type, 1f / 128, outZp);
    m.run();
    return QuantOps.values(m, 0, type);
  }

  @Test
  void threeFourFive() {
    // (3, 4) / 5 = (0.6, 0.8): 76.8 -> 77 and 102.4 -> 102 steps of 1/128; uint8 adds the zero point 128.
    assertArrayEquals(new int[] {77, 102}, l2(DataType.INT8, 0.5f, 0, 0, new int[] {1, 2}, 3, 4));
    assertArrayEquals(new int[] {128 + 77, 128 + 102}, l2(DataType.UINT8, 0.5f, 10, 128, new int[] {1, 2}, 13, 14));
    // a zero row stays at the zero point; (0, -1) -> -1 -> -128 (clamped at the type's range)
    assertArrayEquals(new int[] {0, 0, 0, -128}, l2(DataType.INT8, 0.5f, 0, 0, new int[] {2, 2}, 0, 0, 0, -1));
  }

  @Test
  void randomAgainstTheFloatKernel() {
    Random r = new Random(9);
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      int zp = type == DataType.UINT8 ? 128 : 0;
      int inZp = type == DataType.UINT8 ? 100 : -3;
      int[] q = QuantOps.random(r, type, 5 * 17);
      int[] got = l2(type, 0.07f, inZp, zp, new int[] {5, 17}, q);
      OpModel f = new OpModel(BuiltinOperator.L2_NORMALIZATION);
      f.input(new int[] {5, 17}, QuantOps.dequantize(q, 0.07f, inZp));
      f.output(DataType.FLOAT32);
      f.run();
      float[] want = f.floats(0);
      for (int i = 0; i < want.length; i++) {
        int expected = QuantOps.quantize(want[i], 1f / 128, zp, type);
        assertTrue(Math.abs(expected - got[i]) <= 1, type + " element " + i + ": " + got[i] + " vs " + expected);
      }
    }
  }

  @Test
  void refusals() {
    OpModel zp = new OpModel(BuiltinOperator.L2_NORMALIZATION).version(2);
    QuantOps.input(zp, DataType.INT8, new int[] {1, 2}, 0.5f, 0, 3, 4);
    QuantOps.output(zp, DataType.INT8, 1f / 128, 5);
    ModelFormatException e = assertThrows(ModelFormatException.class, zp::run);
    assertTrue(e.getMessage().contains("L2_NORMALIZATION") && e.getMessage().contains("1/128"), e.getMessage());
    OpModel i16 = new OpModel(BuiltinOperator.L2_NORMALIZATION).version(2);
    QuantOps.input(i16, DataType.INT16, new int[] {1, 2}, 0.5f, 0, 3, 4);
    QuantOps.output(i16, DataType.INT16, 1f / 128, 0);
    assertThrows(UnsupportedOperatorException.class, i16::run);
  }
}
