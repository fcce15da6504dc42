package dev.lite4j.ops.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import dev.lite4j.testutil.OpOptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;

/** AVERAGE_POOL_2D, MAX_POOL_2D and L2_POOL_2D on hand-computed windows. */
class PoolTest {
  private static OpModel pool(int op, Pool2DOptionsT o, int[] shape, float... values) {
    OpModel m = new OpModel(op).options(o);
    m.input(shape, values);
    m.output(DataType.FLOAT32);
    m.run();
    return m;
  }

  private static final float[] TWO_BY_FOUR = {0, 6, 2, 4, 3, 2, 10, 7};

  @Test
  void averageValidStrideTwo() {
    OpModel m = pool(BuiltinOperator.AVERAGE_POOL_2D,
        OpOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE), new int[] {1, 2, 4, 1}, TWO_BY_FOUR);
    assertArrayEquals(new int[] {1, 1, 2, 1}, m.shape(0));
    // (0+6+3+2)/4 and (2+4+10+7)/4
    assertArrayEquals(new float[] {2.75f, 5.75f}, m.floats(0), 0f);
  }

  @Test
  void averageSameCountsOnlyInBoundsTapsWithRelu6() {
    // 3x3 image of 1..9 in channel 0 and its negative in channel 1; 2x2 window, stride 1, SAME:
    // the odd padding goes after, so border windows see 2 or 1 taps and average only those.
    float[] in = new float[18];
    for (int i = 0; i < 9; i++) {
      in[2 * i] = i + 1;
      in[2 * i + 1] = -(i + 1);
    }
    OpModel m = pool(BuiltinOperator.AVERAGE_POOL_2D,
        OpOptions.pool2d(Padding.SAME, 2, 2, 1, 1, ActivationFunctionType.RELU6), new int[] {1, 3, 3, 2}, in);
    assertArrayEquals(new int[] {1, 3, 3, 2}, m.shape(0));
    // Channel 0 before RELU6: 3, 4, 4.5, 6, 7, 7.5, 7.5, 8.5, 9; channel 1 is negative -> 0.
    float[] expected = {3, 0, 4, 0, 4.5f, 0, 6, 0, 6, 0, 6, 0, 6, 0, 6, 0, 6, 0};
    assertArrayEquals(expected, m.floats(0), 0f);
  }

  @Test
  void maxValid() {
    OpModel m = pool(BuiltinOperator.MAX_POOL_2D,
        OpOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE), new int[] {1, 2, 4, 1}, TWO_BY_FOUR);
    assertArrayEquals(new float[] {6f, 10f}, m.floats(0), 0f);
  }

  @Test
  void maxSameDoesNotPoolThePadding() {
    // -9..-1 in a 3x3 image; padding taps are not zeros, so every max stays negative.
    float[] in = {-9, -8, -7, -6, -5, -4, -3, -2, -1};
    OpModel m = pool(BuiltinOperator.MAX_POOL_2D,
        OpOptions.pool2d(Padding.SAME, 2, 2, 2, 2, ActivationFunctionType.NONE), new int[] {1, 3, 3, 1}, in);
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {-5f, -4f, -2f, -1f}, m.floats(0), 0f);
  }

  @Test
  void maxWithReluN1To1AndBatches() {
    float[] in = {-4, 0.5f, 3, 2, -7, -2, -3, -0.25f};
    OpModel m = pool(BuiltinOperator.MAX_POOL_2D,
        OpOptions.pool2d(Padding.VALID, 1, 2, 1, 2, ActivationFunctionType.RELU_N1_TO_1), new int[] {2, 1, 4, 1}, in);
    assertArrayEquals(new int[] {2, 1, 2, 1}, m.shape(0));
    // maxima 0.5, 3, -2, -0.25 clamped to [-1, 1]
    assertArrayEquals(new float[] {0.5f, 1f, -1f, -0.25f}, m.floats(0), 0f);
  }

  @Test
  void l2Valid() {
    OpModel m = pool(BuiltinOperator.L2_POOL_2D,
        OpOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE), new int[] {1, 2, 4, 1}, TWO_BY_FOUR);
    // sqrt((0+36+9+4)/4) = 3.5 and sqrt((4+16+100+49)/4) = 6.5
    assertArrayEquals(new float[] {3.5f, 6.5f}, m.floats(0), 1e-6f);
  }

  @Test
  void l2SameCountsOnlyInBoundsTapsWithRelu() {
    OpModel m = pool(BuiltinOperator.L2_POOL_2D,
        OpOptions.pool2d(Padding.SAME, 1, 2, 1, 2, ActivationFunctionType.RELU), new int[] {1, 1, 3, 1}, 3f, -4f, 12f);
    assertArrayEquals(new int[] {1, 1, 2, 1}, m.shape(0));
    // sqrt((9+16)/2) and the last window holds 12 alone: sqrt(144/1)
    assertArrayEquals(new float[] {3.5355339f, 12f}, m.floats(0), 1e-6f);
  }

  @Test
  void rejectsInputThatIsNot4D() {
    OpModel m = new OpModel(BuiltinOperator.MAX_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE));
    m.input(new int[] {2, 2, 1}, 1f, 2f, 3f, 4f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsZeroStride() {
    OpModel m = new OpModel(BuiltinOperator.AVERAGE_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 0, 1, ActivationFunctionType.NONE));
    m.input(new int[] {1, 1, 1, 1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsFilterLargerThanAValidInput() {
    OpModel m = new OpModel(BuiltinOperator.L2_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 5, 1, 1, 1, ActivationFunctionType.NONE));
    m.input(new int[] {1, 1, 1, 1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void l2PoolRefusesQuantizedInput() {
    // TF Lite has no integer L2_POOL_2D either.
    OpModel m = new OpModel(BuiltinOperator.L2_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE));
    int t = m.input(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.builder().setQuantization(t, 0.5f, 0);
    int out = m.output(DataType.INT8);
    m.builder().setQuantization(out, 0.5f, 0);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void refusesTanhActivation() {
    OpModel m = new OpModel(BuiltinOperator.AVERAGE_POOL_2D)
        .options(OpOptions.pool2d(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.TANH));
    m.input(new int[] {1, 1, 1, 1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void averageWithUnequalStrides() {
    // 3x4 input 1..12, 2x2 filter, VALID, stride h 1 w 2: windows start at columns 0 and 2 of rows 0 and 1.
    // avg(1 2 5 6) = 3.5, avg(3 4 7 8) = 5.5, avg(5 6 9 10) = 7.5, avg(7 8 11 12) = 9.5.
    OpModel m = pool(BuiltinOperator.AVERAGE_POOL_2D,
        OpOptions.pool2d(Padding.VALID, 2, 2, 1, 2, ActivationFunctionType.NONE), new int[] {1, 3, 4, 1},
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {3.5f, 5.5f, 7.5f, 9.5f}, m.floats(0), 0f);
  }

  @Test
  void maxWithATallFilterStrideDownSameAndReluN1To1() {
    // 3x2 input rows (1, -5) (4, -7) (-2, -6); filter 3x1, stride h 2 w 1, SAME: output 2x2, one padding
    // row before and one after: out row 0 = max(rows 0, 1) = (4, -5), row 1 = max(rows 1, 2) = (4, -6).
    OpModel m = pool(BuiltinOperator.MAX_POOL_2D,
        OpOptions.pool2d(Padding.SAME, 3, 1, 2, 1, ActivationFunctionType.RELU_N1_TO_1), new int[] {1, 3, 2, 1},
        1, -5, 4, -7, -2, -6);
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {1, -1, 1, -1}, m.floats(0), 0f);
  }
}
