package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.DelegateException;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ArgMaxOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorType;

/** Partial delegation: the rest runs on the CPU with a reason, or strict mode refuses the model. */
class StrictModeTest {
  private static Model reluThenArgMax() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2, 5);
    int r = b.addTensor("r", DataType.FLOAT32);
    int axis = b.addConstantInts("axis", new int[0], 1);
    int y = b.addTensor("y", DataType.INT32);
    b.addOperator(BuiltinOperator.RELU, new int[] {x}, new int[] {r});
    ArgMaxOptionsT o = new ArgMaxOptionsT();
    o.setOutputType(TensorType.INT32);
    b.addOperator(BuiltinOperator.ARG_MAX, new int[] {r, axis}, new int[] {y}, o);
    b.addOutput(y);
    return Model.fromBytes(b.build());
  }

  @Test
  void unsupportedNodesRunOnTheCpuWithTheirReason() {
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"));
         Interpreter it = new Interpreter(reluThenArgMax(), new Interpreter.Options().addDelegate(d))) {
      float[][] in = {{1, -2, 7, 3, 0}, {-1, -5, -3, -4, -2}};
      int[] result = new int[2];
      it.run(in, result);
      assertEquals(2, result[0]);
      assertEquals(0, result[1], "relu makes the second row all zeros: the first index wins");
      var report = it.getDelegationReport();
      assertEquals("onnxruntime#0", report.nodes().get(0).placement());
      assertEquals("cpu", report.nodes().get(1).placement());
      assertTrue(report.nodes().get(1).reason().contains("ARG_MAX has no ONNX conversion"), report.toString());
    }
  }

  @Test
  void strictModeRefusesPartialDelegation() {
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"))) {
      DelegateException e = assertThrows(DelegateException.class, () -> new Interpreter(reluThenArgMax(),
          new Interpreter.Options().addDelegate(d).setRequireFullDelegation(true)).close());
      assertTrue(e.getMessage().contains("ARG_MAX"), e.getMessage());
    }
  }
}
