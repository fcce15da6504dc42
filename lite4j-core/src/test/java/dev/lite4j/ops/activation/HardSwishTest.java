package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class HardSwishTest {
  @Test
  void xTimesRelu6OfXPlus3Over6() {
    // -4 -> -4*0/6; -3 -> 0; -1 -> -1*2/6; 0 -> 0; 1 -> 1*4/6; 3 -> 3*6/6; 5 -> 5*6/6 (clamped).
    float[] expected = {-0f, 0f, -1f * 2f / 6f, 0f, 4f / 6f, 3f, 5f};
    assertArrayEquals(expected,
        UnaryModels.runFloat(BuiltinOperator.HARD_SWISH, -4f, -3f, -1f, 0f, 1f, 3f, 5f), 1e-7f);
    assertArrayEquals(new float[] {-0.33333334f, 0.6666667f},
        UnaryModels.runFloat(BuiltinOperator.HARD_SWISH, -1f, 1f), 0f);
  }

  @Test
  void rejectsQuantizedAndMismatchedTypes() {
    assertThrows(UnsupportedOperatorException.class,
        UnaryModels.quantized(BuiltinOperator.HARD_SWISH, 1, dev.lite4j.DataType.INT16)::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.HARD_SWISH)::run);
  }
}
