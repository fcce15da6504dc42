package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.io.Json;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each golden case through {@code lite4j run --input ... --output-dir} in a fresh JVM, compared with what
 * TensorFlow Lite 2.6.2 recorded (integers bit-exact, floats within the golden tolerance). {@code --runs 3}
 * makes sure what is written is one inference's outputs even where the model keeps state between runs
 * (an LSTM's variable tensors).
 */
class FreshProcessGoldenTest {
  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"trained_lstm", "hello_world_float"})
  void runWritesWhatTensorFlowLiteComputes(String name) throws Exception {
    Path golden = SharedData.golden(name);
    Path model = TestModels.forGolden(name);
    Map<String, Object> summary = GoldenCheck.readSummary(golden);
    boolean hybrid = GoldenCheck.isHybrid(dev.lite4j.Model.load(model).primarySubgraph());
    List<String> failures = new ArrayList<>();
    for (Object c : Json.list(summary, "cases")) {
      Map<String, Object> spec = Json.object(c, "a case");
      String caseName = Json.string(spec, "name");
      Path out = tmp.resolve(name + "-" + caseName);
      List<String> args = new ArrayList<>(List.of("run", model.toString(), "--runs", "3", "--output-dir",
          out.toString()));
      for (Object o : Json.list(spec, "inputs")) {
        Map<String, Object> in = Json.object(o, "an input");
        args.add("--input");
        args.add(Json.longValue(in, "index") + "=" + golden.resolve(Json.string(in, "file")));
      }
      runInFreshJvm(args);
      for (Object o : Json.list(spec, "outputs")) {
        Map<String, Object> os = Json.object(o, "an output");
        int index = (int) Json.longValue(os, "index");
        GoldenCheck.OutputResult r = GoldenCheck.compare(index, Json.string(os, "name"),
            Npy.read(golden.resolve(Json.string(os, "file"))), Npy.read(out.resolve("output_" + index + ".npy")),
            Json.doubleOrNull(os, "xnnpack_max_abs_diff"), Json.doubleOrNull(os, "builtin_2threads_max_abs_diff"),
            hybrid);
        System.out.printf(java.util.Locale.ROOT, "%s/%s output %d (fresh process): %d/%d differ, max_abs_diff=%.3g "
            + "tolerance=%.3g%n", name, caseName, index, r.mismatches(), r.elements(), r.maxAbsDiff(), r.tolerance());
        if (!r.passed()) {
          failures.add(caseName + " output " + index + ": " + (r.error() != null ? r.error()
              : r.mismatches() + "/" + r.elements() + " off, max abs diff " + r.maxAbsDiff()));
        }
      }
    }
    assertTrue(failures.isEmpty(), name + ": " + failures);
  }

  /** Runs {@code lite4j ARGS} as its own process on this test's class path; fails unless it exits 0. */
  static String runInFreshJvm(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "lite4j " + args + " did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "lite4j " + args + ":\n" + text);
    return text;
  }
}
