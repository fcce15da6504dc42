package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.testutil.OpModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class ActivationOpsTest {
  /** Max versions from TF Lite's register.cc (current TF Lite). */
  private static final Map<Integer, Integer> MAX_VERSIONS = Map.ofEntries(
      Map.entry(BuiltinOperator.ABS, 5), Map.entry(BuiltinOperator.NEG, 1),
      Map.entry(BuiltinOperator.SQRT, 2), Map.entry(BuiltinOperator.RSQRT, 3),
      Map.entry(BuiltinOperator.EXP, 2), Map.entry(BuiltinOperator.LOG, 2),
      Map.entry(BuiltinOperator.SIN, 1), Map.entry(BuiltinOperator.COS, 1),
      Map.entry(BuiltinOperator.SQUARE, 1), Map.entry(BuiltinOperator.FLOOR, 1),
      Map.entry(BuiltinOperator.CEIL, 1), Map.entry(BuiltinOperator.ROUND, 1),
      Map.entry(BuiltinOperator.RELU, 3), Map.entry(BuiltinOperator.RELU6, 3),
      Map.entry(BuiltinOperator.RELU_N1_TO_1, 1), Map.entry(BuiltinOperator.RELU_0_TO_1, 1),
      Map.entry(BuiltinOperator.LEAKY_RELU, 2), Map.entry(BuiltinOperator.PRELU, 1),
      Map.entry(BuiltinOperator.ELU, 1), Map.entry(BuiltinOperator.GELU, 2),
      Map.entry(BuiltinOperator.HARD_SWISH, 1), Map.entry(BuiltinOperator.LOGISTIC, 3),
      Map.entry(BuiltinOperator.TANH, 3), Map.entry(BuiltinOperator.CAST, 7),
      Map.entry(BuiltinOperator.ZEROS_LIKE, 1));

  @Test
  void registersEveryOpWithTfLitesMaxVersion() {
    Map<Integer, OpRegistry.Entry> entries = OpRegistry.builtin().entries();
    MAX_VERSIONS.forEach((code, max) -> assertEquals(max, entries.get(code).maxVersion(),
        BuiltinOperator.name(code)));
  }

  @Test
  void refusesAVersionAboveTheMax() {
    OpModel m = new OpModel(BuiltinOperator.RELU).version(4);
    m.input(new int[] {1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
