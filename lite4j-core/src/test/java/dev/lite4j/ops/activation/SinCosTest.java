package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** SIN and COS. Expected values: correctly rounded float32 of the exact results (python, mpmath). */
class SinCosTest {
  @Test
  void sin() {
    assertArrayEquals(new float[] {0f, 0.4794255495071411f, -0.8414709568023682f, 0.14112000167369843f,
        -0.5063656568527222f}, UnaryModels.runFloat(BuiltinOperator.SIN, 0f, 0.5f, -1f, 3f, 100f), 0f);
  }

  @Test
  void cos() {
    assertArrayEquals(new float[] {1f, 0.8775825500488281f, 0.5403022766113281f, -0.9899924993515015f,
        0.8623188734054565f}, UnaryModels.runFloat(BuiltinOperator.COS, 0f, 0.5f, -1f, 3f, 100f), 0f);
  }

  @Test
  void rejectsInt32() {
    OpModel m = new OpModel(BuiltinOperator.SIN);
    m.input(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
