package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** The clamping activations: RELU, RELU6, RELU_N1_TO_1, RELU_0_TO_1. */
class ReluTest {
  private static final float[] IN = {-3f, -1f, -0.5f, 0f, 0.5f, 1f, 2f, 6f, 7f};

  @Test
  void relu() {
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 0.5f, 1f, 2f, 6f, 7f},
        UnaryModels.runFloat(BuiltinOperator.RELU, IN), 0f);
  }

  @Test
  void relu6() {
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 0.5f, 1f, 2f, 6f, 6f},
        UnaryModels.runFloat(BuiltinOperator.RELU6, IN), 0f);
  }

  @Test
  void relu6MapsNanToZeroAsStdMinMax() {
    assertArrayEquals(new float[] {0f}, UnaryModels.runFloat(BuiltinOperator.RELU6, Float.NaN), 0f);
  }

  @Test
  void reluN1To1() {
    assertArrayEquals(new float[] {-1f, -1f, -0.5f, 0f, 0.5f, 1f, 1f, 1f, 1f},
        UnaryModels.runFloat(BuiltinOperator.RELU_N1_TO_1, IN), 0f);
    assertTrue(Float.isNaN(UnaryModels.runFloat(BuiltinOperator.RELU_N1_TO_1, Float.NaN)[0]));
  }

  @Test
  void relu0To1() {
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 0.5f, 1f, 1f, 1f, 1f},
        UnaryModels.runFloat(BuiltinOperator.RELU_0_TO_1, IN), 0f);
  }

  @Test
  void keepsRank4Shape() {
    OpModel m = new OpModel(BuiltinOperator.RELU);
    m.input(new int[] {1, 2, 1, 2}, -1f, 1f, -2f, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 1, 2}, m.shape(0));
    assertArrayEquals(new float[] {0f, 1f, 0f, 2f}, m.floats(0), 0f);
  }

  @Test
  void rejectsQuantizedInt16AndQuantizedRelu0To1() {
    // TF Lite 2.6 has INT8/UINT8 kernels for RELU, RELU6 and RELU_N1_TO_1, none for INT16; RELU_0_TO_1 is float.
    for (int op : new int[] {BuiltinOperator.RELU, BuiltinOperator.RELU6, BuiltinOperator.RELU_N1_TO_1}) {
      assertThrows(UnsupportedOperatorException.class,
          UnaryModels.quantized(op, 1, dev.lite4j.DataType.INT16)::run);
    }
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.RELU_0_TO_1, 1)::run);
  }

  @Test
  void rejectsTwoInputsAndMismatchedOutput() {
    OpModel m = new OpModel(BuiltinOperator.RELU);
    m.input(new int[] {1}, 1f);
    m.input(new int[] {1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.RELU6)::run);
  }
}
