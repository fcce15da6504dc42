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
    Model[] models = new Model[args.length];
    for (int i = 0; i < args.length; i++) {
      models[i] = Model.load(Path.of(args[i]));
    }
    for (int round = 0; round < 3; round++) {
      Path cache = Files.createTempDirectory("lite4j-ort-cache");
      long d0 = System.nanoTime();
      try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", cache.toString()))) {
        if (round == 0) {
          System.out.printf(Locale.ROOT, "delegate created in %.0f ms (ONNX Runtime native load, once per process: %.0f ms)%n",
              (System.nanoTime() - d0) / 1e6, OnnxRuntimeDelegate.nativeLoadMs());
        }
        for (int m = 0; m < models.length; m++) {
          String name = Path.of(args[m]).getFileName().toString().replace(".tflite", "");
          for (String state : new String[] {"cold", "warm"}) {
            long t0 = System.nanoTime();
            try (Interpreter it = new Interpreter(models[m], new Interpreter.Options().addDelegate(d))) {
              double ms = (System.nanoTime() - t0) / 1e6;
              System.out.printf(Locale.ROOT, "round %d %s %s cache: new Interpreter -> ready %.0f ms; %s%n",
                  round, name, state, ms, d.startups().getLast());
            }
            d.awaitCacheWrites();
          }
          long c0 = System.nanoTime();
          try (Interpreter cpu = new Interpreter(models[m])) {
            System.out.printf(Locale.ROOT, "round %d %s CPU only: new Interpreter -> ready %.0f ms%n", round, name,
                (System.nanoTime() - c0) / 1e6);
          }
        }
      }
    }
  }
}
