package dev.lite4j.plan;

import dev.lite4j.DelegateException;
import dev.lite4j.ModelFile;
import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateKernel;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.DelegationReport;
import dev.lite4j.delegate.NodeSupport;
import dev.lite4j.delegate.Partition;
import dev.lite4j.delegate.Partitioner;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The delegated part of a plan: the partitions each delegate took, in order of the delegates, and
 * why every other node stayed on the CPU. Partitions keep their CPU steps (and their tensors keep
 * arena space), so that a partition whose delegate fails can always run on the CPU instead.
 */
final class Delegation {
  private static final System.Logger LOG = System.getLogger("dev.lite4j.delegate");

  /** One partition of one delegate, with its kernel; {@code onCpu} once it has fallen back. */
  static final class Placed {
    final Delegate delegate;
    final Partition partition;
    final int[] nodes;
    final String label;
    DelegateKernel kernel;
    boolean onCpu;
    String cpuReason;
    private int[][] preparedShapes;

    Placed(Delegate delegate, Partition partition, int[] nodes, String label) {
      this.delegate = delegate;
      this.partition = partition;
      this.nodes = nodes;
      this.label = label;
    }
  }

  private final List<ExecutionPlan.Step> steps;
  private final List<Placed> placed = new ArrayList<>();
  private final String[] cpuReason;
  private final List<String> summary = new ArrayList<>();
  private final boolean strict;
  private final ModelFile modelFile;

  private Delegation(List<ExecutionPlan.Step> steps, boolean strict, ModelFile modelFile) {
    this.steps = steps;
    this.strict = strict;
    this.modelFile = modelFile;
    this.cpuReason = new String[steps.size()];
  }

  /** Lets each delegate in turn claim what earlier ones left, and builds a kernel per partition. */
  static Delegation apply(List<Delegate> delegates, List<ExecutionPlan.Step> steps, TensorBuffer[] tensors,
      int[] graphOutputs, boolean strict, ModelFile modelFile) {
    Delegation d = new Delegation(steps, strict, modelFile);
    boolean[] taken = new boolean[steps.size()];
    for (Delegate delegate : delegates) {
      d.claim(delegate, taken, tensors, graphOutputs);
    }
    return d;
  }

  private void claim(Delegate delegate, boolean[] taken, TensorBuffer[] tensors, int[] graphOutputs) {
    int n = steps.size();
    boolean[] candidate = new boolean[n];
    boolean[] active = new boolean[n];
    int[][] ins = new int[n][];
    int[][] outs = new int[n][];
    int activeCount = 0;
    for (int i = 0; i < n; i++) {
      ExecutionPlan.Step s = steps.get(i);
      ins[i] = s.op.inputs();
      outs[i] = s.op.outputs();
      active[i] = !s.folded;
      activeCount += active[i] ? 1 : 0;
      if (!active[i] || taken[i]) {
        continue;
      }
      String why = refusal(delegate, s);
      candidate[i] = why == null;
      if (why != null) {
        cpuReason[i] = append(cpuReason[i], delegate.name() + ": " + why);
      }
    }
    List<int[]> kept = Partitioner.partition(ins, outs, candidate, active, delegate.options());
    Set<Integer> inKept = new HashSet<>();
    int replaced = 0;
    for (int[] nodes : kept) {
      Placed p = place(delegate, nodes, tensors, graphOutputs, countOf(delegate) + 1);
      for (int node : nodes) {
        taken[node] = true;
        inKept.add(node);
      }
      replaced += nodes.length;
      if (p != null) {
        placed.add(p);
      }
    }
    for (int i = 0; i < n; i++) {
      if (candidate[i] && !inKept.contains(i)) {
        cpuReason[i] = append(cpuReason[i], delegate.name()
            + ": its partition is below min_nodes_per_partition or beyond max_delegated_partitions");
      }
    }
    String line = delegate.name() + ": replaced " + replaced + " of " + activeCount + " nodes, "
        + kept.size() + " partitions";
    summary.add(line);
  }

