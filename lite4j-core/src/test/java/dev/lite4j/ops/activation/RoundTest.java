package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class RoundTest {
  @Test
  void roundsHalfToEven() {
    assertArrayEquals(new float[] {0f, 2f, 2f, 4f, -2f, -2f, -4f, 1f, -1f, 3f, 8388609f},
        UnaryModels.runFloat(BuiltinOperator.ROUND,
            0.5f, 1.5f, 2.5f, 3.5f, -1.5f, -2.5f, -3.5f, 0.7f, -1.3f, 2.6f, 8388609f), 0f);
  }

  @Test
  void smallNegativesGivePositiveZeroAsTfLite() {
    float[] out = UnaryModels.runFloat(BuiltinOperator.ROUND, -0.5f, -0.3f);
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(out[0]));
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(out[1]));
  }

  @Test
  void rejectsMismatchedOutput() {
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.ROUND)::run);
  }
}
