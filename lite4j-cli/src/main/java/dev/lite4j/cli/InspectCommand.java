package dev.lite4j.cli;

import dev.lite4j.DelegateException;
import dev.lite4j.Interpreter;
import dev.lite4j.Lite4jException;
import dev.lite4j.Model;
import dev.lite4j.QuantizationParams;
import dev.lite4j.delegate.DelegationReport;
import dev.lite4j.io.Json;
import dev.lite4j.model.ModelDef;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SignatureDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.model.TensorDef;
import dev.lite4j.plan.MemoryPlanner;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lite4j inspect MODEL}: what a model holds and what Lite4j makes of it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Shows a model's inputs, outputs, operators, memory plan, metadata and signatures.",
        "With --delegate, also the execution plan: each delegate's summary, its partitions, and per node where "
            + "it runs (cpu, constant, or NAME#k) and, for CPU nodes, why."})
final class InspectCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "the .tflite file")
  Path modelFile;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(names = "--tensors", description = "also list every tensor of the primary subgraph with its type, shape "
      + "and quantization (scale, zero point and quantized dimension; each channel's for per-channel tensors)")
  boolean tensors;

  @Mixin
  DelegateFlags delegateFlags;

  /** The interpreter inspect plans the model with, or why it could not. */
  private record Planned(MemoryPlanner.Plan memory, DelegationReport delegation, String error, boolean strictFailure) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Model model = ModelFiles.load(modelFile);
    ModelDef def = model.def();
    SubgraphDef g = model.primarySubgraph();
    Planned planned;
    try (OpenDelegates delegates = delegateFlags.open()) {
      planned = plan(model, delegates);
    }
    if (json) {
      out.println(Json.write(toJson(model, planned)));
      return planned.strictFailure() ? 1 : 0;
    }
    out.println("model: " + modelFile.getFileName() + ", " + Formats.bytes(model.sizeBytes()));
    out.println("description: " + (def.description() == null || def.description().isEmpty() ? "-" : def.description()));
    out.println("schema version: " + def.schemaVersion());
    out.println("min runtime version: " + model.minRuntimeVersion().orElse("-"));
    out.println("subgraphs: " + def.subgraphs().size() + " (primary '" + (g.name() == null ? "" : g.name()) + "': "
        + g.tensors().size() + " tensors, " + g.operators().size() + " operators)");
    printTensors(out, "inputs", g, g.inputs());
    printTensors(out, "outputs", g, g.outputs());
    printOperators(out, g);
    if (tensors) {
      printAllTensors(out, g);
    }
    printWeights(out, g);
    printMemory(out, planned);
    printMetadata(out, def.metadata());
    printSignatures(out, def, g);
    if (delegateFlags.any()) {
      if (planned.delegation() != null) {
        ExecutionPlanText.printPlan(out, planned.delegation());
      } else {
        out.println("execution plan: not planned: " + planned.error());
      }
    }
    return planned.strictFailure() ? 1 : 0;
  }

  /** Plans the model on an interpreter (with the delegates, if any), keeping what inspect shows. */
  private Planned plan(Model model, OpenDelegates delegates) {
    try (Interpreter it = new Interpreter(model, delegates.options(-1, delegateFlags.requireFullDelegation))) {
      return new Planned(it.memoryPlan(), it.getDelegationReport(), null, false);
    } catch (Lite4jException | IllegalArgumentException | IllegalStateException e) {
      return new Planned(null, null, GoldenCheck.describe(e), e instanceof DelegateException);
    }
  }

  private Map<String, Object> toJson(Model model, Planned planned) {
    ModelDef def = model.def();
    SubgraphDef g = model.primarySubgraph();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", modelFile.getFileName().toString());
    m.put("bytes", model.sizeBytes());
    m.put("description", def.description());
    m.put("schema_version", def.schemaVersion());
    m.put("min_runtime_version", model.minRuntimeVersion().orElse(null));
    m.put("subgraphs", def.subgraphs().size());
    m.put("tensors", g.tensors().size());
    m.put("inputs", tensorsJson(g, g.inputs()));
    m.put("outputs", tensorsJson(g, g.outputs()));
    if (tensors) {
      m.put("all_tensors", allTensorsJson(g));
    }
    Map<String, Map<String, Object>> ops = new TreeMap<>();
    for (OperatorDef op : g.operators()) {
      Map<String, Object> e = ops.computeIfAbsent(op.opName(), k -> new LinkedHashMap<>(Map.of("count", 0,
          "versions", new TreeSet<Integer>(), "supported", true)));
      e.put("count", (Integer) e.get("count") + 1);
      @SuppressWarnings("unchecked")
      TreeSet<Integer> versions = (TreeSet<Integer>) e.get("versions");
      versions.add(op.version());
      e.put("supported", (Boolean) e.get("supported") && OperatorSupport.supported(op));
    }
    m.put("operators", ops);
    if (planned.memory() != null) {
      m.put("arena_bytes", planned.memory().arenaBytes());
      m.put("naive_bytes", planned.memory().naiveBytes());
    } else {
      m.put("arena_bytes", null);
      m.put("arena_error", planned.error());
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    def.metadata().forEach((k, v) -> meta.put(k, v.remaining()));
    m.put("metadata", meta);
    List<Object> sigs = new ArrayList<>();
    for (SignatureDef s : def.signatures()) {
      sigs.add(new LinkedHashMap<>(Map.of("key", s.key(), "subgraph", s.subgraphIndex(),
          "inputs", new TreeMap<>(s.inputs()), "outputs", new TreeMap<>(s.outputs()))));
    }
    m.put("signatures", sigs);
    if (delegateFlags.any()) {
      m.put("delegates", delegateFlags.specs);
      if (planned.delegation() != null) {
        m.put("execution_plan", ExecutionPlanText.toJson(planned.delegation()));
      } else {
        m.put("execution_plan", null);
        m.put("execution_plan_error", planned.error());
      }
    }
    return m;
  }

  /** Every tensor: index, name, type, shape, role (constant/variable) and its whole quantization. */
  private static void printAllTensors(PrintWriter out, SubgraphDef g) {
    out.println("tensors (" + g.tensors().size() + "):");
    for (TensorDef t : g.tensors()) {
      String role = t.isConstant() ? " constant" : t.isVariable() ? " variable" : "";
      String q = Formats.quantizationDetail(t.quantization());
      out.println("  " + t.index() + " " + t.name() + "  " + Formats.dtype(t.type()) + Formats.shape(t.shape()) + role
          + (q.isEmpty() ? "" : "  " + q));
    }
  }

  private static List<Object> allTensorsJson(SubgraphDef g) {
    List<Object> out = new ArrayList<>();
    for (TensorDef t : g.tensors()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("tensor_index", t.index());
      e.put("name", t.name());
      e.put("dtype", Formats.dtype(t.type()));
      e.put("shape", t.shape());
      e.put("constant", t.isConstant());
      e.put("variable", t.isVariable());
      putQuantization(e, t.quantization());
      out.add(e);
    }
    return out;
  }

  private static void putQuantization(Map<String, Object> e, QuantizationParams q) {
    if (q != null && q.isQuantized()) {
      e.put("scales", q.scales());
      e.put("zero_points", q.zeroPoints());
      e.put("quantized_dimension", q.quantizedDimension());
    }
  }

  private static List<Object> tensorsJson(SubgraphDef g, int[] indices) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < indices.length; i++) {
      TensorDef t = g.tensors().get(indices[i]);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", i);
      e.put("tensor_index", t.index());
      e.put("name", t.name());
      e.put("dtype", Formats.dtype(t.type()));
      e.put("shape", t.shape());
      e.put("shape_signature", t.shapeSignature());
      putQuantization(e, t.quantization());
      out.add(e);
    }
    return out;
  }

  private static void printTensors(PrintWriter out, String title, SubgraphDef g, int[] indices) {
    out.println(title + " (" + indices.length + "):");
    for (int i = 0; i < indices.length; i++) {
      TensorDef t = g.tensors().get(indices[i]);
      String q = Formats.quantization(t.quantization());
      out.println("  [" + i + "] tensor " + t.index() + " " + t.name() + "  " + Formats.dtype(t.type())
          + " shape=" + Formats.shape(t.shape()) + " sig=" + Formats.shape(t.shapeSignature())
          + (q.isEmpty() ? "" : " " + q));
    }
  }

  private static void printOperators(PrintWriter out, SubgraphDef g) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, TreeSet<Integer>> versions = new TreeMap<>();
    Map<String, Boolean> supported = new TreeMap<>();
    for (OperatorDef op : g.operators()) {
      String name = op.opName();
      counts.computeIfAbsent(name, k -> new int[1])[0]++;
      versions.computeIfAbsent(name, k -> new TreeSet<>()).add(op.version());
      supported.merge(name, OperatorSupport.supported(op), Boolean::logicalAnd);
    }
    out.println("operators (" + g.operators().size() + " nodes, " + counts.size() + " kinds):");
    int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String name = e.getKey();
      out.println("  " + name + " ".repeat(width - name.length()) + String.format(java.util.Locale.ROOT, " %5d", e.getValue()[0])
          + "  version " + joinVersions(versions.get(name))
          + (supported.get(name) ? "" : "  (not supported by Lite4j)"));
    }
  }

  private static String joinVersions(TreeSet<Integer> v) {
    StringBuilder s = new StringBuilder();
    for (int x : v) {
      s.append(s.length() == 0 ? "" : ",").append(x);
    }
    return s.toString();
  }

  private static void printWeights(PrintWriter out, SubgraphDef g) {
    long bytes = 0;
    int count = 0;
    for (TensorDef t : g.tensors()) {
      if (t.isConstant()) {
        bytes += t.data().remaining();
        count++;
      }
    }
    out.println("constants: " + count + " tensors, " + Formats.bytes(bytes));
  }

  private static void printMemory(PrintWriter out, Planned planned) {
    if (planned.memory() != null) {
      out.println("arena: " + Formats.bytes(planned.memory().arenaBytes()) + "; naive sum of tensor sizes: "
          + Formats.bytes(planned.memory().naiveBytes()));
    } else {
      out.println("arena: not planned: " + planned.error());
    }
  }

  private static void printMetadata(PrintWriter out, Map<String, ByteBuffer> metadata) {
    out.println("metadata (" + metadata.size() + "):");
    for (Map.Entry<String, ByteBuffer> e : metadata.entrySet()) {
      out.println("  " + e.getKey() + "  " + Formats.bytes(e.getValue().remaining()));
    }
  }

  private static void printSignatures(PrintWriter out, ModelDef def, SubgraphDef g) {
    out.println("signatures (" + def.signatures().size() + "):");
    for (SignatureDef s : def.signatures()) {
      out.println("  " + s.key() + " (subgraph " + s.subgraphIndex() + ")");
      SubgraphDef sg = s.subgraphIndex() >= 0 && s.subgraphIndex() < def.subgraphs().size()
          ? def.subgraphs().get(s.subgraphIndex()) : g;
      printSignatureTensors(out, "inputs", s.inputs(), sg);
      printSignatureTensors(out, "outputs", s.outputs(), sg);
    }
  }

  private static void printSignatureTensors(PrintWriter out, String title, Map<String, Integer> named, SubgraphDef g) {
    out.println("    " + title + ":");
    for (Map.Entry<String, Integer> e : named.entrySet()) {
      int idx = e.getValue();
      String desc = idx >= 0 && idx < g.tensors().size()
          ? g.tensors().get(idx).name() + " " + Formats.dtype(g.tensors().get(idx).type())
              + Formats.shape(g.tensors().get(idx).shape())
          : "?";
      out.println("      " + e.getKey() + " -> tensor " + idx + " " + desc);
    }
  }
}
