package dev.lite4j.cli;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.delegate.DelegationReport;
import dev.lite4j.io.Json;
import dev.lite4j.plan.MemoryPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lite4j benchmark}: TensorFlow Lite's {@code benchmark_model} for Lite4j, with its flag names
 * so that scripts carry over. Init is {@code new Interpreter(...)} (planning, allocation and the
 * delegates' preparation), wall clock; each inference time is the interpreter's run alone.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures a model as TensorFlow Lite's benchmark_model does (same flag names): model load, "
        + "init (new Interpreter, incl. delegate preparation), first inference, warmup, then steady state "
        + "(count, min, max, avg, std, median, p5, p95 of the interpreter's run alone), the delegation summary "
        + "and the arena size.",
        "Steady state runs until both --num_runs and --min_secs are reached, or --max_secs passes."})
final class BenchmarkCommand implements Callable<Integer> {
  static final String RUNTIME = "Lite4j 0.1.0-SNAPSHOT";

  @Spec
  CommandSpec spec;

  @Option(names = "--graph", paramLabel = "FILE", description = "the .tflite file (default: the built-in MobileNet V2)")
  Path graph;

  @Option(names = "--num_threads", paramLabel = "N", defaultValue = "1",
      description = "threads for kernels that split work (-1: Lite4j chooses; default: ${DEFAULT-VALUE})")
  int numThreads;

  @Option(names = "--warmup_runs", paramLabel = "N", defaultValue = "1",
      description = "warmup runs after the first inference (default: ${DEFAULT-VALUE})")
  int warmupRuns;

  @Option(names = "--warmup_min_secs", paramLabel = "S", defaultValue = "0.5",
      description = "warm up for at least this long (default: ${DEFAULT-VALUE})")
  double warmupMinSecs;

  @Option(names = "--num_runs", paramLabel = "N", defaultValue = "50",
      description = "steady-state runs, at least (default: ${DEFAULT-VALUE})")
  int numRuns;

  @Option(names = "--min_secs", paramLabel = "S", defaultValue = "1",
      description = "steady state lasts at least this long (default: ${DEFAULT-VALUE})")
  double minSecs;

  @Option(names = "--max_secs", paramLabel = "S", defaultValue = "150",
      description = "warmup and steady state each stop after this long, whatever the counts (default: ${DEFAULT-VALUE})")
  double maxSecs;

  @Option(names = "--delegate", paramLabel = "NAME[:key=value,...]",
      description = "hand the nodes it supports to this delegate; repeatable, applied in order")
  List<String> delegateSpecs = new ArrayList<>();

  @Option(names = "--max_delegated_partitions", paramLabel = "N",
      description = "each delegate keeps at most its N largest partitions (passed to every --delegate)")
  Integer maxDelegatedPartitions;

  @Option(names = "--min_nodes_per_partition", paramLabel = "N",
      description = "each delegate drops partitions with fewer nodes (passed to every --delegate)")
  Integer minNodesPerPartition;

  @Option(names = "--require_full_delegation", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "fail when any node stays on the CPU or a delegate fails")
  boolean requireFullDelegation;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Override
  public Integer call() {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> r = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Model model;
    String name;
    if (graph == null) {
      byte[] bytes = BuiltinModels.mobilenetV2();
      r.put("model_build_us", micros(System.nanoTime() - t0));
      t0 = System.nanoTime();
      model = Model.fromBytes(bytes);
      name = "built-in MobileNet V2";
    } else {
      model = ModelFiles.load(graph);
      name = graph.getFileName().toString();
    }
    long loadNanos = System.nanoTime() - t0;
    List<String> specs = delegateSpecs.stream().map(this::withLimits).toList();
    try (OpenDelegates delegates = OpenDelegates.open(specs)) {
      long initStart = System.nanoTime();
      try (Interpreter it = new Interpreter(model, delegates.options(numThreads, requireFullDelegation))) {
        long initNanos = System.nanoTime() - initStart;
        Timing.Runner runner = new Timing.Runner(it, 1);
        long first = runner.run();
        long[] warm = loop(runner, warmupRuns, warmupMinSecs);
        long wallStart = System.nanoTime();
        long[] steady = loop(runner, Math.max(numRuns, 1), minSecs);
        double wallSecs = (System.nanoTime() - wallStart) / 1e9;
        MemoryPlanner.Plan mem = it.memoryPlan();
        DelegationReport delegation = it.getDelegationReport();
        Timing.Stats s = Timing.Stats.ofNanos(steady);
        r.put("model", name);
        r.put("model_bytes", model.sizeBytes());
        r.put("runtime", RUNTIME);
        r.put("java", Runtime.version().toString());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("num_threads", numThreads);
        r.put("delegates", specs);
        r.put("require_full_delegation", requireFullDelegation);
        r.put("load_us", micros(loadNanos));
        r.put("delegate_create_us", micros(delegates.createNanos()));
        r.put("init_us", micros(initNanos));
        r.put("first_inference_us", micros(first));
        r.put("warmup_runs", warm.length);
        r.put("warmup_avg_us", warm.length == 0 ? null : Math.round(Timing.Stats.ofNanos(warm).avg()));
        r.put("count", s.count());
        r.put("min_us", Math.round(s.min()));
        r.put("max_us", Math.round(s.max()));
        r.put("avg_us", Math.round(s.avg()));
        r.put("std_us", Math.round(s.std()));
        r.put("median_us", Math.round(s.median()));
        r.put("p5_us", Math.round(s.p5()));
        r.put("p95_us", Math.round(s.p95()));
        r.put("wall_secs", Math.round(wallSecs * 1e3) / 1e3);
        r.put("delegation", ExecutionPlanText.summaryLines(delegation));
        r.put("nodes", delegation.nodes().size());
        r.put("delegated_nodes", ExecutionPlanText.delegatedNodes(delegation));
        r.put("cpu_nodes", delegation.cpuNodeCount());
        r.put("partitions", ExecutionPlanText.partitions(delegation).size());
        r.put("arena_bytes", mem.arenaBytes());
        r.put("naive_bytes", mem.naiveBytes());
        if (json) {
          out.println(Json.write(r));
        } else {
          printText(out, r, steady[steady.length - 1]);
        }
      }
    }
    return 0;
  }

