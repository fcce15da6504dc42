package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DivOptionsT;

class DivTest {
  private static OpModel div(byte activation) {
    DivOptionsT o = new DivOptionsT();
    o.setFusedActivationFunction(activation);
    return new OpModel(BuiltinOperator.DIV).options(o);
  }

  @Test
  void float32() {
    OpModel m = div(ActivationFunctionType.NONE);
    m.input(new int[] {3}, 1f, -6f, 7f);
    m.input(new int[] {3}, 4f, 3f, -2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0.25f, -2f, -3.5f}, m.floats(0), 0f);
  }

  @Test
  void floatBroadcastWithRelu() {
    OpModel m = div(ActivationFunctionType.RELU);
    m.input(new int[] {2, 2}, 1f, -6f, 7f, 8f);
    m.constant(new int[] {1}, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0.5f, 0f, 3.5f, 4f}, m.floats(0), 0f);
  }

  @Test
  void floatDivisionByZeroIsClampedLikeTfLite() {
    // x/0 is +-inf in IEEE; TF Lite's NONE activation clamps it to +-FLT_MAX; 0/0 stays NaN.
    OpModel m = div(ActivationFunctionType.NONE);
    m.input(new int[] {3}, 1f, -1f, 0f);
    m.input(new int[] {3}, 0f, 0f, 0f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN}, m.floats(0), 0f);
  }

  @Test
  void int32TruncatesTowardZero() {
    OpModel m = div(ActivationFunctionType.NONE);
    m.input(DataType.INT32, new int[] {5}, new int[] {7, -7, 7, -7, Integer.MIN_VALUE});
    m.input(DataType.INT32, new int[] {5}, new int[] {2, 2, -2, -2, -1});
    m.output(DataType.INT32);
    m.run();
    // MIN_VALUE / -1 overflows back to MIN_VALUE (C++ leaves it undefined; no trap here).
    assertArrayEquals(new int[] {3, -3, -3, 3, Integer.MIN_VALUE}, m.ints(0));
  }

  @Test
  void int32WithRelu6() {
    OpModel m = div(ActivationFunctionType.RELU6);
    m.input(DataType.INT32, new int[] {3}, new int[] {100, 9, -9});
    m.input(DataType.INT32, new int[] {1}, new int[] {3});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {6, 3, 0}, m.ints(0));
  }

  @Test
  void int32DivisionByZeroIsAnError() {
    OpModel m = div(ActivationFunctionType.NONE);
    m.input(DataType.INT32, new int[] {2}, new int[] {1, 2});
    m.input(DataType.INT32, new int[] {2}, new int[] {1, 0});
    m.output(DataType.INT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsInt64AndBadShapes() {
    OpModel int64 = div(ActivationFunctionType.NONE);
    int64.input(DataType.INT64, new int[] {1}, new long[] {1});
    int64.input(DataType.INT64, new int[] {1}, new long[] {1});
    int64.output(DataType.INT64);
    assertThrows(UnsupportedOperatorException.class, int64::run);

    OpModel shapes = div(ActivationFunctionType.NONE);
    shapes.input(new int[] {2}, 1f, 2f);
    shapes.input(new int[] {4}, 1f, 2f, 3f, 4f);
    shapes.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shapes::run);
  }

  @Test
  void floatWithReluN1To1() {
    // (1, -6, 3, -1) / (4, 3, 2, 8) = (0.25, -2, 1.5, -0.125) clamped to [-1, 1].
    OpModel m = div(ActivationFunctionType.RELU_N1_TO_1);
    m.input(new int[] {4}, 1f, -6f, 3f, -1f);
    m.input(new int[] {4}, 4f, 3f, 2f, 8f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0.25f, -1f, 1f, -0.125f}, m.floats(0), 0f);
  }
}
