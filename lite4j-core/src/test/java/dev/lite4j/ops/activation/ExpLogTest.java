package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** EXP and LOG. Expected values: correctly rounded float32 of the exact results (python, mpmath). */
class ExpLogTest {
  @Test
  void exp() {
    assertArrayEquals(new float[] {1f, 2.7182817459106445f, 0.3678794503211975f, 12.182494163513184f,
        2.06115369216775e-09f, Float.POSITIVE_INFINITY, 0f},
        UnaryModels.runFloat(BuiltinOperator.EXP, 0f, 1f, -1f, 2.5f, -20f, 100f, -200f), 0f);
  }

  @Test
  void log() {
    assertArrayEquals(new float[] {0f, 0.6931471824645996f, -0.6931471824645996f, 2.3025851249694824f,
        Float.NEGATIVE_INFINITY, Float.NaN},
        UnaryModels.runFloat(BuiltinOperator.LOG, 1f, 2f, 0.5f, 10f, 0f, -1f), 0f);
  }

  @Test
  void rejectsQuantizedAndMismatchedTypes() {
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.EXP, 2)::run);
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.LOG, 2)::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.EXP)::run);
  }
}
