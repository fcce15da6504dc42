package dev.lite4j.ops.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.goldenops.QuantOps;
import dev.lite4j.testutil.OpModel;
import dev.lite4j.testutil.OpOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;

/** AVERAGE_POOL_2D and MAX_POOL_2D on int8, uint8 and int16 (bit-exact goldens: ShapeFamilyGoldenTest). */
class QuantizedPoolTest {
  private static int[] pool(int op, Pool2DOptionsT o, DataType type, float scale, int zp, int[] shape, int... values) {
    OpModel m = new OpModel(op).version(2).options(o);
    QuantOps.input(m, type, shape, scale, zp, values);
    QuantOps.output(m, type, scale, zp);
    m.run();
    return QuantOps.values(m, 0, type);
  }

  @Test
  void averageRoundsHalfAwayFromZero() {
    // windows {1,2} -> 1.5 -> 2; {-1,-2} -> -1.5 -> -2; {2,3,4,6} -> 3.75 -> 4; {-3,-3,-3,-2} -> -2.75 -> -3
    int[] out = pool(BuiltinOperator.AVERAGE_POOL_2D, OpOptions.pool2d(Padding.VALID, 1, 2, 1, 2, ActivationFunctionType.NONE),
        DataType.INT8, 0.5f, 0, new int[] {1, 1, 4, 1}, 1, 2, -1, -2);
    assertArrayEquals(new int[] {2, -2}, out);
    out = pool(BuiltinOperator.AVERAGE_POOL_2D, OpOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE),
        DataType.INT16, 0.5f, 0, new int[] {1, 2, 4, 1}, 2, 3, -3, -3, 4, 6, -3, -2);
    assertArrayEquals(new int[] {4, -3}, out);
  }

  @Test
  void averageUint8SameCountsOnlyInsideTapsAndClampsRelu6() {
    // scale 0.1, zero point 10: RELU6 clamps to [10, 70]. 2x2 image, 2x2 window, stride 1, SAME:
    // (0+50+100+101)/4 = 62.75 -> 63, (50+101)/2 = 75.5 -> 76 -> 70, (100+101)/2 -> 101 -> 70, 101 -> 70.
    int[] out = pool(BuiltinOperator.AVERAGE_POOL_2D, OpOptions.pool2d(Padding.SAME, 2, 2, 1, 1, ActivationFunctionType.RELU6),
        DataType.UINT8, 0.1f, 10, new int[] {1, 2, 2, 1}, 0, 50, 100, 101);
    assertArrayEquals(new int[] {63, 70, 70, 70}, out);
  }

  @Test
  void maxStartsFromTheTypeMinimumAndAppliesRelu() {
    // int8 scale 1 zero point -100: RELU clamps below at -100.
    int[] out = pool(BuiltinOperator.MAX_POOL_2D, OpOptions.pool2d(Padding.SAME, 2, 2, 2, 2, ActivationFunctionType.RELU),
        DataType.INT8, 1f, -100, new int[] {1, 3, 3, 1}, -128, -120, -90, -127, -128, -110, 5, -128, -128);
    assertArrayEquals(new int[] {-100, -90, 5, -100}, out);
    out = pool(BuiltinOperator.MAX_POOL_2D, OpOptions.pool2d(Padding.VALID, 1, 3, 1, 1, ActivationFunctionType.NONE),
        DataType.INT16, 1f, 0, new int[] {1, 1, 3, 2}, -32768, 7, -32000, 9, -32768, -4);
    assertArrayEquals(new int[] {-32000, 9}, out);
  }

  @ParameterizedTest
  @EnumSource(names = {"INT8", "UINT8", "INT16"})
  void randomAgainstTheFloatKernel(DataType type) {
    Random r = new Random(7);
    int[] shape = {2, 7, 6, 3};
    float scale = 0.037f;
    int zp = type == DataType.INT16 ? 0 : type == DataType.UINT8 ? 120 : -7;
    for (int op : new int[] {BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.MAX_POOL_2D}) {
      Pool2DOptionsT o = OpOptions.pool2d(Padding.SAME, 3, 2, 2, 1, ActivationFunctionType.RELU6);
      int[] q = QuantOps.random(r, type, 2 * 7 * 6 * 3);
      int[] got = pool(op, o, type, scale, zp, shape, q);
      OpModel f = new OpModel(op).options(o);
      f.input(shape, QuantOps.dequantize(q, scale, zp));
      f.output(DataType.FLOAT32);
      f.run();
      float[] want = f.floats(0);
      for (int i = 0; i < want.length; i++) {
        int expected = QuantOps.quantize(want[i], scale, zp, type);
        assertTrue(Math.abs(expected - got[i]) <= 1, "element " + i + ": " + got[i] + " vs " + expected);
      }
    }
  }

  @Test
  void refusesMissingScaleAndMixedTypes() {
    OpModel m = new OpModel(BuiltinOperator.AVERAGE_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE));
    m.input(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    QuantOps.output(m, DataType.INT8, 0.5f, 0);
    ModelFormatException e = assertThrows(ModelFormatException.class, m::run);
    assertTrue(e.getMessage().contains("AVERAGE_POOL_2D") && e.getMessage().contains("scale"), e.getMessage());

    OpModel mixed = new OpModel(BuiltinOperator.MAX_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE));
    QuantOps.input(mixed, DataType.INT8, new int[] {1, 1, 1, 1}, 0.5f, 0, 1);
    QuantOps.output(mixed, DataType.UINT8, 0.5f, 0);
    assertThrows(ModelFormatException.class, mixed::run);

    OpModel int32 = new OpModel(BuiltinOperator.MAX_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE));
    int32.input(DataType.INT32, new int[] {1, 1, 1, 1}, new int[] {1});
    int32.output(DataType.INT32);
    assertThrows(UnsupportedOperatorException.class, int32::run);
  }
}
