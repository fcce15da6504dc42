package dev.lite4j.cli;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Lite4jException;
import dev.lite4j.Model;
import dev.lite4j.io.Json;
import dev.lite4j.io.Npy;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.model.TensorDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares Lite4j with a golden folder recorded from TensorFlow Lite 2.6.2 ({@code summary.json} and
 * {@code <case>/input_<i>.npy}, {@code <case>/output_<i>.npy}; see tools/tflite-reference/README.md).
 *
 * <p>Each case runs on a fresh interpreter, as the reference recorded it. Integer outputs must be
 * bit-exact. Float outputs must be within {@code max(4 x xnnpack_max_abs_diff, 1e-5 x
 * max_abs_reference)}; where the XNNPACK figure is null, {@code builtin_2threads_max_abs_diff} takes
 * its place, and where both are null, {@code 1e-5 x max_abs_reference} alone. Hybrid (dynamic-range)
 * models use the 2-thread figure in place of XNNPACK's, since XNNPACK 2.6 computes them differently
 * (DESIGN.md, "Golden formats and tolerances").
 */
public final class GoldenCheck {
  /** Relative floor of every float tolerance: 1e-5 of the largest reference magnitude. */
  static final double RELATIVE_FLOOR = 1e-5;
  /** Multiple of the reference runtime's own spread (XNNPACK vs builtin) that Lite4j may differ by. */
  static final double SPREAD_FACTOR = 4;

