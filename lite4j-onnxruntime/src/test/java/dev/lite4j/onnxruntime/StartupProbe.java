package dev.lite4j.onnxruntime;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up figures (not a test): java ... StartupProbe MODEL... Creates the delegate (ONNX Runtime's
 * one-time native load), then per model: an interpreter with a cold cache, then with a warm one,
 * timing {@code new Interpreter(...)} to ready, with the delegate's own breakdown. Two rounds: the
 * first in a fresh JVM, the second with the JVM warmed up.
 */
public final class StartupProbe {
  public static void main(String[] args) throws Exception {
    long l0 = System.nanoTime();
    OnnxRuntimeDelegate.environment();
    double load = (System.nanoTime() - l0) / 1e6;
    System.out.printf(Locale.ROOT, "ONNX Runtime native load (once per process): %.0f ms%n", load);
    for (int round = 0; round < 2; round++) {
      Path cache = Files.createTempDirectory("lite4j-ort-cache");
      try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", cache.toString()))) {
        for (String file : args) {
          Model model = Model.load(Path.of(file));
          String name = Path.of(file).getFileName().toString().replace(".tflite", "");
          long c0 = System.nanoTime();
          try (Interpreter cpu = new Interpreter(model)) {
            cpu.allocateTensors();
          }
          double cpuMs = (System.nanoTime() - c0) / 1e6;
          for (String state : new String[] {"cold", "warm"}) {
            long t0 = System.nanoTime();
            try (Interpreter it = new Interpreter(model, new Interpreter.Options().addDelegate(d))) {
              double ms = (System.nanoTime() - t0) / 1e6;
              System.out.printf(Locale.ROOT, "round %d %s %s cache: new Interpreter -> ready %.0f ms (CPU-only %.0f ms); %s%n",
                  round, name, state, ms, cpuMs, d.startups().getLast());
            }
          }
        }
      }
    }
  }
}
