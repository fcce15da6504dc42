package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;

class FullyConnectedTest {
  private static FullyConnectedOptionsT options(byte act, boolean keepNumDims) {
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setFusedActivationFunction(act);
    o.setKeepNumDims(keepNumDims);
    return o;
  }

  @Test
  void withBias() {
    // [1 2 3] . [1 0 -1] + 1 = -1; [1 2 3] . [.5 .5 .5] - 1 = 2; [4 5 6]: -1 and 6.5.
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, false));
    m.input(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    m.constant(new int[] {2, 3}, 1, 0, -1, 0.5f, 0.5f, 0.5f);
    m.constant(new int[] {2}, 1, -1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new float[] {-1, 2, -1, 6.5f}, m.floats(0), 0f);
  }

  @Test
  void flattensTheInputWithoutBiasAndAppliesRelu() {
    // 8 elements, rows of 4: [1 2 3 4] and [5 6 7 8]; units (1 1 1 1), (0 0 0 .5), (1 -1 1 -1).
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.RELU, false));
    m.input(new int[] {1, 2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
    m.constant(new int[] {3, 4}, 1, 1, 1, 1, 0, 0, 0, 0.5f, 1, -1, 1, -1);
    m.noInput();
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {10, 2, 0, 26, 4, 0}, m.floats(0), 0f);
  }

  @Test
  void keepNumDimsKeepsTheLeadingDimensions() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, true))
        .version(5);
    m.input(new int[] {2, 1, 3}, 1, 2, 3, 4, 5, 6);
    m.constant(new int[] {2, 3}, 1, 1, 1, 0, 0, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 1, 2}, m.shape(0));
    assertArrayEquals(new float[] {6, 3, 15, 6}, m.floats(0), 0f);
  }

  @Test
  void fiveRowsWithRelu6() {
    // Row i = (i, 1); units (1, 0), (0, 1), (2, -3) with bias 1: (i, 1, 2i - 2), clamped to [0, 6].
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.RELU6, false));
    m.input(new int[] {5, 2}, 0, 1, 1, 1, 2, 1, 3, 1, 4, 1);
    m.constant(new int[] {3, 2}, 1, 0, 0, 1, 2, -3);
    m.constant(new int[] {3}, 0, 0, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0, 1, 0, 1, 1, 0, 2, 1, 2, 3, 1, 4, 4, 1, 6}, m.floats(0), 0f);
  }

  @Test
  void weightsComputedAtRunTime() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, false));
    m.input(new int[] {1, 2}, 3, 4);
    m.input(new int[] {1, 2}, 1, 2);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {11}, m.floats(0), 0f);
    m.feed(1, new float[] {-1, 1});
    m.run();
    assertArrayEquals(new float[] {1}, m.floats(0), 0f);
  }

  @Test
  void inputNotAWholeNumberOfRowsIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, false));
    m.input(new int[] {1, 5}, new float[5]);
    m.constant(new int[] {2, 3}, new float[6]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void keepNumDimsWithAnotherLastDimensionIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, true));
    m.input(new int[] {3, 2}, new float[6]);
    m.constant(new int[] {2, 3}, new float[6]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void biasOfTheWrongSizeIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, false));
    m.input(new int[] {1, 3}, new float[3]);
    m.constant(new int[] {2, 3}, new float[6]);
    m.constant(new int[] {3}, new float[3]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void shuffledWeightsFormatIsUnsupported() {
    FullyConnectedOptionsT o = options(ActivationFunctionType.NONE, false);
    o.setWeightsFormat(FullyConnectedOptionsWeightsFormat.SHUFFLED4x16INT8);
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(o).version(2);
    m.input(new int[] {1, 16}, new float[16]);
    m.constant(new int[] {4, 16}, new float[64]);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void int8InputWithoutScalesIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(options(ActivationFunctionType.NONE, false))
        .version(4);
    m.input(DataType.INT8, new int[] {1, 2}, new byte[] {1, 2});
    m.constant(DataType.INT8, new int[] {1, 2}, new byte[] {1, 1});
    m.output(DataType.INT8);
    // the integer kernel takes INT8 nodes; these tensors carry no quantization
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void reluN1To1() {
    // Input (0.5, -1); units (1, 0), (0, 1), (2, 2), (4, 1) with bias (0, -0.5, 0.25, 1):
    // (0.5, -1.5, -0.75, 2) clamped to [-1, 1].
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED)
        .options(options(ActivationFunctionType.RELU_N1_TO_1, false));
    m.input(new int[] {1, 2}, 0.5f, -1);
    m.constant(new int[] {4, 2}, 1, 0, 0, 1, 2, 2, 4, 1);
    m.constant(new int[] {4}, 0, -0.5f, 0.25f, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0.5f, -1, -0.75f, 1}, m.floats(0), 0f);
  }
}