  /**
   * Logs each delegate's summary line, as TensorFlow Lite prints it. Called after the kernels'
   * {@code prepare}: in a fresh JVM the first log record costs tens of milliseconds (the logging
   * system and its date formatting start up), which then overlap work the kernels do in the background.
   */
  void logSummary() {
    for (String line : summary) {
      LOG.log(System.Logger.Level.INFO, line);
    }
  }

  /** Why {@code delegate} will not take this node, or null when it will. */
  private static String refusal(Delegate delegate, ExecutionPlan.Step s) {
    if (s.deferred || hasDynamicOutput(s)) {
      return "shape known only at run time";
    }
    try {
      NodeSupport answer = delegate.supports(node(s));
      return answer instanceof NodeSupport.Unsupported u ? u.reason() : null;
    } catch (RuntimeException e) {
      return "supports() failed: " + e;
    }
  }

  private static boolean hasDynamicOutput(ExecutionPlan.Step s) {
    for (int i = 0; i < s.ctx.outputCount(); i++) {
      if (s.ctx.output(i).isDynamic()) {
        return true;
      }
    }
    return false;
  }

  static DelegateNode node(ExecutionPlan.Step s) {
    List<TensorBuffer> in = new ArrayList<>();
    for (int i = 0; i < s.ctx.inputCount(); i++) {
      in.add(s.ctx.input(i));
    }
    List<TensorBuffer> out = new ArrayList<>();
    for (int i = 0; i < s.ctx.outputCount(); i++) {
      out.add(s.ctx.output(i));
    }
    return new DelegateNode(s.op.index(), s.op, java.util.Collections.unmodifiableList(in), List.copyOf(out));
  }

  private int countOf(Delegate delegate) {
    int count = 0;
    for (Placed p : placed) {
      count += p.delegate == delegate ? 1 : 0;
    }
    return count;
  }

