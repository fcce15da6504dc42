package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** Expected values: correctly rounded float32 of the exact results (python, mpmath). */
class SqrtTest {
  @Test
  void sqrt() {
    assertArrayEquals(new float[] {0f, 1f, 2f, 1.4142135381698608f, 1.7320507764816284f, 0.7071067690849304f,
        Float.NaN}, UnaryModels.runFloat(BuiltinOperator.SQRT, 0f, 1f, 4f, 2f, 3f, 0.5f, -1f), 0f);
  }

  @Test
  void rsqrtIsOneOverTheFloatSquareRoot() {
    assertArrayEquals(new float[] {1f, 0.5f, 0.7071067690849304f, 0.5773502588272095f, 1.4142135381698608f, 100f,
        Float.POSITIVE_INFINITY},
        UnaryModels.runFloat(BuiltinOperator.RSQRT, 1f, 4f, 2f, 3f, 0.5f, 1e-4f, 0f), 0f);
  }

  @Test
  void rejectsQuantizedAndMismatchedTypes() {
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.SQRT, 2)::run);
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.RSQRT, 2)::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.RSQRT)::run);
  }
}
