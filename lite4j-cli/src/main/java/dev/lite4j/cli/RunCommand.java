package dev.lite4j.cli;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.Tensor;
import dev.lite4j.io.Npy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lite4j run [MODEL]}: one inference on random or given inputs, with output statistics and timing. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs a model on random inputs (the reference tool's rule, seed 1) or on .npy files, "
        + "and prints each output's statistics and the time taken.",
        "Without MODEL, runs the built-in MobileNet V2."})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "the .tflite file (default: built-in MobileNet V2)")
  Path modelFile;

  @Option(names = "--input", paramLabel = "IDX=FILE.npy",
      description = "input IDX from a .npy file (dtype must match; another shape resizes the input); repeatable")
  Map<Integer, Path> inputFiles = new TreeMap<>();

  @Option(names = "--output-dir", paramLabel = "DIR", description = "write output_<i>.npy (and input_<i>.npy) there")
  Path outputDir;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
      description = "runs in all; the first is reported alone, then the median of the others (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random inputs (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--num-threads", paramLabel = "N", defaultValue = "-1",
      description = "threads for kernels that split work (-1: Lite4j chooses)")
  int numThreads;

  @Mixin
  DelegateFlags delegateFlags;

  @Option(names = "--show", paramLabel = "K", defaultValue = "8", description = "values shown per output (default: ${DEFAULT-VALUE})")
  int show;

  @Override
  public Integer call() throws IOException {
    if (runs < 1) {
      throw new CliException("--runs must be >= 1, was " + runs, 2);
    }
    if (numThreads == 0 || numThreads < -1) {
      throw new CliException("--num-threads must be -1 or >= 1, was " + numThreads, 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    Model model;
    String modelName;
    if (modelFile == null) {
      model = Model.fromBytes(BuiltinModels.mobilenetV2());
      modelName = "built-in MobileNet V2";
    } else {
      model = ModelFiles.load(modelFile);
      modelName = modelFile.getFileName().toString();
    }
    int inputCount = model.primarySubgraph().inputs().length;
    Map<Integer, Npy> given = new TreeMap<>();
    for (Map.Entry<Integer, Path> e : inputFiles.entrySet()) {
      int idx = e.getKey();
      if (idx < 0 || idx >= inputCount) {
        throw new CliException("--input " + idx + ": the model has " + inputCount + " inputs", 2);
      }
      given.put(idx, readNpy(e.getValue()));
    }
    try (OpenDelegates delegates = delegateFlags.open();
        Interpreter it = new Interpreter(model, delegates.options(numThreads, delegateFlags.requireFullDelegation))) {
      List<Npy> inputs = new ArrayList<>(Inputs.random(it, seed));
      given.forEach(inputs::set);
      Inputs.apply(it, inputs);
      out.println("model: " + modelName + "  (" + it.getInputTensorCount() + " inputs, " + it.getOutputTensorCount()
          + " outputs)");
      if (!delegates.isEmpty()) {
        ExecutionPlanText.printSummary(out, it.getDelegationReport());
      }
      for (int i = 0; i < inputs.size(); i++) {
        Tensor t = it.getInputTensor(i);
        out.println("input  [" + i + "] " + t.name() + "  " + Formats.dtype(t.dataType()) + Formats.shape(t.shape())
            + "  " + (inputFiles.containsKey(i) ? "from " + inputFiles.get(i) : "random (seed " + seed + ")"));
      }
      // The outputs shown and written are the first run's: a model with variable tensors (an LSTM's state)
      // computes something else on every later run, and one inference is what the user asked about.
      List<Npy> outputs = Inputs.run(it, inputs);
      long first = it.getLastNativeInferenceDurationNanoseconds();
      long[] times = new long[runs - 1];
      for (int r = 0; r < times.length; r++) {
        Inputs.run(it, inputs);
        times[r] = it.getLastNativeInferenceDurationNanoseconds();
      }
      for (int i = 0; i < outputs.size(); i++) {
        printOutput(out, i, it.getOutputTensor(i), outputs.get(i));
      }
      out.println("time: first run " + Formats.millis(first) + timing(times));
      if (outputDir != null) {
        write(out, inputs, outputs);
      }
    }
    return 0;
  }

  private static Npy readNpy(Path p) throws IOException {
    if (!Files.exists(p)) {
      throw new CliException("input file not found: " + p);
    }
    if (!Files.isRegularFile(p)) {
      throw new CliException("input file " + p + " is not a regular file");
    }
    return Npy.read(p);
  }

  private static String timing(long[] times) {
    if (times.length == 0) {
      return "";
    }
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    long median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return ", then median " + Formats.millis(median) + " of " + times.length + " runs (min "
        + Formats.millis(sorted[0]) + ", max " + Formats.millis(sorted[sorted.length - 1]) + ")";
  }

  private void printOutput(PrintWriter out, int i, Tensor t, Npy v) {
    int n = v.numElements();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int nan = 0;
    for (int k = 0; k < n; k++) {
      double x = v.getDouble(k);
      if (Double.isNaN(x)) {
        nan++;
        continue;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    StringBuilder s = new StringBuilder("output [" + i + "] " + t.name() + "  " + Formats.dtype(t.dataType())
        + Formats.shape(v.shape()));
    String q = Formats.quantization(t.quantizationParams());
    if (!q.isEmpty()) {
      s.append(' ').append(q);
    }
    out.println(s);
    if (n > nan) {
      out.println("    min=" + Formats.number(min) + " max=" + Formats.number(max) + " mean="
          + Formats.number(sum / (n - nan)) + (nan > 0 ? " NaN=" + nan : ""));
    } else if (n > 0) {
      out.println("    all " + n + " values are NaN");
    }
    StringBuilder first = new StringBuilder("    values:");
    int shown = Math.min(Math.max(show, 0), n);
    for (int k = 0; k < shown; k++) {
      first.append(' ').append(t.dataType() == DataType.BOOL ? (v.getDouble(k) != 0 ? "true" : "false")
          : Formats.number(v.getDouble(k)));
    }
    if (shown < n) {
      first.append(" ... (").append(n).append(" in all)");
    }
    if (shown > 0) {
      out.println(first);
    }
  }

  private void write(PrintWriter out, List<Npy> inputs, List<Npy> outputs) throws IOException {
    Files.createDirectories(outputDir);
    for (int i = 0; i < outputs.size(); i++) {
      outputs.get(i).write(outputDir.resolve("output_" + i + ".npy"));
    }
    for (int i = 0; i < inputs.size(); i++) {
      inputs.get(i).write(outputDir.resolve("input_" + i + ".npy"));
    }
    out.println("wrote " + outputs.size() + " outputs and " + inputs.size() + " inputs to " + outputDir);
  }
}
