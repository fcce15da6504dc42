package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.testutil.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every golden model against TensorFlow Lite 2.6.2's recorded outputs (integers bit-exact, floats
 * within the golden tolerance; see {@link GoldenCheck}).
 */
class GoldenModelsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "hello_world_float",
      "hello_world_int8",
      "dilated_conv",
      "trained_lstm",
      "mobilenet_v1_0.25_224_1_default_1",
      "mobilenet_v2_1.0_224_dequant",
      "mobilenet_v2_1.0_224_dequant_fp16",
      "mobilenet_v2_1.0_224_dequant_dynamic",
      "inception_v3_299_synthetic",
      "deeplabv3",
      "face_detection_short_range",
      "pose_detection",
      "pose_landmark_lite",
      "palm_detection_lite",
      "hand_landmark_lite"})
  void matchesTensorFlowLite(String name) throws Exception {
    Path golden = SharedData.golden(name);
    Path model = TestModels.forGolden(name);
    GoldenCheck.Report report = GoldenCheck.run(model, golden);
    assertTrue(report.sha256Matches(), name + ": model sha256 " + report.modelSha256() + " is not the golden's");
    for (GoldenCheck.CaseResult c : report.cases()) {
      for (GoldenCheck.OutputResult o : c.outputs()) {
        System.out.printf(java.util.Locale.ROOT, "%s/%s output %d %s: max_abs_diff=%.3g tolerance=%.3g (%s) %s%n",
            name, c.name(), o.index(), o.name(), o.maxAbsDiff(), o.tolerance(), o.toleranceBasis(),
            o.passed() ? "pass" : "FAIL");
      }
    }
    assertTrue(report.passed(), name + ":\n" + report.failures());
  }
}
