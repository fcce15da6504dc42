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
import org.tensorflow.lite.schema.SubOptionsT;

class SubTest {
  private static OpModel sub(byte activation) {
    SubOptionsT o = new SubOptionsT();
    o.setFusedActivationFunction(activation);
    return new OpModel(BuiltinOperator.SUB).options(o);
  }

  @Test
  void floatBroadcastWithRelu() {
    OpModel m = sub(ActivationFunctionType.RELU);
    m.input(new int[] {2, 2}, 1f, -2f, 3.5f, 0f);
    m.constant(new int[] {2}, 0.5f, -1f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new float[] {0.5f, 0f, 3f, 1f}, m.floats(0), 0f);
  }

  @Test
  void scalarSecondInputWithReluN1To1() {
    OpModel m = sub(ActivationFunctionType.RELU_N1_TO_1);
    m.input(new int[] {3}, 3f, -3f, 0.25f);
    m.constant(new int[] {}, 0.5f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {1f, -1f, -0.25f}, m.floats(0), 0f);
  }

  @Test
  void scalarFirstInput() {
    OpModel m = sub(ActivationFunctionType.NONE);
    m.constant(new int[] {1}, 10f);
    m.input(new int[] {3}, 1f, 2f, 12.5f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {9f, 8f, -2.5f}, m.floats(0), 0f);
  }

  @Test
  void rankSixBroadcast() {
    // a [2,1,1,1,1,2], b [2,1] -> [2,1,1,1,2,2]; out(i,k,j) = a(i,j) - b(k).
    OpModel m = sub(ActivationFunctionType.NONE);
    m.input(new int[] {2, 1, 1, 1, 1, 2}, 1f, 2f, 3f, 4f);
    m.input(new int[] {2, 1}, 10f, 20f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 1, 1, 1, 2, 2}, m.shape(0));
    assertArrayEquals(new float[] {-9f, -8f, -19f, -18f, -7f, -6f, -17f, -16f}, m.floats(0), 0f);
  }

  @Test
  void int32WithRelu6AndWrap() {
    OpModel m = sub(ActivationFunctionType.RELU6);
    m.input(DataType.INT32, new int[] {3}, new int[] {10, 3, -4});
    m.constant(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {6, 2, 0}, m.ints(0));

    OpModel wrap = sub(ActivationFunctionType.NONE);
    wrap.input(DataType.INT32, new int[] {2}, new int[] {Integer.MIN_VALUE, 16777217});
    wrap.input(DataType.INT32, new int[] {2}, new int[] {1, 0});
    wrap.output(DataType.INT32);
    wrap.run();
    assertArrayEquals(new int[] {Integer.MAX_VALUE, 16777217}, wrap.ints(0));
  }

  @Test
  void int64() {
    OpModel m = sub(ActivationFunctionType.NONE);
    m.input(DataType.INT64, new int[] {2}, new long[] {5_000_000_000L, -1L});
    m.input(DataType.INT64, new int[] {2}, new long[] {1L, 2_000_000_000L});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new long[] {4_999_999_999L, -2_000_000_001L}, m.longs(0));
  }

  @Test
  void rejectsBadShapesTypesAndRank() {
    OpModel shapes = sub(ActivationFunctionType.NONE);
    shapes.input(new int[] {2, 3}, new float[6]);
    shapes.input(new int[] {2}, 1f, 2f);
    shapes.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shapes::run);

    OpModel rank7 = sub(ActivationFunctionType.NONE);
    rank7.input(new int[] {1, 1, 1, 1, 1, 1, 2}, 1f, 2f);
    rank7.input(new int[] {1}, 1f);
    rank7.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, rank7::run);

    OpModel mixed = sub(ActivationFunctionType.NONE);
    mixed.input(new int[] {1}, 1f);
    mixed.input(DataType.INT32, new int[] {1}, new int[] {1});
    mixed.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, mixed::run);

    OpModel bool = sub(ActivationFunctionType.NONE);
    bool.input(DataType.BOOL, new int[] {1}, new boolean[] {true});
    bool.input(DataType.BOOL, new int[] {1}, new boolean[] {true});
    bool.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, bool::run);

    OpModel tanh = sub(ActivationFunctionType.TANH);
    tanh.input(new int[] {1}, 1f);
    tanh.input(new int[] {1}, 1f);
    tanh.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, tanh::run);
  }
}