  /** One output of one case. {@code error} is set when it could not be compared at all. */
  public record OutputResult(int index, String name, String dtype, int[] shape, double maxAbsDiff,
      int worstIndex, double maxAbsReference, double tolerance, String toleranceBasis, long mismatches,
      long elements, boolean passed, String error) {

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", index);
      m.put("name", name);
      m.put("dtype", dtype);
      m.put("shape", shape);
      m.put("max_abs_diff", maxAbsDiff);
      m.put("worst_index", worstIndex);
      m.put("max_abs_reference", maxAbsReference);
      m.put("tolerance", tolerance);
      m.put("tolerance_basis", toleranceBasis);
      m.put("mismatches", mismatches);
      m.put("elements", elements);
      m.put("pass", passed);
      if (error != null) {
        m.put("error", error);
      }
      return m;
    }
  }

  /** One case: its outputs, or the error that stopped it (unsupported operator, bad input file...). */
  public record CaseResult(String name, List<OutputResult> outputs, String error, int expectedOutputs) {
    static CaseResult failed(String name, int expectedOutputs, String error) {
      return new CaseResult(name, List.of(), error, expectedOutputs);
    }

    public boolean passed() {
      return error == null && !outputs.isEmpty() && outputs.stream().allMatch(OutputResult::passed);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("pass", passed());
      if (error != null) {
        m.put("error", error);
      }
      m.put("expected_outputs", expectedOutputs);
      m.put("outputs", outputs.stream().map(OutputResult::toJson).toList());
      return m;
    }
  }

  /** The whole check. */
  public record Report(String model, String golden, String modelSha256, String goldenSha256, boolean hybrid,
      List<CaseResult> cases, List<String> delegation) {
    public boolean passed() {
      return !cases.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }

    /** The model's sha256 equals the one the golden was recorded with (unknown counts as equal). */
    public boolean sha256Matches() {
      return goldenSha256 == null || goldenSha256.equalsIgnoreCase(modelSha256);
    }

    /** A one-paragraph account of every failure, for assertion messages. */
    public String failures() {
      StringBuilder s = new StringBuilder();
      for (CaseResult c : cases) {
        if (c.error() != null) {
          s.append("case ").append(c.name()).append(": ").append(c.error()).append('\n');
        }
        for (OutputResult o : c.outputs()) {
          if (!o.passed()) {
            s.append("case ").append(c.name()).append(" output ").append(o.index()).append(" '").append(o.name())
                .append("': ").append(o.error() != null ? o.error() : o.mismatches() + "/" + o.elements()
                    + " elements off, max abs diff " + o.maxAbsDiff() + " at " + o.worstIndex()
                    + " > tolerance " + o.tolerance() + " (" + o.toleranceBasis() + ")")
                .append('\n');
          }
        }
      }
      return s.toString();
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", model);
      m.put("golden", golden);
      m.put("model_sha256", modelSha256);
      m.put("model_sha256_matches", sha256Matches());
      m.put("hybrid", hybrid);
      m.put("pass", passed());
      if (!delegation.isEmpty()) {
        m.put("delegation", delegation);
      }
      m.put("cases", cases.stream().map(CaseResult::toJson).toList());
      return m;
    }
  }

  private GoldenCheck() {}

  /** Checks the model file against {@code goldenDir}, on Lite4j's CPU kernels. */
  public static Report run(Path modelFile, Path goldenDir) throws IOException {
    return run(modelFile, goldenDir, new Interpreter.Options());
  }

  /**
   * Checks the model file against {@code goldenDir}; every case runs on a fresh interpreter made with
   * {@code options} (which may carry delegates).
   */
  public static Report run(Path modelFile, Path goldenDir, Interpreter.Options options) throws IOException {
    if (!Files.isRegularFile(modelFile)) {
      throw new CliException("model file not found: " + modelFile);
    }
    Map<String, Object> summary = readSummary(goldenDir);
    Model model = Model.load(modelFile);
    return run(model, sha256(modelFile), goldenDir, summary, options);
  }

  /** Reads {@code goldenDir/summary.json}. */
  public static Map<String, Object> readSummary(Path goldenDir) throws IOException {
    Path summaryFile = goldenDir.resolve("summary.json");
    if (!Files.isRegularFile(summaryFile)) {
      throw new CliException("no summary.json in golden folder " + goldenDir);
    }
    return Json.readObject(summaryFile);
  }

  static Report run(Model model, String modelSha256, Path goldenDir, Map<String, Object> summary,
      Interpreter.Options options) throws IOException {
    boolean hybrid = isHybrid(model.primarySubgraph());
    List<CaseResult> results = new ArrayList<>();
    List<String> delegation = new ArrayList<>();
    for (Object c : Json.list(summary, "cases")) {
      results.add(runCase(model, goldenDir, Json.object(c, "a case"), hybrid, options, delegation));
    }
    String goldenSha = summary.get("model_sha256") instanceof String s ? s : null;
    String modelName = summary.get("model") instanceof String s ? s : model.source();
    return new Report(modelName, goldenDir.toString(), modelSha256, goldenSha, hybrid, results,
        List.copyOf(delegation));
  }

  /** Runs one case; the first case to plan fills {@code delegation} with the delegates' summary lines. */
  private static CaseResult runCase(Model model, Path goldenDir, Map<String, Object> c, boolean hybrid,
      Interpreter.Options options, List<String> delegation) throws IOException {
    String name = Json.string(c, "name");
    List<Object> inputSpecs = Json.list(c, "inputs");
    List<Object> outputSpecs = Json.list(c, "outputs");
    List<Npy> outputs;
    try (Interpreter it = new Interpreter(model, options)) {
      if (delegation.isEmpty()) {
        delegation.addAll(ExecutionPlanText.summaryLines(it.getDelegationReport()));
      }
      Npy[] inputs = new Npy[it.getInputTensorCount()];
      for (Object o : inputSpecs) {
        Map<String, Object> spec = Json.object(o, "an input");
        int index = (int) Json.longValue(spec, "index");
        if (index < 0 || index >= inputs.length) {
          return CaseResult.failed(name, outputSpecs.size(), "golden input index " + index + " but the model has "
              + inputs.length + " inputs");
        }
        inputs[index] = readNpy(goldenDir, Json.string(spec, "file"));
      }
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i] == null) {
          return CaseResult.failed(name, outputSpecs.size(), "the golden case gives no input " + i);
        }
      }
      Inputs.apply(it, Arrays.asList(inputs));
      outputs = Inputs.run(it, Arrays.asList(inputs));
      long back = ExecutionPlanText.fellBack(it.getDelegationReport());
      if (back > 0) {
        // A partition that fails while running moves to the CPU: say so, since the check then tests the CPU.
        delegation.add("case " + name + ": " + back + " delegated nodes ran on the CPU after their delegate failed");
      }
    } catch (dev.lite4j.UnsupportedOperatorException e) {
      java.util.Set<String> missing = OperatorSupport.missing(model.primarySubgraph());
      return CaseResult.failed(name, outputSpecs.size(), describe(e)
          + (missing.size() > 1 ? " (Lite4j lacks " + String.join(", ", missing) + ")" : ""));
    } catch (Lite4jException | IllegalArgumentException | IllegalStateException | CliException e) {
      return CaseResult.failed(name, outputSpecs.size(), describe(e));
    }
    List<OutputResult> results = new ArrayList<>();
    for (Object o : outputSpecs) {
      Map<String, Object> spec = Json.object(o, "an output");
      int index = (int) Json.longValue(spec, "index");
      String outName = spec.get("name") instanceof String s ? s : "output " + index;
      Npy ref = readNpy(goldenDir, Json.string(spec, "file"));
      if (index < 0 || index >= outputs.size()) {
        results.add(failed(index, outName, ref, "the model has " + outputs.size() + " outputs"));
        continue;
      }
      results.add(compare(index, outName, ref, outputs.get(index), Json.doubleOrNull(spec, "xnnpack_max_abs_diff"),
          Json.doubleOrNull(spec, "builtin_2threads_max_abs_diff"), hybrid));
    }
    return new CaseResult(name, results, null, outputSpecs.size());
  }

  static String describe(Exception e) {
    String kind = switch (e) {
      case dev.lite4j.UnsupportedOperatorException u -> "unsupported: ";
      case dev.lite4j.ModelFormatException m -> "bad model: ";
      default -> "";
    };
    return kind + e.getMessage();
  }

  private static Npy readNpy(Path goldenDir, String file) throws IOException {
    Path p = goldenDir.resolve(file).normalize();
    try {
      return Npy.read(p);
    } catch (NoSuchFileException e) {
      throw new CliException("golden file missing: " + p);
    }
  }

  private static OutputResult failed(int index, String name, Npy ref, String error) {
    return new OutputResult(index, name, ref.dtypeName(), ref.shape(), Double.NaN, -1, Double.NaN, Double.NaN,
        "", 0, ref.numElements(), false, error);
  }

  /** The float tolerance and what it rests on. */
  record Tolerance(double value, String basis) {}

  static Tolerance tolerance(Double xnnpack, Double twoThreads, double maxAbsReference, boolean hybrid) {
    double floor = RELATIVE_FLOOR * maxAbsReference;
    Double spread = hybrid ? twoThreads : xnnpack != null ? xnnpack : twoThreads;
    String basis = hybrid ? "builtin_2threads (hybrid model)" : xnnpack != null ? "xnnpack" : "builtin_2threads";
    if (spread == null || Double.isNaN(spread)) {
      return new Tolerance(floor, "1e-5 x max_abs_reference");
    }
    double fromSpread = SPREAD_FACTOR * spread;
    return fromSpread >= floor ? new Tolerance(fromSpread, "4 x " + basis)
        : new Tolerance(floor, "1e-5 x max_abs_reference");
  }

  /** Compares one output with its reference. */
  static OutputResult compare(int index, String name, Npy ref, Npy got, Double xnnpack, Double twoThreads,
      boolean hybrid) {
    if (!ref.dtype().equals(got.dtype())) {
      return failed(index, name, ref, "dtype " + got.dtypeName() + ", the golden's is " + ref.dtypeName());
    }
    if (!Arrays.equals(ref.shape(), got.shape())) {
      return failed(index, name, ref, "shape " + Arrays.toString(got.shape()) + ", the golden's is "
          + Arrays.toString(ref.shape()));
    }
    int n = ref.numElements();
    double maxAbsRef = 0;
    for (int i = 0; i < n; i++) {
      double v = Math.abs(ref.getDouble(i));
      if (v > maxAbsRef) {
        maxAbsRef = v;
      }
    }
    boolean exact = !ref.isFloatingPoint();
    Tolerance tol = exact ? new Tolerance(0, "exact (integer)") : tolerance(xnnpack, twoThreads, maxAbsRef, hybrid);
    long mismatches = 0;
    double maxDiff = 0;
    int worst = n > 0 ? 0 : -1;
    for (int i = 0; i < n; i++) {
      double d;
      if (exact) {
        long a = ref.getLong(i);
        long b = got.getLong(i);
        d = Math.abs((double) a - (double) b);
        if (a != b) {
          mismatches++;
        }
      } else {
        double a = ref.getDouble(i);
        double b = got.getDouble(i);
        boolean aNan = Double.isNaN(a);
        boolean bNan = Double.isNaN(b);
        if (aNan && bNan) {
          continue;
        }
        d = aNan || bNan ? Double.POSITIVE_INFINITY : a == b ? 0 : Math.abs(a - b);
        if (d > tol.value()) {
          mismatches++;
        }
      }
      if (d > maxDiff) {
        maxDiff = d;
        worst = i;
      }
    }
    return new OutputResult(index, name, ref.dtypeName(), ref.shape(), maxDiff, worst, maxAbsRef, tol.value(),
        tol.basis(), mismatches, n, mismatches == 0, null);
  }

  /**
   * A hybrid (dynamic-range) model has an operator taking a float activation and 8-bit constant
   * weights, which TensorFlow Lite computes by quantizing the activation on the fly.
   */
  static boolean isHybrid(SubgraphDef graph) {
    List<TensorDef> tensors = graph.tensors();
    for (OperatorDef op : graph.operators()) {
      boolean floatActivation = false;
      boolean int8Weights = false;
      for (int t : op.inputs()) {
        if (t < 0 || t >= tensors.size()) {
          continue;
        }
        TensorDef def = tensors.get(t);
        if (def.isConstant() && (def.type() == DataType.INT8 || def.type() == DataType.UINT8)) {
          int8Weights = true;
        } else if (!def.isConstant() && def.type() == DataType.FLOAT32) {
          floatActivation = true;
        }
      }
      if (floatActivation && int8Weights) {
        return true;
      }
    }
    return false;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
