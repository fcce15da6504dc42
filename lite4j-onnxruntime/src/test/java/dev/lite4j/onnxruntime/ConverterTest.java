package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.lite4j.Model;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ONNX the converter writes: few transposes, float32 only, weights laid out for ONNX. */
class ConverterTest {
  static OnnxRuntimeDelegate delegate;

  @BeforeAll
  static void open() {
    delegate = new OnnxRuntimeDelegate(Map.of("cache", "off"));
  }

  @AfterAll
  static void close() {
    delegate.close();
  }

  private static ModelProto convert(Path file) {
    try (PartitionHarness h = new PartitionHarness(Model.load(file), delegate)) {
      return OnnxConverter.convert(h.wholePartition()).build();
    }
  }

  private static long count(ModelProto m, String op) {
    return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).filter(op::equals).count();
  }

  /** Transposes of values computed at run time (a weight's Transpose is folded into a constant by ONNX Runtime). */
  private static long runtimeTransposes(ModelProto m) {
    java.util.Set<String> weights = new java.util.HashSet<>();
    m.getGraph().getInitializerList().forEach(t -> weights.add(t.getName()));
    return m.getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("Transpose") && !weights.contains(n.getInput(0))).count();
  }

  /**
   * NHWC stays at the edges: one transpose per graph input and output, plus one per reshape of an
   * NCHW value (a reshape needs TensorFlow Lite's element order), however many convolutions lie between.
   */
  @ParameterizedTest
  @ValueSource(strings = {"mobilenet_v2_1.0_224_dequant", "mobilenet_v2_1.0_224_dequant_fp16", "deeplabv3",
      "face_detection_short_range", "palm_detection_lite", "inception"})
  void transposesOnlyAtTheEdges(String name) {
    Path file = name.equals("inception") ? TestFiles.inception() : TestFiles.model(name);
    ModelProto m = convert(file);
    long transposes = runtimeTransposes(m);
    long convs = count(m, "Conv");
    long reshapes = count(m, "Reshape");
    long edges = m.getGraph().getInputCount() + m.getGraph().getOutputCount();
    System.out.println(name + ": " + m.getGraph().getNodeCount() + " ONNX nodes, " + convs + " Conv, " + transposes
        + " Transpose, " + reshapes + " Reshape, " + edges + " graph inputs + outputs");
    assertTrue(transposes <= edges + reshapes, name + ": " + transposes + " transposes for " + edges
        + " graph edges and " + reshapes + " reshapes");
  }

  /** float16 weights arrive widened; nothing in the ONNX graph is float16 (fp16 is off by default). */
  @Test
  void float16WeightsStayFloat32() {
    ModelProto m = convert(TestFiles.model("mobilenet_v2_1.0_224_dequant_fp16"));
    for (TensorProto t : m.getGraph().getInitializerList()) {
      assertTrue(t.getDataType() == TensorProto.DataType.FLOAT_VALUE || t.getDataType() == TensorProto.DataType.INT64_VALUE,
          t.getName() + " has ONNX type " + t.getDataType());
    }
    assertEquals(0, count(m, "Cast"));
    m.getGraph().getInputList().forEach(v -> assertEquals(TensorProto.DataType.FLOAT_VALUE,
        v.getType().getTensorType().getElemType()));
  }

  /**
   * Filters keep the model's bytes: a 3x3 OHWI filter is an initializer in its own layout under a
   * Transpose to OIHW (which ONNX Runtime folds when it makes the session), a 1x1 filter, already in
   * OIHW order, is used as is. That every weight is the model's own bytes is what lets a model file
   * supply them all as external data.
   */
  @Test
  void filtersKeepTheModelsBytes() {
    ModelProto m;
    try (PartitionHarness h = new PartitionHarness(Model.fromBytes(CacheTest.convModel(3)), delegate)) {
      m = OnnxConverter.convert(h.wholePartition()).build();
    }
    NodeProto transpose = m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Transpose"))
        .filter(n -> m.getGraph().getInitializerList().stream().anyMatch(t -> t.getName().equals(n.getInput(0))))
        .findFirst().orElseThrow();
    TensorProto filter = m.getGraph().getInitializerList().stream()
        .filter(t -> t.getName().equals(transpose.getInput(0))).findFirst().orElseThrow();
    assertEquals(java.util.List.of(16L, 3L, 3L, 8L), filter.getDimsList(), "OHWI, as in the model");
    assertEquals(java.util.List.of(0L, 3L, 1L, 2L), transpose.getAttribute(0).getIntsList(), "to OIHW");
    assertEquals(16 * 3 * 3 * 8 * 4, filter.getRawData().size());
    assertTrue(OnnxGraph.keepsOrder(new int[] {8, 1, 1, 4}, OnnxGraph.TO_NCHW), "1x1 filters need no transpose");
    assertTrue(!OnnxGraph.keepsOrder(new int[] {8, 3, 3, 4}, OnnxGraph.TO_NCHW));
  }
}
