package dev.lite4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The workload {@code ./lite4j} runs once per build, on JDK 25 and later, under
 * {@code -XX:AOTCacheOutput} (JEP 483/514): the classes it loads and links, and the lambdas and
 * method handles it resolves, go into an ahead-of-time cache that later runs map instead of loading
 * jars, which roughly halves a fresh JVM's start-up work. It runs the built-in MobileNet V2 from a
 * file on the CPU, then with the ONNX Runtime delegate (when its module is on the class path) on a
 * cold and then a warm delegate cache, so both start-up paths are covered. Not a command; prints nothing.
 */
final class AotTraining {
  private AotTraining() {}

  public static void main(String[] args) throws IOException {
    System.exit(train());
  }

  /** Runs the workload; the exit status of its CPU part (0 when it ran). */
  static int train() throws IOException {
    Path dir = Files.createTempDirectory("lite4j-aot-training");
    int status;
    try {
      Path model = dir.resolve("mobilenet_v2.tflite");
      Files.write(model, BuiltinModels.mobilenetV2());
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
      status = Main.execute(sink, sink, "run", model.toString(), "--runs", "2");
      String delegate = "--delegate=onnxruntime:cache_dir=" + dir.resolve("onnxruntime");
      for (int start = 0; start < 2; start++) { // a cold, then a warm delegate cache
        // Fails quietly where the delegate is not on the class path; the CPU part is still recorded.
        Main.execute(sink, sink, "benchmark", "--graph=" + model, delegate, "--num_runs=2", "--min_secs=0",
            "--warmup_runs=1", "--warmup_min_secs=0");
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return status;
  }
}
