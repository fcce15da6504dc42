package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.delegate.NodeSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.MirrorPadMode;
import org.tensorflow.lite.schema.MirrorPadOptionsT;
import org.tensorflow.lite.schema.Padding;

/** Nodes the delegate must leave on the CPU, each with a reason that says why. */
class SupportTest {
  static OnnxRuntimeDelegate delegate;

  @BeforeAll
  static void open() {
    delegate = new OnnxRuntimeDelegate(Map.of("cache", "off"));
  }

  @AfterAll
  static void close() {
    delegate.close();
  }

  private static String reason(byte[] model, int node) {
    try (PartitionHarness h = new PartitionHarness(Model.fromBytes(model), delegate)) {
      NodeSupport s = h.support.get(node);
      assertFalse(s.isSupported(), "node " + node + " should stay on the CPU");
      return ((NodeSupport.Unsupported) s).reason();
    }
  }

  private static Conv2DOptionsT same() {
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(Padding.SAME);
    o.setStrideH(1);
    o.setStrideW(1);
    return o;
  }

  @Test
  void convWithRuntimeFilterStaysOnCpu() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 4, 4, 2);
    int w = b.addInput("w", DataType.FLOAT32, 3, 3, 3, 2);
    int y = b.addTensor("y", DataType.FLOAT32);
    b.addOperator(BuiltinOperator.CONV_2D, new int[] {x, w, -1}, new int[] {y}, same());
    b.addOutput(y);
    assertTrue(reason(b.build(), 0).contains("filter is not constant"));
  }

  /** The node as a delegate sees it, straight from the file (no CPU prepare: the CPU may lack the op too). */
  private static String unpreparedReason(byte[] bytes, int node) {
    Model m = Model.fromBytes(bytes);
    var g = m.primarySubgraph();
    var op = g.operators().get(node);
    java.util.function.Function<int[], java.util.List<dev.lite4j.runtime.TensorBuffer>> bind = idx -> {
      java.util.List<dev.lite4j.runtime.TensorBuffer> out = new java.util.ArrayList<>();
      for (int i : idx) {
        out.add(i < 0 ? null : new dev.lite4j.runtime.TensorBuffer(g.tensors().get(i)));
      }
      return out;
    };
    NodeSupport s = delegate.supports(new dev.lite4j.delegate.DelegateNode(node, op, bind.apply(op.inputs()),
        bind.apply(op.outputs())));
    assertFalse(s.isSupported());
    return ((NodeSupport.Unsupported) s).reason();
  }

  @Test
  void hybridInt8WeightsStayOnCpu() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 4, 4, 2);
    int w = b.addConstant("w", DataType.INT8, new int[] {3, 1, 1, 2}, new byte[6]);
    b.setQuantization(w, 0.1f, 0);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 4, 4, 3);
    b.addOperator(BuiltinOperator.CONV_2D, 5, new int[] {x, w, -1}, new int[] {y}, same());
    b.addOutput(y);
    String why = unpreparedReason(b.build(), 0);
    assertTrue(why.contains("INT8"), why);
  }

  @Test
  void quantizedGraphsStayOnCpu() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.INT8, 1, 4);
    b.setQuantization(x, 0.1f, 0);
    int z = b.addInput("z", DataType.INT8, 1, 4);
    b.setQuantization(z, 0.1f, 0);
    int y = b.addTensor("y", DataType.INT8, 1, 4);
    b.setQuantization(y, 0.2f, 0);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, z}, new int[] {y}, new org.tensorflow.lite.schema.AddOptionsT());
    b.addOutput(y);
    assertTrue(unpreparedReason(b.build(), 0).contains("float32 only"));
  }

  @Test
  void reshapeToComputedShapeStaysOnCpu() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2, 3);
    int s = b.addInput("s", DataType.INT32, 1);
    int y = b.addTensor("y", DataType.FLOAT32);
    b.addOperator(BuiltinOperator.RESHAPE, new int[] {x, s}, new int[] {y});
    b.addOutput(y);
    String why;
    try (PartitionHarness h = new PartitionHarness(Model.fromBytes(b.build()), delegate)) {
      why = h.unsupported();
    }
    assertFalse(why.isEmpty());
  }

  @Test
  void symmetricMirrorPadStaysOnCpu() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 4, 4, 1);
    int p = b.addConstantInts("p", new int[] {4, 2}, 0, 0, 1, 1, 1, 1, 0, 0);
    int y = b.addTensor("y", DataType.FLOAT32);
    MirrorPadOptionsT o = new MirrorPadOptionsT();
    o.setMode(MirrorPadMode.SYMMETRIC);
    b.addOperator(BuiltinOperator.MIRROR_PAD, new int[] {x, p}, new int[] {y}, o);
    b.addOutput(y);
    assertTrue(reason(b.build(), 0).contains("SYMMETRIC"));
  }

  @Test
  void opWithoutConversionSaysSo() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2, 3);
    int a = b.addConstantInts("a", new int[0], 1);
    int y = b.addTensor("y", DataType.INT32);
    org.tensorflow.lite.schema.ArgMaxOptionsT o = new org.tensorflow.lite.schema.ArgMaxOptionsT();
    o.setOutputType(org.tensorflow.lite.schema.TensorType.INT32);
    b.addOperator(BuiltinOperator.ARG_MAX, new int[] {x, a}, new int[] {y}, o);
    b.addOutput(y);
    assertEquals("ARG_MAX has no ONNX conversion", reason(b.build(), 0));
  }

  @Test
  void int32ArithmeticStaysOnCpu() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.INT32, 4);
    int z = b.addInput("z", DataType.INT32, 4);
    int y = b.addTensor("y", DataType.INT32);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, z}, new int[] {y}, new org.tensorflow.lite.schema.AddOptionsT());
    b.addOutput(y);
    assertTrue(reason(b.build(), 0).contains("float32 only"));
  }
}
