package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.lite4j.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    long transposes = count(m, "Transpose");
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

  @Test
  void transposeLaysOutOhwiAsOihw() {
    // A 2x1x2x3 OHWI filter: element (o, h, w, i) = o*1000 + h*100 + w*10 + i.
    int[] shape = {2, 1, 2, 3};
    ByteBuffer src = ByteBuffer.allocate(12 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int o = 0; o < 2; o++) {
      for (int w = 0; w < 2; w++) {
        for (int i = 0; i < 3; i++) {
          src.putFloat(o * 1000 + w * 10 + i);
        }
      }
    }
    ByteBuffer out = ByteBuffer.wrap(OnnxGraph.transpose(src.flip(), shape, OnnxGraph.TO_NCHW))
        .order(ByteOrder.LITTLE_ENDIAN);
    int k = 0;
    for (int o = 0; o < 2; o++) {
      for (int i = 0; i < 3; i++) {
        for (int w = 0; w < 2; w++) {
          assertEquals(o * 1000 + w * 10 + i, out.getFloat(4 * k++), "OIHW element " + (k - 1));
        }
      }
    }
    assertTrue(OnnxGraph.keepsOrder(new int[] {8, 1, 1, 4}, OnnxGraph.TO_NCHW), "1x1 filters need no copy");
    assertTrue(!OnnxGraph.keepsOrder(shape, OnnxGraph.TO_NCHW));
  }
}
