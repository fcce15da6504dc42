package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.model.TensorDef;
import dev.lite4j.runtime.TensorBuffer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;

/** {@link QuantizedRange}: CalculateActivationRangeQuantized for each fused activation and type. */
class QuantizedRangeTest {
  private static TensorBuffer output(DataType type, float scale, int zeroPoint) {
    QuantizationParams q = new QuantizationParams(scale, zeroPoint, new float[] {scale}, new long[] {zeroPoint}, 0);
    return new TensorBuffer(new TensorDef(0, "out", type, new int[] {1}, new int[] {1}, null, q, false, null, 0));
  }

  private static QuantizedRange range(DataType type, float scale, int zp, byte act) {
    return QuantizedRange.forActivation(null, output(type, scale, zp), act);
  }

  @Test
  void typeRanges() {
    assertEquals(new QuantizedRange(-128, 127), QuantizedRange.of(DataType.INT8));
    assertEquals(new QuantizedRange(0, 255), QuantizedRange.of(DataType.UINT8));
    assertEquals(new QuantizedRange(-32768, 32767), QuantizedRange.of(DataType.INT16));
    assertEquals(new QuantizedRange(Integer.MIN_VALUE, Integer.MAX_VALUE), QuantizedRange.of(DataType.INT32));
    assertThrows(IllegalArgumentException.class, () -> QuantizedRange.of(DataType.FLOAT32));
    assertEquals(3, new QuantizedRange(3, 9).clamp(-100));
    assertEquals(9, new QuantizedRange(3, 9).clamp(100));
    assertEquals(5, new QuantizedRange(3, 9).clamp(5));
  }

  @Test
  void handComputed() {
    // uint8, scale 6/255, zero point 0: RELU6 keeps the whole range.
    assertEquals(new QuantizedRange(0, 255), range(DataType.UINT8, 6f / 255, 0, ActivationFunctionType.RELU6));
    // int8, scale 0.05, zero point -10: 0 -> -10, 6 -> -10 + 120 = 110; 1 -> 10, -1 -> -30.
    assertEquals(new QuantizedRange(-10, 110), range(DataType.INT8, 0.05f, -10, ActivationFunctionType.RELU6));
    assertEquals(new QuantizedRange(-10, 127), range(DataType.INT8, 0.05f, -10, ActivationFunctionType.RELU));
    assertEquals(new QuantizedRange(-30, 10), range(DataType.INT8, 0.05f, -10, ActivationFunctionType.RELU_N1_TO_1));
    assertEquals(new QuantizedRange(-128, 127), range(DataType.INT8, 0.05f, -10, ActivationFunctionType.NONE));
    // the quantized 6 beyond the type's range is cut to it
    assertEquals(new QuantizedRange(-128, 127), range(DataType.INT8, 0.01f, -128, ActivationFunctionType.RELU6));
    // int16: 6 / 0.0005 = 12000
    assertEquals(new QuantizedRange(0, 12000), range(DataType.INT16, 0.0005f, 0, ActivationFunctionType.RELU6));
  }

  @Test
  void tinyScaleDoesNotWrapTheRange() {
    // 6 / 1e-30 is far beyond int32: saturates instead of wrapping around (which inverted the range before).
    assertEquals(new QuantizedRange(200, 255), range(DataType.UINT8, 1e-30f, 200, ActivationFunctionType.RELU6));
    assertEquals(new QuantizedRange(0, 32767), range(DataType.INT16, 1e-9f, 0, ActivationFunctionType.RELU6));
  }

  @Test
  void randomAgainstExactRounding() {
    SplittableRandom r = new SplittableRandom(31);
    DataType[] types = {DataType.INT8, DataType.UINT8, DataType.INT16};
    for (int i = 0; i < 200_000; i++) {
      DataType type = types[r.nextInt(3)];
      QuantizedRange full = QuantizedRange.of(type);
      int zp = type == DataType.INT16 ? 0 : r.nextInt(full.min(), full.max() + 1);
      float scale = (float) Math.scalb(1.0 + r.nextDouble(), r.nextInt(-14, 0));
      // TF Lite divides in float, then rounds half away from zero
      int q6 = zp + new BigDecimal(6f / scale).setScale(0, RoundingMode.HALF_UP).intValueExact();
      int q1 = zp + new BigDecimal(1f / scale).setScale(0, RoundingMode.HALF_UP).intValueExact();
      int qm1 = zp + new BigDecimal(-1f / scale).setScale(0, RoundingMode.HALF_UP).intValueExact();
      assertEquals(new QuantizedRange(Math.max(full.min(), zp), Math.min(full.max(), q6)),
          range(type, scale, zp, ActivationFunctionType.RELU6));
      assertEquals(new QuantizedRange(Math.max(full.min(), zp), full.max()),
          range(type, scale, zp, ActivationFunctionType.RELU));
      assertEquals(new QuantizedRange(Math.max(full.min(), qm1), Math.min(full.max(), q1)),
          range(type, scale, zp, ActivationFunctionType.RELU_N1_TO_1));
    }
  }
}
