package dev.lite4j.onnxruntime;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** One start in a fresh JVM (not a test): java ... OneStart MODEL CACHE_DIR. */
public final class OneStart {
  public static void main(String[] args) throws Exception {
    Model model = Model.load(Path.of(args[0]));
    long d0 = System.nanoTime();
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", args[1]))) {
      double delegateMs = (System.nanoTime() - d0) / 1e6;
      long t0 = System.nanoTime();
      try (Interpreter it = new Interpreter(model, new Interpreter.Options().addDelegate(d))) {
        double ms = (System.nanoTime() - t0) / 1e6;
        StartupTimings s = d.startups().getLast();
        System.out.printf(Locale.ROOT, "%s: delegate %.0f ms (native load %.0f); new Interpreter -> ready %.0f ms,"
            + " of which delegate %.0f ms [%s]%n", Path.of(args[0]).getFileName(), delegateMs,
            OnnxRuntimeDelegate.nativeLoadMs(), ms, s.totalMs(), s);
      }
    }
  }
}
