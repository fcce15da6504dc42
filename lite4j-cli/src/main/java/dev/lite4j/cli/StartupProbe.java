package dev.lite4j.cli;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.io.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up of one configuration: model load, delegate creation, the first {@code new Interpreter}
 * (cold: in a fresh JVM that is the first in the process, with class loading and the delegate's
 * conversion), the first inference, then a second {@code new Interpreter} with a new delegate
 * (warm: classes loaded, a delegate's disk cache filled). {@code compare} runs {@link #main} in a
 * fresh JVM per configuration, with {@code LITE4J_CACHE} pointing at an empty folder, so that each
 * cold start really is the first in its process, on an empty cache.
 */
final class StartupProbe {
  /** The line prefix that carries the JSON result on stdout. */
  static final String PREFIX = "lite4j-startup ";

  private StartupProbe() {}

  /** Usage: {@code StartupProbe MODEL NUM_THREADS [DELEGATE_SPEC]}; prints {@link #PREFIX} + JSON. */
  public static void main(String[] args) {
    try {
      if (args.length < 2 || args.length > 3) {
        throw new IllegalArgumentException("usage: StartupProbe MODEL NUM_THREADS [DELEGATE_SPEC]");
      }
      long t0 = System.nanoTime();
      Model model = ModelFiles.load(Path.of(args[0]));
      long load = System.nanoTime() - t0;
      Map<String, Object> r = measure(model, Integer.parseInt(args[1]), args.length == 3 ? args[2] : null);
      r.put("load_us", Math.round(load / 1e3));
      System.out.println(PREFIX + Json.write(r));
      System.exit(0);
    } catch (RuntimeException | LinkageError e) {
      System.out.println(PREFIX + Json.write(Map.of("error", Main.message(e))));
      System.exit(1);
    }
  }

  /**
   * Measures one configuration in this process: delegate creation, cold interpreter creation and
   * first inference, then warm creation with a new delegate instance (so that only what outlives a
   * delegate helps it: loaded classes and native code, a delegate's disk cache). Keys
   * {@code delegate_create_us}, {@code cold_init_us}, {@code first_inference_us},
   * {@code warm_init_us}, {@code delegation}.
   */
  static Map<String, Object> measure(Model model, int numThreads, String delegateSpec) {
    Map<String, Object> r = new LinkedHashMap<>();
    List<String> specs = delegateSpec == null ? List.of() : List.of(delegateSpec);
    try (OpenDelegates delegates = OpenDelegates.open(specs)) {
      r.put("delegate_create_us", Math.round(delegates.createNanos() / 1e3));
      long t0 = System.nanoTime();
      try (Interpreter it = new Interpreter(model, delegates.options(numThreads, false))) {
        r.put("cold_init_us", Math.round((System.nanoTime() - t0) / 1e3));
        Timing.Runner runner = new Timing.Runner(it, 1);
        r.put("first_inference_us", Math.round(runner.run() / 1e3));
        r.put("delegation", ExecutionPlanText.summaryLines(it.getDelegationReport()));
      }
    }
    try (OpenDelegates delegates = OpenDelegates.open(specs)) {
      long t0 = System.nanoTime();
      try (Interpreter it = new Interpreter(model, delegates.options(numThreads, false))) {
        r.put("warm_init_us", Math.round((System.nanoTime() - t0) / 1e3));
      }
    }
    return r;
  }
}
