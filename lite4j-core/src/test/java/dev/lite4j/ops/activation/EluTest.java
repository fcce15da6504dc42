package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** Expected values: correctly rounded float32 of e^x - 1 (python, mpmath). */
class EluTest {
  @Test
  void expm1BelowZeroIdentityAbove() {
    assertArrayEquals(new float[] {-0.6321205496788025f, -0.39346933364868164f, -1f, 0f, 0.5f, 3f},
        UnaryModels.runFloat(BuiltinOperator.ELU, -1f, -0.5f, -20f, 0f, 0.5f, 3f), 0f);
  }

  @Test
  void rejectsQuantizedUint8AndInt16() {
    // TF Lite 2.6 has an INT8 ELU only.
    assertThrows(UnsupportedOperatorException.class,
        UnaryModels.quantized(BuiltinOperator.ELU, 1, dev.lite4j.DataType.UINT8)::run);
    assertThrows(UnsupportedOperatorException.class,
        UnaryModels.quantized(BuiltinOperator.ELU, 1, dev.lite4j.DataType.INT16)::run);
  }
}
