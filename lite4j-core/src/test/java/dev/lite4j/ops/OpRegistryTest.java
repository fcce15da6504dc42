package dev.lite4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.Interpreter;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.model.OpNames;
import dev.lite4j.ops.elementwise.Add;
import dev.lite4j.ops.elementwise.ElementwiseOps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class OpRegistryTest {
  /**
   * The float operators issue 7 requires. ONES_LIKE is not among them: TensorFlow Lite's schema has no
   * such builtin (its converter emits FILL), so there is nothing to register.
   */
  private static final String[] REQUIRED = (
      "ADD SUB MUL DIV SQUARED_DIFFERENCE MAXIMUM MINIMUM POW FLOOR_DIV FLOOR_MOD ABS NEG SQRT RSQRT EXP "
      + "LOG SIN COS SQUARE FLOOR CEIL ROUND RELU RELU6 RELU_N1_TO_1 RELU_0_TO_1 LEAKY_RELU PRELU ELU GELU "
      + "HARD_SWISH LOGISTIC TANH SOFTMAX LOG_SOFTMAX CONV_2D DEPTHWISE_CONV_2D TRANSPOSE_CONV "
      + "FULLY_CONNECTED BATCH_MATMUL AVERAGE_POOL_2D MAX_POOL_2D L2_POOL_2D MEAN SUM REDUCE_MAX REDUCE_MIN "
      + "REDUCE_PROD ARG_MAX ARG_MIN CONCATENATION RESHAPE SQUEEZE EXPAND_DIMS TRANSPOSE PAD PADV2 "
      + "MIRROR_PAD SLICE STRIDED_SLICE SPLIT SPLIT_V PACK UNPACK GATHER GATHER_ND TILE BROADCAST_TO SHAPE "
      + "FILL RANGE CAST DEQUANTIZE DENSIFY DEPTH_TO_SPACE SPACE_TO_DEPTH BATCH_TO_SPACE_ND "
      + "SPACE_TO_BATCH_ND RESIZE_BILINEAR RESIZE_NEAREST_NEIGHBOR L2_NORMALIZATION "
      + "LOCAL_RESPONSE_NORMALIZATION SELECT SELECT_V2 LESS LESS_EQUAL GREATER GREATER_EQUAL EQUAL "
      + "NOT_EQUAL LOGICAL_AND LOGICAL_OR LOGICAL_NOT ZEROS_LIKE CUMSUM TOPK_V2 "
      + "UNIDIRECTIONAL_SEQUENCE_LSTM").split(" ");

  @Test
  void everyBuiltinOperatorIsRegisteredOrListedAsUnsupported() {
    OpRegistry r = OpRegistry.builtin();
    List<String> missing = new ArrayList<>();
    for (int code = 0; code <= OpNames.maxBuiltinCode(); code++) {
      String name = BuiltinOperator.names[code];
      if (name.isEmpty()) {
        continue; // a gap in the schema's numbering
      }
      if (!r.entries().containsKey(code) && !r.unsupportedOnPurpose().contains(code)) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "operators neither registered nor listed in UnsupportedOps");
  }

  @Test
  void everyRequiredOperatorIsRegistered() {
    OpRegistry r = OpRegistry.builtin();
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      int code = java.util.Arrays.asList(BuiltinOperator.names).indexOf(name);
      assertTrue(code >= 0, name);
      if (!r.entries().containsKey(code)) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyEntryBuildsAFreshKernel() {
    for (OpRegistry.Entry e : OpRegistry.builtin().entries().values()) {
      Kernel k = e.create();
      assertNotNull(k, OpNames.builtinName(e.builtinCode()));
      assertTrue(k != e.create(), "one kernel per node: " + OpNames.builtinName(e.builtinCode()));
    }
    OpRegistry.Entry add = OpRegistry.builtin().entries().get(BuiltinOperator.ADD);
    assertEquals(4, add.maxVersion());
    assertInstanceOf(Add.class, add.create());
  }

  @Test
  void builderRefusesAnOperatorListedTwice() {
    OpRegistry.Builder b = new OpRegistry.Builder().add(new ElementwiseOps());
    assertThrows(IllegalStateException.class, () -> b.add(new ElementwiseOps()));
    assertThrows(IllegalStateException.class, () -> b.unsupported(BuiltinOperator.ADD));
  }

  @Test
  void builderRefusesACaseThatBuildsItsKernelWhileListing() {
    OpRegistry.Family careless = (code, row) -> code == BuiltinOperator.ADD ? new Add() : null;
    assertThrows(IllegalStateException.class, () -> new OpRegistry.Builder().add(careless));
  }

  @Test
  void unknownOperatorNamesOpVersionNodeAndOutput() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2);
    int y = b.addTensor("y", DataType.FLOAT32, 2);
    int z = b.addTensor("the_output", DataType.FLOAT32, 2);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, x}, new int[] {y});
    b.addOperator(BuiltinOperator.CUSTOM, 1, new int[] {y}, new int[] {z}, null);
    b.addOutput(z);
    Model m = Model.fromBytes(b.build());
    UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class, () -> new Interpreter(m));
    assertTrue(e.getMessage().contains("CUSTOM") && e.getMessage().contains("version 1")
        && e.getMessage().contains("node 1") && e.getMessage().contains("'the_output'"), e.getMessage());
  }

  @Test
  void tooNewVersionIsUnsupported() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2);
    int y = b.addTensor("y", DataType.FLOAT32, 2);
    b.addOperator(BuiltinOperator.ADD, 99, new int[] {x, x}, new int[] {y}, null);
    b.addOutput(y);
    Model m = Model.fromBytes(b.build());
    UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class, () -> new Interpreter(m));
    assertTrue(e.getMessage().contains("ADD version 99") && e.getMessage().contains("node 0"), e.getMessage());
  }
}
