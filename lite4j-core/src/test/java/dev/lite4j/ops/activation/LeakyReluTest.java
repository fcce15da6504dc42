package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.LeakyReluOptionsT;

class LeakyReluTest {
  @Test
  void scalesNegativesByAlpha() {
    LeakyReluOptionsT o = new LeakyReluOptionsT();
    o.setAlpha(0.5f);
    assertArrayEquals(new float[] {-1.5f, -0.25f, 0f, 1f, 3f},
        UnaryModels.runFloatWith(BuiltinOperator.LEAKY_RELU, o, -3f, -0.5f, 0f, 1f, 3f), 0f);
  }

  @Test
  void alphaAboveOneAndNegativeAlpha() {
    LeakyReluOptionsT o = new LeakyReluOptionsT();
    o.setAlpha(2f);
    assertArrayEquals(new float[] {-4f, 1f}, UnaryModels.runFloatWith(BuiltinOperator.LEAKY_RELU, o, -2f, 1f), 0f);
    o.setAlpha(-1f);
    assertArrayEquals(new float[] {2f, 1f}, UnaryModels.runFloatWith(BuiltinOperator.LEAKY_RELU, o, -2f, 1f), 0f);
  }

  @Test
  void withoutOptionsAlphaIsTheSchemaDefaultZero() {
    assertArrayEquals(new float[] {0f, 1f}, UnaryModels.runFloat(BuiltinOperator.LEAKY_RELU, -2f, 1f), 0f);
  }

  @Test
  void rejectsQuantizedAndMismatchedTypes() {
    // Integer tensors without quantization parameters: a clear error, not a kernel on scale 0.
    OpModel m = new OpModel(BuiltinOperator.LEAKY_RELU);
    m.input(dev.lite4j.DataType.INT8, new int[] {1}, new byte[] {1});
    m.output(dev.lite4j.DataType.INT8);
    ModelFormatException e = assertThrows(ModelFormatException.class, m::run);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no quantization scale"), e.getMessage());
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.LEAKY_RELU)::run);
  }
}
