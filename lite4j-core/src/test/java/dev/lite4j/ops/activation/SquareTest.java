package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class SquareTest {
  @Test
  void squaresInFloat() {
    OpModel m = new OpModel(BuiltinOperator.SQUARE);
    m.input(new int[] {1, 2, 3}, 1f, -2f, 0.5f, 3f, -0.1f, 1e20f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 3}, m.shape(0));
    // 0.1f * 0.1f in float is 0.010000001f; 1e40 overflows float.
    assertArrayEquals(new float[] {1f, 4f, 0.25f, 9f, 0.010000001f, Float.POSITIVE_INFINITY}, m.floats(0), 0f);
  }

  @Test
  void rejectsInt32AndMismatchedOutput() {
    OpModel m = new OpModel(BuiltinOperator.SQUARE);
    m.input(DataType.INT32, new int[] {1}, new int[] {3});
    m.output(DataType.INT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.SQUARE)::run);
  }
}