  /** The partition's boundary tensors, and its kernel (null, with the nodes back on the CPU, if that fails). */
  private Placed place(Delegate delegate, int[] nodes, TensorBuffer[] tensors, int[] graphOutputs, int number) {
    Set<Integer> inside = new HashSet<>();
    for (int node : nodes) {
      inside.add(node);
    }
    Set<Integer> produced = new HashSet<>();
    for (int node : nodes) {
      for (int t : steps.get(node).op.outputs()) {
        produced.add(t);
      }
    }
    Set<Integer> inputs = new LinkedHashSet<>();
    Set<Integer> constants = new LinkedHashSet<>();
    List<DelegateNode> views = new ArrayList<>();
    for (int node : nodes) {
      views.add(node(steps.get(node)));
      for (int t : steps.get(node).op.inputs()) {
        if (t < 0 || produced.contains(t)) {
          continue;
        }
        (tensors[t].isConstant() ? constants : inputs).add(t);
      }
    }
    Set<Integer> readOutside = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      if (!inside.contains(i)) {
        for (int t : steps.get(i).op.inputs()) {
          readOutside.add(t);
        }
      }
    }
    for (int t : graphOutputs) {
      readOutside.add(t);
    }
    List<TensorBuffer> outputs = new ArrayList<>();
    for (int node : nodes) {
      for (int t : steps.get(node).op.outputs()) {
        if (readOutside.contains(t)) {
          outputs.add(tensors[t]);
        }
      }
    }
    Partition partition = new Partition(number - 1, List.copyOf(views), buffers(inputs, tensors),
        buffers(constants, tensors), List.copyOf(outputs), modelFile);
    Placed p = new Placed(delegate, partition, nodes, delegate.name() + "#" + (number - 1));
    try {
      p.kernel = delegate.createKernel(partition);
    } catch (Exception e) {
      fail(p, "createKernel failed: " + e, e);
    }
    return p;
  }

  private static List<TensorBuffer> buffers(Set<Integer> indices, TensorBuffer[] tensors) {
    List<TensorBuffer> out = new ArrayList<>();
    for (int t : indices) {
      out.add(tensors[t]);
    }
    return List.copyOf(out);
  }

  /**
   * Prepares every live partition kernel for the current shapes. A kernel that fails takes its
   * whole delegate off the plan (one warning); a partition whose shapes changed under a delegate
   * without dynamic-shape support moves to the CPU.
   */
  void prepare() {
    for (Placed p : placed) {
      if (p.onCpu) {
        continue;
      }
      if (behindDynamicTensor(p)) {
        fail(p, "a shape in the partition is known only at run time", null);
        continue;
      }
      int[][] shapes = shapesOf(p.partition);
      if (p.preparedShapes != null && !Arrays.deepEquals(shapes, p.preparedShapes)
          && !p.delegate.capabilities().dynamicShapes()) {
        fail(p, "input shapes changed and " + p.delegate.name() + " does not support dynamic shapes", null);
        continue;
      }
      try {
        p.kernel.prepare(p.partition);
        p.preparedShapes = shapes;
      } catch (Exception e) {
        failDelegate(p.delegate, e);
      }
    }
  }

  /** Waits for what the kernels' {@code prepare} left running in the background (see {@link DelegateKernel#awaitPrepared}). */
  void awaitPrepared() {
    for (Placed p : placed) {
      if (p.onCpu) {
        continue;
      }
      try {
        p.kernel.awaitPrepared();
      } catch (Exception e) {
        failDelegate(p.delegate, e);
      }
    }
  }

  /** A delegate that failed to prepare leaves the plan: all its partitions go back to the CPU. */
  private void failDelegate(Delegate delegate, Exception e) {
    for (Placed other : placed) {
      if (other.delegate == delegate && !other.onCpu) {
        fail(other, "delegate failed while preparing: " + e, e);
      }
    }
  }

  private boolean behindDynamicTensor(Placed p) {
    for (int node : p.nodes) {
      if (steps.get(node).deferred || hasDynamicOutput(steps.get(node))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A partition output whose shape the delegate changed (named, with both shapes), restoring the
   * prepared shape; null when all are as prepared.
   */
  private static String changedShape(Placed p) {
    int offset = p.partition.inputs().size();
    List<TensorBuffer> outputs = p.partition.outputs();
    for (int i = 0; i < outputs.size(); i++) {
      int[] expected = p.preparedShapes[offset + i];
      TensorBuffer t = outputs.get(i);
      if (!Arrays.equals(expected, t.shape())) {
        String what = t + " (prepared as " + Arrays.toString(expected) + ")";
        t.setShape(expected);
        return what;
      }
    }
    return null;
  }

  private static int[][] shapesOf(Partition p) {
    int[][] shapes = new int[p.inputs().size() + p.outputs().size()][];
    int i = 0;
    for (TensorBuffer t : p.inputs()) {
      shapes[i++] = t.shape().clone();
    }
    for (TensorBuffer t : p.outputs()) {
      shapes[i++] = t.shape().clone();
    }
    return shapes;
  }

  /** Moves a partition to the CPU: in strict mode this is an error instead. */
  private void fail(Placed p, String why, Throwable cause) {
    if (strict) {
      throw new DelegateException(p.label + ": " + why + " (strict mode: requireFullDelegation)", cause);
    }
    LOG.log(System.Logger.Level.WARNING, p.label + ": " + why + "; running its " + p.nodes.length
        + " nodes on the CPU");
    p.onCpu = true;
    p.cpuReason = why;
    closeKernel(p);
  }

  /** Runs one partition; if the delegate fails, the partition runs on the CPU (inputs are untouched). */
  void run(Placed p, ExecutionPlan plan) {
    if (!p.onCpu && p.kernel.ready()) {
      try {
        p.kernel.run(p.partition);
        String wrong = changedShape(p);
        if (wrong == null) {
          return;
        }
        fail(p, "delegate changed the shape of " + wrong, null);
      } catch (Exception e) {
        fail(p, "delegate failed while running: " + e, e);
      }
    }
    for (int node : p.nodes) {
      plan.runCpu(steps.get(node));
    }
  }

  /** True when {@code node} belongs to a partition that runs on its delegate. */
  boolean delegated(int node) {
    for (Placed p : placed) {
      if (!p.onCpu) {
        for (int n : p.nodes) {
          if (n == node) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Execution units in a dependency order: a {@link Placed} partition or a CPU step. Plain arrays and
   * loops, no lambdas: this runs once per interpreter, mostly interpreted in a fresh JVM.
   */
  List<Object> order() {
    int n = steps.size();
    // Each unit is named by its first node (units are disjoint, so first nodes are distinct).
    int[] unitOf = new int[n];
    for (int i = 0; i < n; i++) {
      unitOf[i] = i;
    }
    for (Placed p : placed) {
      int first = Integer.MAX_VALUE;
      for (int node : p.nodes) {
        first = Math.min(first, node);
      }
      for (int node : p.nodes) {
        unitOf[node] = first;
      }
    }
    java.util.Map<Integer, Integer> writer = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      for (int t : steps.get(i).op.outputs()) {
        writer.put(t, i);
      }
    }
    // Kahn's algorithm over units; ties go to the unit with the lowest first node (file order).
    List<Set<Integer>> after = new ArrayList<>(n);
    int[] pending = new int[n];
    for (int i = 0; i < n; i++) {
      after.add(new LinkedHashSet<>());
    }
    for (int i = 0; i < n; i++) {
      for (int t : steps.get(i).op.inputs()) {
        Integer w = t < 0 ? null : writer.get(t);
        if (w != null && unitOf[w] != unitOf[i] && after.get(unitOf[w]).add(unitOf[i])) {
          pending[unitOf[i]]++;
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    int units = 0;
    for (int i = 0; i < n; i++) {
      if (unitOf[i] == i) {
        units++;
        if (pending[i] == 0) {
          ready.add(i);
        }
      }
    }
    Object[] unit = new Object[n];
    for (int i = 0; i < n; i++) {
      unit[i] = steps.get(i);
    }
    for (Placed p : placed) {
      unit[unitOf[p.nodes[0]]] = p;
    }
    List<Object> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int u = ready.poll();
      order.add(unit[u]);
      for (int next : after.get(u)) {
        if (--pending[next] == 0) {
          ready.add(next);
        }
      }
    }
    if (order.size() != units) {
      throw new IllegalStateException("delegated partitions form a cycle: the partitioner broke its contract");
    }
    return order;
  }

  DelegationReport report() {
    String[] placement = new String[steps.size()];
    String[] reason = cpuReason.clone();
    for (int i = 0; i < steps.size(); i++) {
      placement[i] = steps.get(i).folded ? "constant" : "cpu";
    }
    for (Placed p : placed) {
      for (int node : p.nodes) {
        if (p.onCpu) {
          reason[node] = p.label + " fell back: " + p.cpuReason;
        } else {
          placement[node] = p.label;
          reason[node] = null;
        }
      }
    }
    List<DelegationReport.Node> rows = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      rows.add(new DelegationReport.Node(i, steps.get(i).op.opName(), placement[i],
          placement[i].equals("cpu") ? (reason[i] == null ? "no delegate" : reason[i]) : null));
    }
    return new DelegationReport(List.copyOf(rows), List.copyOf(summary));
  }

  /** In strict mode every node that runs must run on a delegate. */
  void requireFull() {
    List<String> onCpu = new ArrayList<>();
    for (DelegationReport.Node row : report().nodes()) {
      if (row.placement().equals("cpu")) {
        onCpu.add("node " + row.index() + " " + row.op() + " (" + row.reason() + ")");
      }
    }
    if (!onCpu.isEmpty()) {
      throw new DelegateException(onCpu.size() + " nodes would run on the CPU, and requireFullDelegation is"
          + " set: " + String.join("; ", onCpu.subList(0, Math.min(10, onCpu.size())))
          + (onCpu.size() > 10 ? "; ..." : ""));
    }
  }

  void close() {
    for (Placed p : placed) {
      closeKernel(p);
    }
  }

  private static void closeKernel(Placed p) {
    if (p.kernel != null) {
      try {
        p.kernel.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, p.label + ": close failed: " + e);
      }
      p.kernel = null;
    }
  }

  private static String append(String a, String b) {
    return a == null ? b : a + "; " + b;
  }
}