  private void validate() {
    if (numThreads == 0 || numThreads < -1) {
      throw new CliException("--num_threads must be -1 or >= 1, was " + numThreads, 2);
    }
    if (warmupRuns < 0 || numRuns < 1) {
      throw new CliException("--warmup_runs must be >= 0 and --num_runs >= 1", 2);
    }
    if (!(minSecs >= 0) || !(warmupMinSecs >= 0) || !(maxSecs > 0)) {
      throw new CliException("--min_secs and --warmup_min_secs must be >= 0, --max_secs > 0", 2);
    }
    if (maxDelegatedPartitions != null && maxDelegatedPartitions < 0) {
      throw new CliException("--max_delegated_partitions must be >= 0, was " + maxDelegatedPartitions, 2);
    }
    if (minNodesPerPartition != null && minNodesPerPartition < 1) {
      throw new CliException("--min_nodes_per_partition must be >= 1, was " + minNodesPerPartition, 2);
    }
  }

  /** The spec with the partition limits of the flags added, unless it sets them itself. */
  String withLimits(String spec) {
    StringBuilder s = new StringBuilder(spec);
    addOption(s, "max_delegated_partitions", maxDelegatedPartitions);
    addOption(s, "min_nodes_per_partition", minNodesPerPartition);
    return s.toString();
  }

  private static void addOption(StringBuilder spec, String key, Integer value) {
    if (value == null) {
      return;
    }
    int colon = spec.indexOf(":");
    if (colon >= 0) {
      for (String pair : spec.substring(colon + 1).split(",")) {
        if (pair.trim().startsWith(key + "=")) {
          return; // the spec's own value wins
        }
      }
    }
    spec.append(colon < 0 ? ':' : ',').append(key).append('=').append(value);
  }

  /** Runs until both {@code minRuns} and {@code minSecs} are reached, or {@code --max_secs} passes. */
  private long[] loop(Timing.Runner runner, int minRuns, double minSeconds) {
    long start = System.nanoTime();
    long minEnd = start + (long) (minSeconds * 1e9);
    long maxEnd = start + (long) (maxSecs * 1e9);
    long[] times = new long[Math.max(minRuns, 16)];
    int n = 0;
    for (long now = start; (n < minRuns || now < minEnd) && (now <= maxEnd || n == 0 && minRuns > 0);
        now = System.nanoTime()) {
      if (n == times.length) {
        times = java.util.Arrays.copyOf(times, n * 2);
      }
      times[n++] = runner.run();
    }
    return java.util.Arrays.copyOf(times, n);
  }

  private static long micros(long nanos) {
    return Math.round(nanos / 1e3);
  }

  private void printText(PrintWriter out, Map<String, Object> r, long lastNanos) {
    out.println("Model: " + r.get("model") + " (" + String.format(Locale.ROOT, "%.3f", ((Number) r.get("model_bytes"))
        .longValue() / 1e6) + " MB)" + (r.containsKey("model_build_us") ? ", built in "
        + ms(r.get("model_build_us")) : "") + ", loaded in " + ms(r.get("load_us")));
    out.println("Runtime: " + RUNTIME + " on Java " + r.get("java") + " (" + r.get("cores") + " cores), num_threads="
        + numThreads + ", delegates=" + (delegateSpecs.isEmpty() ? "none" : String.join(" ", delegateSpecs.stream().map(this::withLimits).toList()))
        + (requireFullDelegation ? ", require_full_delegation" : ""));
    if (!delegateSpecs.isEmpty()) {
      out.println("Created delegates in " + ms(r.get("delegate_create_us")));
    }
    out.println("Initialized session in " + ms(r.get("init_us")) + " (new Interpreter: plan, allocate"
        + (delegateSpecs.isEmpty() ? "" : ", delegate preparation") + ")");
    for (Object line : (List<?>) r.get("delegation")) {
      out.println("Delegate: " + line);
    }
    out.println("Memory: arena " + Formats.bytes(((Number) r.get("arena_bytes")).longValue()) + ", naive sum of tensor sizes "
        + Formats.bytes(((Number) r.get("naive_bytes")).longValue()));
    out.printf(Locale.ROOT, "Warmup: %d runs, avg %s us%n", r.get("warmup_runs"), r.get("warmup_avg_us"));
    out.printf(Locale.ROOT, "Running benchmark for at least %d iterations and at least %.1f seconds%n", numRuns, minSecs);
    out.printf(Locale.ROOT, "count=%s first=%s curr=%d min=%s max=%s avg=%s std=%s median=%s p5=%s p95=%s%n",
        r.get("count"), r.get("first_inference_us"), micros(lastNanos), r.get("min_us"), r.get("max_us"),
        r.get("avg_us"), r.get("std_us"), r.get("median_us"), r.get("p5_us"), r.get("p95_us"));
    out.printf(Locale.ROOT, "Inference timings in us: Init: %s, First inference: %s, Warmup (avg): %s, Inference (avg): %s%n",
        r.get("init_us"), r.get("first_inference_us"), r.get("warmup_avg_us") == null ? "-" : r.get("warmup_avg_us"),
        r.get("avg_us"));
  }

  private static String ms(Object micros) {
    return String.format(Locale.ROOT, "%.3f ms", ((Number) micros).longValue() / 1e3);
  }
}
