package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.delegate.DelegationReport;
import dev.lite4j.io.Json;
import dev.lite4j.io.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float32 and float16-weight golden models, run by an interpreter with the ONNX Runtime delegate,
 * compared with TensorFlow Lite 2.6.2's outputs within the tolerance the CPU path meets
 * (DESIGN.md: max(4 x xnnpack_max_abs_diff, 1e-5 x max_abs_reference), the 2-thread figure where
 * XNNPACK's is null). Whatever the delegate leaves on the CPU runs there; MobileNet V2 and
 * Inception V3 must be delegated whole.
 */
class GoldenDelegateTest {
  @TempDir
  static Path cacheDir;
  static OnnxRuntimeDelegate delegate;

  @BeforeAll
  static void open() {
    delegate = new OnnxRuntimeDelegate(Map.of("cache_dir", cacheDir.toString()));
  }

  @AfterAll
  static void close() {
    delegate.close();
  }

  static final List<String> WHOLE = List.of("mobilenet_v2_1.0_224_dequant", "inception_v3_299_synthetic");

  @ParameterizedTest
  @ValueSource(strings = {"mobilenet_v2_1.0_224_dequant", "mobilenet_v2_1.0_224_dequant_fp16",
      "mobilenet_v1_0.25_224_1_default_1", "inception_v3_299_synthetic", "deeplabv3", "dilated_conv",
      "face_detection_short_range", "hand_landmark_lite", "hello_world_float", "palm_detection_lite",
      "pose_detection", "pose_landmark_lite", "trained_lstm"})
  void goldenWithDelegate(String name) throws Exception {
    Path golden = TestFiles.shared().resolve("golden").resolve(name);
    Path file = name.startsWith("inception") ? TestFiles.inception() : TestFiles.model(name);
    Map<String, Object> summary = Json.readObject(golden.resolve("summary.json"));
    Model model = Model.load(file);
    List<String> failures = new ArrayList<>();
    for (Object co : Json.list(summary, "cases")) {
      Map<String, Object> c = Json.object(co, "case");
      try (Interpreter it = new Interpreter(model, new Interpreter.Options().addDelegate(delegate))) {
        DelegationReport report = it.getDelegationReport();
        long delegated = report.nodes().stream().filter(n -> n.placement().startsWith("onnxruntime")).count();
        long partitions = report.nodes().stream().map(DelegationReport.Node::placement)
            .filter(p -> p.startsWith("onnxruntime")).distinct().count();
        System.out.println(name + " " + Json.string(c, "name") + ": " + report.summary() + ", delegated "
            + delegated + " nodes in " + partitions + " partitions; " + delegate.startups().getLast());
        if (WHOLE.contains(name)) {
          assertEquals(0, report.cpuNodeCount(), name + " must be delegated whole: " + report.nodes());
          assertEquals(1, partitions, name + " must be one partition");
        }
        delegate.awaitCacheWrites();
        Object[] inputs = new Object[it.getInputTensorCount()];
        for (Object io : Json.list(c, "inputs")) {
          Map<String, Object> spec = Json.object(io, "input");
          int index = (int) Json.longValue(spec, "index");
          Npy npy = Npy.read(golden.resolve(Json.string(spec, "file")));
          inputs[index] = npy.toInputBuffer(it.getInputTensor(index).dataType());
        }
        it.runForMultipleInputsOutputs(inputs, new HashMap<>());
        for (Object oo : Json.list(c, "outputs")) {
          Map<String, Object> spec = Json.object(oo, "output");
          int index = (int) Json.longValue(spec, "index");
          Npy ref = Npy.read(golden.resolve(Json.string(spec, "file")));
          Npy got = Npy.of(it.getOutputTensor(index));
          String why = compare(ref, got, Json.doubleOrNull(spec, "xnnpack_max_abs_diff"),
              Json.doubleOrNull(spec, "builtin_2threads_max_abs_diff"));
          if (why != null) {
            failures.add(Json.string(c, "name") + " output " + index + ": " + why);
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), name + ": " + failures);
  }

  /** Null when within tolerance; integer outputs bit-exact. */
  static String compare(Npy ref, Npy got, Double xnnpack, Double twoThreads) {
    if (ref.numElements() != got.numElements()) {
      return "element count " + got.numElements() + " vs " + ref.numElements();
    }
    double maxRef = 0;
    for (int i = 0; i < ref.numElements(); i++) {
      maxRef = Math.max(maxRef, Math.abs(ref.getDouble(i)));
    }
    double spread = xnnpack != null ? xnnpack : twoThreads != null ? twoThreads : 0;
    double tol = ref.isFloatingPoint() ? Math.max(4 * spread, 1e-5 * maxRef) : 0;
    double worst = 0;
    for (int i = 0; i < ref.numElements(); i++) {
      worst = Math.max(worst, Math.abs(ref.getDouble(i) - got.getDouble(i)));
    }
    return worst <= tol ? null : "max |diff| " + worst + " > tolerance " + tol;
  }
}
