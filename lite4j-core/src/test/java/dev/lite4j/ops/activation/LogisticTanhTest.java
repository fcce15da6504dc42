package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** LOGISTIC and TANH. Expected values: correctly rounded float32 of the exact results (python, mpmath). */
class LogisticTanhTest {
  @Test
  void logistic() {
    assertArrayEquals(new float[] {0.5f, 0.622459352016449f, 0.2689414322376251f, 0.9525741338729858f,
        2.06115369216775e-09f, 1f, 3.783505853677006e-44f, 0f, 1f},
        UnaryModels.runFloat(BuiltinOperator.LOGISTIC, 0f, 0.5f, -1f, 3f, -20f, 20f, -100f, -1000f, 1000f), 0f);
  }

  @Test
  void tanh() {
    assertArrayEquals(new float[] {0f, 0.46211716532707214f, -0.7615941762924194f, 0.9950547814369202f, -1f},
        UnaryModels.runFloat(BuiltinOperator.TANH, 0f, 0.5f, -1f, 3f, -20f), 0f);
  }

  @Test
  void rejectsQuantizedAndMismatchedTypes() {
    // 8-bit LOGISTIC needs output scale 1/256, as TF Lite's SigmoidPrepare insists (the model has 0.5).
    ModelFormatException e = assertThrows(ModelFormatException.class,
        UnaryModels.quantizedInt8(BuiltinOperator.LOGISTIC, 2)::run);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("node 0"), e.getMessage());
    // INT16 TANH needs power-of-two scales 2^-12 (or 2^-11) in and 2^-15 out.
    assertThrows(ModelFormatException.class,
        UnaryModels.quantized(BuiltinOperator.TANH, 3, dev.lite4j.DataType.INT16)::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.TANH)::run);
  }
}
