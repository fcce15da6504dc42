package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;

class AddTest {
  @Test
  void addsWithBroadcastingAndRelu6() {
    AddOptionsT o = new AddOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.RELU6);
    OpModel m = new OpModel(BuiltinOperator.ADD).options(o);
    m.input(new int[] {2, 3}, -2f, 1f, 2f, 3f, 4f, 5f);
    m.constant(new int[] {3}, 1f, 1f, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {0f, 2f, 4f, 4f, 5f, 6f}, m.floats(0), 0f);
  }

  @Test
  void addsInt32() {
    OpModel m = new OpModel(BuiltinOperator.ADD);
    m.input(DataType.INT32, new int[] {3}, new int[] {1, 2, 3});
    m.input(DataType.INT32, new int[] {1}, new int[] {-5});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {-4, -3, -2}, m.ints(0));
  }

  @Test
  void int32StaysExactBeyondFloatPrecisionAndWraps() {
    // 2^24 + 1 is not a float: the sum must not pass through one.
    OpModel m = new OpModel(BuiltinOperator.ADD);
    m.input(DataType.INT32, new int[] {2}, new int[] {16777216, Integer.MAX_VALUE});
    m.input(DataType.INT32, new int[] {2}, new int[] {1, 1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {16777217, Integer.MIN_VALUE}, m.ints(0));
  }

  @Test
  void int64WithRelu() {
    AddOptionsT o = new AddOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.RELU);
    OpModel m = new OpModel(BuiltinOperator.ADD).options(o);
    m.input(DataType.INT64, new int[] {3}, new long[] {9007199254740992L, -5L, 4_000_000_000L});
    m.constant(DataType.INT64, new int[] {1}, new long[] {1L});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new long[] {9007199254740993L, 0L, 4_000_000_001L}, m.longs(0));
  }

  @Test
  void floatOverflowClampsToFloatMaxAsTfLite() {
    // TF Lite clamps to [lowest, max] even without an activation: inf becomes FLT_MAX.
    OpModel m = new OpModel(BuiltinOperator.ADD);
    m.input(new int[] {2}, 3e38f, -3e38f);
    m.input(new int[] {2}, 3e38f, -3e38f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE}, m.floats(0), 0f);
  }

  @Test
  void rejectsShapesThatDoNotBroadcast() {
    OpModel m = new OpModel(BuiltinOperator.ADD);
    m.input(new int[] {2}, 1f, 2f);
    m.input(new int[] {3}, 1f, 2f, 3f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsWrongOutputTypeAndUnsupportedTypes() {
    OpModel wrongOut = new OpModel(BuiltinOperator.ADD);
    wrongOut.input(new int[] {1}, 1f);
    wrongOut.input(new int[] {1}, 1f);
    wrongOut.output(DataType.INT32);
    assertThrows(ModelFormatException.class, wrongOut::run);

    OpModel int8 = new OpModel(BuiltinOperator.ADD);
    int8.input(DataType.INT8, new int[] {1}, new byte[] {1});
    int8.input(DataType.INT8, new int[] {1}, new byte[] {1});
    int8.output(DataType.INT8);
    // INT8 without quantization parameters: a clear error naming the tensor.
    ModelFormatException e = assertThrows(ModelFormatException.class, int8::run);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no quantization scale"), e.getMessage());
  }

  @Test
  void floatWithReluN1To1() {
    // Row (1, 0.5) added to each row: (-3 + 1, 0.25 + 0.5; 0.75 + 1, 2 + 0.5) = (-2, 0.75; 1.75, 2.5)
    // clamped to [-1, 1].
    AddOptionsT o = new AddOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.RELU_N1_TO_1);
    OpModel m = new OpModel(BuiltinOperator.ADD).options(o);
    m.input(new int[] {2, 2}, -3f, 0.25f, 0.75f, 2f);
    m.constant(new int[] {1, 2}, 1f, 0.5f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-1f, 0.75f, 1f, 1f}, m.floats(0), 0f);
  }

  @Test
  void int32WithRelu6AndReluN1To1() {
    // (-4, 3, 10) + 1 = (-3, 4, 11): RELU6 -> (0, 4, 6), RELU_N1_TO_1 -> (-1, 1, 1).
    byte[] acts = {ActivationFunctionType.RELU6, ActivationFunctionType.RELU_N1_TO_1};
    int[][] expected = {{0, 4, 6}, {-1, 1, 1}};
    for (int i = 0; i < acts.length; i++) {
      AddOptionsT o = new AddOptionsT();
      o.setFusedActivationFunction(acts[i]);
      OpModel m = new OpModel(BuiltinOperator.ADD).options(o);
      m.input(DataType.INT32, new int[] {3}, new int[] {-4, 3, 10});
      m.constant(DataType.INT32, new int[] {1}, new int[] {1});
      m.output(DataType.INT32);
      m.run();
      assertArrayEquals(expected[i], m.ints(0));
    }
  }

  @Test
  void fusedTanhIsUnsupported() {
    AddOptionsT o = new AddOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.TANH);
    OpModel m = new OpModel(BuiltinOperator.ADD).options(o);
    m.input(new int[] {1}, 1f);
    m.input(new int[] {1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
