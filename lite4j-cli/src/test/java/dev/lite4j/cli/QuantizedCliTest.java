package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.io.Json;
import dev.lite4j.testutil.SharedData;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line on quantized models: inspect's quantization listing and classify on integer inputs. */
class QuantizedCliTest {
  private static CliTest.Result lite4j(String... args) {
    return CliTest.lite4j(args);
  }

  @Test
  void inspectListsEveryTensorsQuantization() {
    String model = SharedData.model("person_detect.tflite").toString();
    CliTest.Result r = lite4j("inspect", model, "--tensors");
    assertEquals(0, r.code(), r.err());
    // Per tensor: scale and zero point; per channel: the dimension, the count and each channel's values.
    assertTrue(r.out().contains("\n  88 input  int8[1, 96, 96, 1]  scale=0.007843138 zero_point=-1\n"), r.out());
    assertTrue(r.out().contains("\n  0 MobilenetV1/Conv2d_0/weights/read  int8[1, 3, 3, 8] constant  per-channel dim=3 (8): "
        + "scales=[0.016358856, 0.026610553, 0.0030382155, 0.003262511, 0.011536278, 0.037382204, 0.018140187, "
        + "0.001086222] zero_points=[0, 0, 0, 0, 0, 0, 0, 0]\n"), r.out());
    assertTrue(r.out().contains("int8[128, 1, 1, 128] constant  per-channel dim=0 (128): scales=[0.002631601, "), r.out());

    CliTest.Result json = lite4j("inspect", model, "--tensors", "--json");
    assertEquals(0, json.code(), json.err());
    List<Object> all = Json.list(Json.parseObject(json.out()), "all_tensors");
    assertEquals(89, all.size());
    Map<String, Object> pointwise = Json.object(all.get(2), "tensor 2");
    assertEquals(0L, pointwise.get("quantized_dimension"));
    assertEquals(128, ((List<?>) pointwise.get("scales")).size(), "JSON lists every channel");
  }

  /**
   * person_detect (int8, grayscale 96x96, TensorFlow Lite Micro's model, which TensorFlow Lite 2.6.2 refuses
   * to load) tells the person from the empty scene.
   */
  @Test
  void personDetectScoresPersonAndNoPerson() {
    String model = SharedData.model("person_detect.tflite").toString();
    String labels = SharedData.model("person_detect_labels.txt").toString();
    assertEquals("person", topLabel(lite4j("classify", model, SharedData.image("person.bmp").toString(),
        "--labels", labels, "--top", "2")));
    assertEquals("notperson", topLabel(lite4j("classify", model, SharedData.image("no_person.bmp").toString(),
        "--labels", labels, "--top", "2")));
  }

  private static String topLabel(CliTest.Result r) {
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("input: int8[1, 96, 96, 1]"), r.out());
    Matcher m = Pattern.compile("\n1\tindex=\\d+\tscore=([0-9.]+)\t(\\S+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Double.parseDouble(m.group(1)) > 0.5, "the winner scores above one half: " + r.out());
    return m.group(2);
  }
}
