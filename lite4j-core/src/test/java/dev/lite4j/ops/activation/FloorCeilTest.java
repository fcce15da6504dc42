package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** FLOOR and CEIL. */
class FloorCeilTest {
  @Test
  void floor() {
    assertArrayEquals(new float[] {0f, 1f, -2f, -1f, 3f, 1e10f},
        UnaryModels.runFloat(BuiltinOperator.FLOOR, 0.2f, 1.9f, -1.1f, -0.5f, 3f, 1e10f), 0f);
  }

  @Test
  void ceil() {
    assertArrayEquals(new float[] {1f, 2f, -1f, -0f, 3f, -1e10f},
        UnaryModels.runFloat(BuiltinOperator.CEIL, 0.2f, 1.9f, -1.1f, -0.5f, 3f, -1e10f), 0f);
  }

  @Test
  void rejectsInt32() {
    OpModel m = new OpModel(BuiltinOperator.FLOOR);
    m.input(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
