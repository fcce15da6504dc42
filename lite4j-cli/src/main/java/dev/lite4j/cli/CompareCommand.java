package dev.lite4j.cli;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.delegate.DelegateProvider;
import dev.lite4j.delegate.Delegates;
import dev.lite4j.delegate.DelegationReport;
import dev.lite4j.io.Json;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lite4j compare MODEL...}: every model on every configuration (CPU 1 thread, CPU all threads,
 * each available delegate), measured as DESIGN.md's benchmark protocol says (the run alone,
 * configurations alternating A B C A B C over rounds, medians), plus start-up per configuration
 * (cold and warm); writes the charts of TensorFlow Lite's Core ML delegate launch post as SVG and
 * PNG, a Markdown table and a JSON file.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs each model with CPU 1 thread, CPU all threads and every available delegate (each with "
        + "its default options), alternating configurations A B C A B C over --rounds rounds of --runs timed runs "
        + "each, and reports the median of the round medians; measures start-up per configuration (cold: the "
        + "first new Interpreter in a fresh JVM, incl. delegate conversion; warm: a second one).",
        "Writes latency, speedup and startup charts (.svg and .png), compare.md and compare.json to --out."})
final class CompareCommand implements Callable<Integer> {
  /** A round whose block of runs has an interquartile range over this fraction of its median is repeated. */
  static final double WIDE_ROUND = 0.25;
  /** Round medians of one configuration further apart than this fraction of their median: say so. */
  static final double NOISY_SPREAD = 0.10;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "the .tflite files")
  List<Path> models;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "compare-out",
      description = "where the charts and tables go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
      description = "rounds of A B C ... (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
      description = "timed runs per configuration per round (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
      description = "untimed runs per configuration before the first round (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--delegate", paramLabel = "NAME[:key=value,...]",
      description = "compare this delegate configuration (repeatable); by default every available delegate "
          + "with its default options")
  List<String> delegateSpecs = new ArrayList<>();

  @Option(names = "--no-delegates", description = "compare the CPU configurations only")
  boolean noDelegates;

  @Option(names = "--startup", paramLabel = "MODE", defaultValue = "fresh-jvm",
      description = "fresh-jvm: each configuration's start-up in its own new JVM, so that cold really is the "
          + "first creation in a process; in-process: in this JVM (faster, but only the first configuration "
          + "is truly cold) (default: ${DEFAULT-VALUE})")
  String startupMode;

  /** One configuration: threads, and a delegate spec or null for the CPU. */
  record Config(String label, int numThreads, String delegate) {}

  /** Start-up of one configuration on one model, in microseconds (null where not measured). */
  record Startup(Long load, Long delegateCreate, Long coldInit, Long firstInference, Long warmInit, String error) {}

  /** All figures of one configuration on one model. */
  record Result(Config config, double[] roundMediansUs, double medianUs, Timing.Stats all, List<String> delegation,
      long delegatedNodes, int nodes, long arenaBytes, Startup startup, String error) {}

  @Override
  public Integer call() throws IOException {
    if (rounds < 1 || runs < 1 || warmup < 0) {
      throw new CliException("--rounds and --runs must be >= 1, --warmup >= 0", 2);
    }
    if (!startupMode.equals("fresh-jvm") && !startupMode.equals("in-process")) {
      throw new CliException("--startup must be fresh-jvm or in-process, was " + startupMode, 2);
    }
    if (noDelegates && !delegateSpecs.isEmpty()) {
      throw new CliException("--no-delegates and --delegate exclude each other", 2);
    }
    PrintWriter o = spec.commandLine().getOut();
    for (Path m : models) {
      ModelFiles.requireFile(m, "model file");
    }
    List<String> unavailable = new ArrayList<>();
    List<Config> configs = configurations(unavailable);
    for (String spec : delegateSpecs) {
      OpenDelegates.open(List.of(spec)).close(); // a bad spec fails now, with exit 2, before any measuring
    }
    Files.createDirectories(out);
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    if (load > cores * 0.5) {
      spec.commandLine().getErr().printf(Locale.ROOT,
          "compare: warning: load average %.2f on %d cores; figures will be noisy%n", load, cores);
    }
    // The runtime logs each delegate's "replaced N of M nodes" line at every creation: once is enough here.
    Logger delegateLog = Logger.getLogger("dev.lite4j.delegate");
    Level savedLevel = delegateLog.getLevel();
    delegateLog.setLevel(Level.WARNING);
    Map<Path, List<Result>> results = new LinkedHashMap<>();
    try {
      for (Path m : models) {
        o.println("compare: " + m.getFileName() + ": start-up (" + startupMode + ")...");
        List<Startup> startups = new ArrayList<>();
        for (Config c : configs) {
          startups.add(startup(m, c));
        }
        o.println("compare: " + m.getFileName() + ": latency, " + rounds + " rounds x " + configs.size()
            + " configurations x " + runs + " runs...");
        results.put(m, latency(m, configs, startups));
      }
    } finally {
      delegateLog.setLevel(savedLevel);
    }
    Map<String, Object> machine = machine(load);
    String command = commandLine();
    writeCharts(results, configs);
    Files.writeString(out.resolve("compare.md"), markdown(results, configs, unavailable, machine, command),
        StandardCharsets.UTF_8);
    Files.writeString(out.resolve("compare.json"), Json.writePretty(json(results, unavailable, machine, command))
        + "\n", StandardCharsets.UTF_8);
    printSummary(o, results);
    o.println("wrote latency.svg/.png, speedup.svg/.png, startup.svg/.png, compare.md and compare.json to " + out);
    return 0;
  }

  /** CPU 1 thread, CPU all threads, then the delegates: given ones, or every available provider. */
  private List<Config> configurations(List<String> unavailable) {
    List<Config> configs = new ArrayList<>();
    configs.add(new Config("CPU, 1 thread", 1, null));
    configs.add(new Config("CPU, all threads", -1, null));
    if (noDelegates) {
      return configs;
    }
    if (!delegateSpecs.isEmpty()) {
      delegateSpecs.forEach(s -> configs.add(new Config(s, -1, s)));
      return configs;
    }
    List<DelegateProvider> providers;
    try {
      providers = Delegates.providers();
    } catch (ServiceConfigurationError e) {
      throw new CliException("a delegate provider on the class path failed to load: " + e.getMessage());
    }
    for (DelegateProvider p : providers) {
      String why;
      try {
        why = p.unavailableReason();
      } catch (RuntimeException | LinkageError e) {
        why = "unavailableReason() failed: " + Main.message(e);
      }
      if (why == null) {
        configs.add(new Config(p.name(), -1, p.name()));
      } else {
        unavailable.add(p.name() + ": " + why);
      }
    }
    return configs;
  }

  // ------------------------------------------------------------------------------- measuring

  private Startup startup(Path model, Config c) {
    Map<String, Object> r;
    if (startupMode.equals("in-process")) {
      long t0 = System.nanoTime();
      try {
        Model m = Model.load(model);
        long loadUs = Math.round((System.nanoTime() - t0) / 1e3);
        r = StartupProbe.measure(m, c.numThreads(), c.delegate());
        r.put("load_us", loadUs);
      } catch (RuntimeException e) {
        return new Startup(null, null, null, null, null, Main.message(e));
      }
    } else {
      r = probeInFreshJvm(model, c);
    }
    if (r.get("error") != null) {
      return new Startup(null, null, null, null, null, String.valueOf(r.get("error")));
    }
    return new Startup(num(r, "load_us"), num(r, "delegate_create_us"), num(r, "cold_init_us"),
        num(r, "first_inference_us"), num(r, "warm_init_us"), null);
  }

  private static Long num(Map<String, Object> r, String key) {
    return r.get(key) instanceof Number n ? n.longValue() : null;
  }

  /** Runs {@link StartupProbe} in a new JVM with this one's class path and options. */
  private static Map<String, Object> probeInFreshJvm(Path model, Config c) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp") && !a.startsWith("-Xdebug")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(StartupProbe.class.getName());
    cmd.add(model.toAbsolutePath().toString());
    cmd.add(Integer.toString(c.numThreads()));
    if (c.delegate() != null) {
      cmd.add(c.delegate());
    }
    try {
      Path errFile = Files.createTempFile("lite4j-startup", ".err");
      Path outFile = Files.createTempFile("lite4j-startup", ".out");
      Path cache = Files.createTempDirectory("lite4j-startup-cache");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errFile.toFile()).redirectOutput(outFile.toFile());
        // An empty cache folder: cold is a cold cache; warm (same process) finds what cold wrote.
        pb.environment().put("LITE4J_CACHE", cache.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          return Map.of("error", "the start-up probe took over 10 minutes");
        }
        for (String line : Files.readAllLines(outFile, StandardCharsets.UTF_8)) {
          if (line.startsWith(StartupProbe.PREFIX)) {
            return Json.parseObject(line.substring(StartupProbe.PREFIX.length()));
          }
        }
        List<String> err = Files.readAllLines(errFile, StandardCharsets.UTF_8);
        return Map.of("error", "the start-up probe exited " + p.exitValue() + (err.isEmpty() ? ""
            : ": " + err.get(err.size() - 1)));
      } finally {
        Files.deleteIfExists(errFile);
        Files.deleteIfExists(outFile);
        deleteTree(cache);
      }
    } catch (IOException e) {
      return Map.of("error", "could not start a JVM for the start-up probe: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of("error", "interrupted");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Latency of every configuration on one model: interpreters for all of them open at once, a
   * warmup each, then rounds of A B C ..., {@code runs} timed runs per block; the result is the
   * median of the blocks' medians. A round where some block spread widely is run again (at most
   * {@code rounds} times in all), not averaged in.
   */
  private List<Result> latency(Path modelFile, List<Config> configs, List<Startup> startups) {
    Model model = Model.load(modelFile);
    int n = configs.size();
    List<OpenDelegates> opened = new ArrayList<>();
    Timing.Runner[] runners = new Timing.Runner[n];
    String[] errors = new String[n];
    List<Result> results = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Config c = configs.get(i);
        try {
          OpenDelegates d = OpenDelegates.open(c.delegate() == null ? List.of() : List.of(c.delegate()));
          opened.add(d);
          Interpreter it = new Interpreter(model, d.options(c.numThreads(), false));
          runners[i] = new Timing.Runner(it, 1);
          for (int w = 0; w < warmup; w++) {
            runners[i].run();
          }
        } catch (RuntimeException e) {
          errors[i] = Main.message(e);
          runners[i] = null;
        }
      }
      List<List<Double>> blockMedians = new ArrayList<>();
      List<List<Long>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        blockMedians.add(new ArrayList<>());
        all.add(new ArrayList<>());
      }
      int repeats = 0;
      for (int r = 0; r < rounds; r++) {
        long[][] block = new long[n][];
        boolean wide = false;
        for (int i = 0; i < n; i++) {
          if (runners[i] == null) {
            continue;
          }
          block[i] = new long[runs];
          try {
            for (int k = 0; k < runs; k++) {
              block[i][k] = runners[i].run();
            }
          } catch (RuntimeException e) {
            errors[i] = Main.message(e);
            closeQuietly(runners[i]);
            runners[i] = null;
            block[i] = null;
            continue;
          }
          Timing.Stats s = Timing.Stats.ofNanos(block[i]);
          wide |= runs >= 4 && iqr(block[i]) > WIDE_ROUND * s.median();
        }
        if (wide && repeats < rounds) {
          repeats++;
          r--; // DESIGN.md: a round whose spread is wide is repeated, not averaged in
          continue;
        }
        for (int i = 0; i < n; i++) {
          if (block[i] != null) {
            blockMedians.get(i).add(Timing.Stats.ofNanos(block[i]).median());
            for (long v : block[i]) {
              all.get(i).add(v);
            }
          }
        }
      }
      if (repeats > 0) {
        spec.commandLine().getOut().println("compare: " + modelFile.getFileName() + ": " + repeats
            + " round(s) repeated for a wide spread");
      }
      for (int i = 0; i < n; i++) {
        Config c = configs.get(i);
        if (runners[i] == null || blockMedians.get(i).isEmpty()) {
          results.add(new Result(c, new double[0], Double.NaN, null, List.of(), 0, 0, 0, startups.get(i),
              errors[i] != null ? errors[i] : "not measured"));
          continue;
        }
        double[] medians = blockMedians.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        Interpreter it = runners[i].interpreter();
        DelegationReport rep = it.getDelegationReport();
        results.add(new Result(c, medians, Timing.medianOf(medians),
            Timing.Stats.ofNanos(all.get(i).stream().mapToLong(Long::longValue).toArray()),
            ExecutionPlanText.summaryLines(rep), ExecutionPlanText.delegatedNodes(rep), rep.nodes().size(),
            it.memoryPlan().arenaBytes(), startups.get(i), null));
      }
    } finally {
      for (Timing.Runner r : runners) {
        closeQuietly(r);
      }
      opened.forEach(OpenDelegates::close);
    }
    return results;
  }

  private static void closeQuietly(Timing.Runner r) {
    if (r != null) {
      try {
        r.interpreter().close();
      } catch (RuntimeException e) {
        // closing is best effort here; the figures are already taken
      }
    }
  }

  /** Interquartile range of nanosecond timings, in microseconds. */
  static double iqr(long[] nanos) {
    double[] us = Arrays.stream(nanos).mapToDouble(v -> v / 1e3).sorted().toArray();
    return us[(int) Math.floor(0.75 * (us.length - 1))] - us[(int) Math.ceil(0.25 * (us.length - 1))];
  }

  // ------------------------------------------------------------------------------- reporting

  private static String modelName(Path m) {
    String s = m.getFileName().toString();
    return s.endsWith(".tflite") ? s.substring(0, s.length() - ".tflite".length()) : s;
  }

  private static double baselineUs(List<Result> rs) {
    return rs.get(0).medianUs();
  }

  private void writeCharts(Map<Path, List<Result>> results, List<Config> configs) throws IOException {
    List<String> groups = results.keySet().stream().map(CompareCommand::modelName).toList();
    List<List<Result>> byModel = new ArrayList<>(results.values());
    String sub = "median of " + rounds + " rounds x " + runs + " runs, configurations alternating; "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature();

    List<BarChart.Series> latency = new ArrayList<>();
    List<BarChart.Series> speedup = new ArrayList<>();
    List<BarChart.Series> startup = new ArrayList<>();
    for (int c = 0; c < configs.size(); c++) {
      double[] lat = new double[byModel.size()];
      double[] sp = new double[byModel.size()];
      double[] cold = new double[byModel.size()];
      double[] warm = new double[byModel.size()];
      for (int g = 0; g < byModel.size(); g++) {
        Result r = byModel.get(g).get(c);
        lat[g] = r.medianUs() / 1e3;
        sp[g] = baselineUs(byModel.get(g)) / r.medianUs();
        cold[g] = r.startup().coldInit() == null ? Double.NaN : r.startup().coldInit() / 1e3;
        warm[g] = r.startup().warmInit() == null ? Double.NaN : r.startup().warmInit() / 1e3;
      }
      Color color = BarChart.color(c);
      String label = configs.get(c).label();
      latency.add(new BarChart.Series(label, color, lat));
      speedup.add(new BarChart.Series(label, color, sp));
      startup.add(new BarChart.Series(label + " (cold)", color, cold));
      startup.add(new BarChart.Series(label + " (warm)", BarChart.lighter(color, 0.55), warm));
    }
    write("latency", new BarChart("Inference latency per configuration (lower is better)", sub, "model",
        "latency (ms)", groups, latency, CompareCommand::millisLabel, null, null));
    write("speedup", new BarChart("Speed-up over CPU, 1 thread (higher is better)", sub, "model",
        "speed-up (x)", groups, speedup, v -> String.format(Locale.ROOT, "%.2fx", v), 1.0, "CPU, 1 thread = 1x"));
    write("startup", new BarChart("Start-up: new Interpreter to ready, incl. delegate preparation (lower is better)",
        "cold: first creation in a " + (startupMode.equals("fresh-jvm") ? "fresh JVM" : "process")
            + "; warm: a second creation", "model", "start-up (ms)", groups, startup,
        CompareCommand::millisLabel, null, null));
  }

  private void write(String name, BarChart chart) throws IOException {
    chart.writeSvg(out.resolve(name + ".svg"));
    chart.writePng(out.resolve(name + ".png"));
  }

  static String millisLabel(double ms) {
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
        : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
  }

  private static String ms(Long micros) {
    return micros == null ? "-" : String.format(Locale.ROOT, "%.1f", micros / 1e3);
  }

  private static String ms(double micros) {
    return Double.isFinite(micros) ? String.format(Locale.ROOT, "%.2f", micros / 1e3) : "-";
  }

  /** (max - min) / median of a configuration's round medians: how much the machine moved between rounds. */
  static double spread(Result r) {
    double[] m = r.roundMediansUs();
    if (m.length < 2) {
      return 0;
    }
    double min = Arrays.stream(m).min().orElse(0);
    double max = Arrays.stream(m).max().orElse(0);
    return (max - min) / r.medianUs();
  }

  /** 12 KiB, 5.7 MiB. */
  static String compactBytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
  }

  private String markdown(Map<Path, List<Result>> results, List<Config> configs, List<String> unavailable,
      Map<String, Object> machine, String command) {
    StringBuilder s = new StringBuilder("# Lite4j compare\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Date: ").append(machine.get("date")).append("  \n");
    s.append("Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ")
        .append(machine.get("os")).append(", load average before: ").append(machine.get("load_average"))
        .append("  \n");
    s.append("JDK: ").append(machine.get("jdk")).append(", max heap ").append(machine.get("max_heap_mib"))
        .append(" MiB  \n");
    s.append("Runtime: ").append(BenchmarkCommand.RUNTIME).append("\n\n");
    s.append("Protocol: timed work is `Interpreter.run` alone (the plan, not the input/output copies), "
        + "`System.nanoTime`, random inputs (seed 1). Per model, every configuration gets its own interpreter and ")
        .append(warmup).append(" warmup runs; then ").append(rounds).append(" rounds, each running ").append(runs)
        .append(" timed runs of every configuration in turn (A B C, A B C, ...); a round in which some block's "
        + "interquartile range exceeds 25% of its median is repeated. Latency = median of the round medians. "
        + "Start-up: cold = the first `new Interpreter(...)` in a ")
        .append(startupMode.equals("fresh-jvm") ? "fresh JVM per configuration" : "this process")
        .append(startupMode.equals("fresh-jvm") ? ", with `LITE4J_CACHE` set to an empty folder" : "")
        .append(" (class loading, planning, allocation, delegate conversion), warm = a second one in the same "
        + "process with a new delegate instance (what outlives a delegate helps: loaded code, a delegate's disk "
        + "cache). Delegate creation (e.g. loading a native runtime) is reported on its own. "
        + "Lite4j's CPU kernels are single-threaded today, so \"all threads\" (`setNumThreads(-1)`) is expected "
        + "to match 1 thread; delegate configurations use `setNumThreads(-1)` for the nodes they leave on the CPU.\n\n");
    s.append("Configurations: ");
    for (int i = 0; i < configs.size(); i++) {
      Config c = configs.get(i);
      s.append(i == 0 ? "" : ", ").append(c.label()).append(" (").append(c.delegate() == null
          ? "numThreads " + c.numThreads() : "--delegate=" + c.delegate()).append(")");
    }
    s.append("\n");
    if (!unavailable.isEmpty()) {
      s.append("\nDelegates on the class path but not available here: ").append(String.join("; ", unavailable))
          .append("\n");
    }
    s.append("\n## Latency\n\n| model | configuration | median (ms) | round medians (ms) | spread | min (ms) "
        + "| p5 (ms) | p95 (ms) | speed-up vs CPU 1 thread | delegated nodes | arena |\n");
    s.append("|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|\n");
    boolean noisy = false;
    for (Map.Entry<Path, List<Result>> e : results.entrySet()) {
      double base = baselineUs(e.getValue());
      for (Result r : e.getValue()) {
        s.append("| ").append(modelName(e.getKey())).append(" | ").append(r.config().label()).append(" | ");
        if (r.error() != null) {
          s.append("error: ").append(r.error().replace("|", "\\|")).append(" | | | | | | | | |\n");
          continue;
        }
        StringBuilder rm = new StringBuilder();
        for (double v : r.roundMediansUs()) {
          rm.append(rm.length() == 0 ? "" : ", ").append(ms(v));
        }
        double spread = spread(r);
        noisy |= spread > NOISY_SPREAD;
        s.append(ms(r.medianUs())).append(" | ").append(rm).append(" | ")
            .append(String.format(Locale.ROOT, "%.0f%%", 100 * spread)).append(" | ").append(ms(r.all().min())).append(" | ")
            .append(ms(r.all().p5())).append(" | ").append(ms(r.all().p95())).append(" | ")
            .append(String.format(Locale.ROOT, "%.2fx", base / r.medianUs())).append(" | ")
            .append(r.delegatedNodes()).append(" of ").append(r.nodes()).append(" | ")
            .append(compactBytes(r.arenaBytes())).append(" |\n");
      }
    }
    if (noisy) {
      s.append("\nSpread = (max - min) / median of the round medians. Over ").append(Math.round(100 * NOISY_SPREAD))
          .append("% here: the machine was busy between rounds; rerun on an idle machine (or with more --rounds) "
          + "before ranking configurations whose medians are close.\n");
    }
    s.append("\n## Start-up\n\n| model | configuration | model load (ms) | delegate creation (ms) | cold init (ms) "
        + "| first inference (ms) | warm init (ms) |\n|---|---|--:|--:|--:|--:|--:|\n");
    for (Map.Entry<Path, List<Result>> e : results.entrySet()) {
      for (Result r : e.getValue()) {
        Startup st = r.startup();
        s.append("| ").append(modelName(e.getKey())).append(" | ").append(r.config().label()).append(" | ");
        if (st.error() != null) {
          s.append("error: ").append(st.error().replace("|", "\\|")).append(" | | | | |\n");
          continue;
        }
        s.append(ms(st.load())).append(" | ").append(r.config().delegate() == null ? "-" : ms(st.delegateCreate()))
            .append(" | ").append(ms(st.coldInit())).append(" | ").append(ms(st.firstInference())).append(" | ")
            .append(ms(st.warmInit())).append(" |\n");
      }
    }
    s.append("\n## Delegation\n\n");
    boolean any = false;
    for (Map.Entry<Path, List<Result>> e : results.entrySet()) {
      for (Result r : e.getValue()) {
        for (String line : r.delegation()) {
          s.append("- ").append(modelName(e.getKey())).append(", ").append(r.config().label()).append(": ")
              .append(line).append("\n");
          any = true;
        }
      }
    }
    if (!any) {
      s.append("No delegate configuration ran (CPU only).\n");
    }
    s.append("\n## Figures\n\n![latency](latency.png)\n\n![speed-up](speedup.png)\n\n![start-up](startup.png)\n\n"
        + "(SVG versions: [latency.svg](latency.svg), [speedup.svg](speedup.svg), [startup.svg](startup.svg).)\n");
    return s.toString();
  }

  private Map<String, Object> json(Map<Path, List<Result>> results, List<String> unavailable,
      Map<String, Object> machine, String command) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("machine", machine);
    m.put("runtime", BenchmarkCommand.RUNTIME);
    m.put("rounds", rounds);
    m.put("runs", runs);
    m.put("warmup", warmup);
    m.put("startup_mode", startupMode);
    m.put("unavailable_delegates", unavailable);
    List<Object> models = new ArrayList<>();
    for (Map.Entry<Path, List<Result>> e : results.entrySet()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("model", e.getKey().getFileName().toString());
      List<Object> cs = new ArrayList<>();
      double base = baselineUs(e.getValue());
      for (Result r : e.getValue()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("configuration", r.config().label());
        c.put("num_threads", r.config().numThreads());
        c.put("delegate", r.config().delegate());
        c.put("error", r.error());
        c.put("median_us", r.medianUs());
        c.put("round_medians_us", r.roundMediansUs());
        c.put("spread", r.error() == null ? spread(r) : null);
        if (r.all() != null) {
          c.put("count", r.all().count());
          c.put("min_us", r.all().min());
          c.put("p5_us", r.all().p5());
          c.put("p95_us", r.all().p95());
          c.put("std_us", r.all().std());
        }
        c.put("speedup", base / r.medianUs());
        c.put("delegation", r.delegation());
        c.put("delegated_nodes", r.delegatedNodes());
        c.put("nodes", r.nodes());
        c.put("arena_bytes", r.arenaBytes());
        Startup st = r.startup();
        Map<String, Object> su = new LinkedHashMap<>();
        su.put("load_us", st.load());
        su.put("delegate_create_us", st.delegateCreate());
        su.put("cold_init_us", st.coldInit());
        su.put("first_inference_us", st.firstInference());
        su.put("warm_init_us", st.warmInit());
        su.put("error", st.error());
        c.put("startup", su);
        cs.add(c);
      }
      mm.put("configurations", cs);
      models.add(mm);
    }
    m.put("models", models);
    return m;
  }

  private void printSummary(PrintWriter o, Map<Path, List<Result>> results) {
    for (Map.Entry<Path, List<Result>> e : results.entrySet()) {
      double base = baselineUs(e.getValue());
      for (Result r : e.getValue()) {
        Startup st = r.startup();
        o.printf(Locale.ROOT, "%-32s %-24s %s%n", modelName(e.getKey()), r.config().label(), r.error() != null
            ? "error: " + r.error()
            : String.format(Locale.ROOT, "median %s ms (spread %.0f%%)  speed-up %.2fx  start-up cold %s ms, warm %s ms%s",
                ms(r.medianUs()), 100 * spread(r), base / r.medianUs(), ms(st.coldInit()), ms(st.warmInit()),
                r.delegation().isEmpty() ? "" : "  [" + String.join("; ", r.delegation()) + "]"));
      }
    }
  }

  private static Map<String, Object> machine(double load) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", ZonedDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", cpuName());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    m.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("load_average", load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load));
    return m;
  }

  private static String cpuName() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the core count still says something
    }
    return System.getProperty("os.arch");
  }

  private String commandLine() {
    StringBuilder s = new StringBuilder("./lite4j");
    for (String a : spec.commandLine().getParseResult().originalArgs()) {
      s.append(' ').append(a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return s.toString();
  }
}
