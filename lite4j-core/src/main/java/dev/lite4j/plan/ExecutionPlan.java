package dev.lite4j.plan;

import dev.lite4j.ModelFile;
import dev.lite4j.Lite4jException;
import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegationReport;
import dev.lite4j.ModelFormatException;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.model.TensorDef;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The steps of one subgraph for one interpreter: each node's prepared kernel bound to its tensors,
 * plus the arena the non-constant tensors live in. {@link #prepare} propagates shapes and plans
 * memory; {@link #run} walks the steps.
 */
public final class ExecutionPlan {
  /**
   * One node: its kernel and context; {@code deferred} when an input is dynamic, so it prepares at
   * run time; {@code folded} when its inputs are all constant, so it ran once at prepare.
   */
  static final class Step {
    final OperatorDef op;
    final Kernel kernel;
    final OpContext ctx;
    boolean deferred;
    boolean folded;
    boolean packed;

    Step(OperatorDef op, Kernel kernel, OpContext ctx) {
      this.op = op;
      this.kernel = kernel;
      this.ctx = ctx;
    }
  }

  private final SubgraphDef graph;
  private final TensorBuffer[] tensors;
  private final List<Step> steps = new ArrayList<>();
  private final long arenaCap;
  private ByteBuffer arena;
  private MemoryPlanner.Plan memoryPlan;
  private final List<Delegate> delegates;
  private final boolean requireFullDelegation;
  private final ModelFile modelFile;
  private Delegation delegation;
  private List<Object> delegatedOrder;

  public ExecutionPlan(SubgraphDef graph, OpRegistry registry, long arenaCap) {
    this(graph, registry, arenaCap, List.of(), false);
  }

  /**
   * A plan whose nodes {@code delegates} may take (each in turn, from what earlier ones left); with
   * {@code requireFullDelegation}, a node left on the CPU or a failing delegate is an error.
   */
  public ExecutionPlan(SubgraphDef graph, OpRegistry registry, long arenaCap, List<Delegate> delegates,
      boolean requireFullDelegation) {
    this(graph, registry, arenaCap, delegates, requireFullDelegation, null);
  }

  /** As above, for a model mapped from {@code modelFile} (null: a model in memory), which partitions name. */
  public ExecutionPlan(SubgraphDef graph, OpRegistry registry, long arenaCap, List<Delegate> delegates,
      boolean requireFullDelegation, ModelFile modelFile) {
    this.modelFile = modelFile;
    this.graph = graph;
    this.arenaCap = arenaCap;
    this.delegates = List.copyOf(delegates);
    this.requireFullDelegation = requireFullDelegation;
    this.tensors = new TensorBuffer[graph.tensors().size()];
    for (TensorDef def : graph.tensors()) {
      tensors[def.index()] = new TensorBuffer(def);
    }
    for (OperatorDef op : graph.operators()) {
      TensorBuffer[] in = bind(op.inputs());
      TensorBuffer[] out = bind(op.outputs());
      String outName = out.length > 0 ? out[0].name() : "-";
      Kernel kernel = registry.create(op, outName);
      steps.add(new Step(op, kernel, new OpContext(op, in, out, bind(op.intermediates()), this::allocateDynamic)));
    }
  }

  private TensorBuffer[] bind(int[] indices) {
    // Trailing optional inputs (-1) stay as nulls so that kernels index inputs by position.
    TensorBuffer[] out = new TensorBuffer[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = indices[i] < 0 ? null : tensors[indices[i]];
    }
    return out;
  }

  public TensorBuffer tensor(int index) {
    return tensors[index];
  }

  public int tensorCount() {
    return tensors.length;
  }

  public SubgraphDef graph() {
    return graph;
  }

  public MemoryPlanner.Plan memoryPlan() {
    return memoryPlan;
  }

  /** Propagates shapes through every node, then places all arena tensors. */
  public void prepare() {
    for (TensorBuffer t : tensors) {
      if (t.storage() == TensorBuffer.Storage.DYNAMIC) {
        t.setStorage(TensorBuffer.Storage.ARENA);
      }
    }
    for (int input : graph.inputs()) {
      checkCap(tensors[input].numBytes(), tensors[input]);
    }
    for (Step step : steps) {
      if (step.folded) {
        continue;
      }
      if (allInputsConstant(step)) {
        fold(step);
        continue;
      }
      step.deferred = anyDynamicInput(step);
      if (step.deferred) {
        for (int i = 0; i < step.ctx.outputCount(); i++) {
          step.ctx.setOutputDynamic(i);
        }
      } else {
        prepareStep(step);
      }
    }
    if (!delegates.isEmpty() && delegation == null) {
      partition();
    }
    if (delegation == null) {
      allocateArena();
      allocateVariables();
      packCpuSteps();
      return;
    }
    // Delegate kernels may leave slow work running in the background (their prepare needs shapes,
    // not tensor memory); the CPU side places tensors, logs and packs meanwhile.
    delegation.prepare();
    allocateArena();
    allocateVariables();
    if (!loggedDelegation) {
      loggedDelegation = true;
      delegation.logSummary();
    }
    packCpuSteps();
    delegation.awaitPrepared();
    packCpuSteps(); // the nodes of a delegate that failed in the background, if any
  }

  private boolean loggedDelegation;

  /** Packs the kernels that will run on the CPU now, so that running allocates nothing. */
  private void packCpuSteps() {
    for (Step step : steps) {
      if (!step.folded && !step.deferred && !step.packed
          && (delegation == null || !delegation.delegated(step.op.index()))) {
        pack(step);
      }
    }
  }

  private void pack(Step step) {
    try {
      step.kernel.pack(step.ctx);
    } catch (Lite4jException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelFormatException(step.ctx.describe() + ": cannot be prepared: " + e, e);
    }
    step.packed = true;
  }

  /** Lets the delegates take their partitions, once: shapes and constants are known now. */
  private void partition() {
    delegation = Delegation.apply(delegates, steps, tensors, graph.outputs(), requireFullDelegation, modelFile);
    if (requireFullDelegation) {
      delegation.requireFull();
    }
    delegatedOrder = delegation.order();
  }

  /**
   * When each node runs, for tensor lifetimes: its position in the run order, a partition's nodes
   * one after another in their CPU order (the order of its fallback).
   */
  private int[] nodeTimes() {
    int[] time = new int[steps.size()];
    if (delegatedOrder == null) {
      for (int i = 0; i < time.length; i++) {
        time[i] = i;
      }
      return time;
    }
    int t = 0;
    for (Object unit : delegatedOrder) {
      if (unit instanceof Step step) {
        time[step.op.index()] = t++;
      } else {
        for (int node : ((Delegation.Placed) unit).nodes) {
          time[node] = t++;
        }
      }
    }
    return time;
  }

  /**
   * A delegate reads a partition's inputs and writes its outputs at any time while it runs, and its
   * CPU fallback reads the inputs again afterwards: inputs live to the partition's end, outputs
   * from its start, so neither shares bytes with the other. Tensors inside keep their CPU lifetimes.
   */
  private void widenPartitionLifetimes(int[] time, int[] first, int[] last) {
    for (Object unit : delegatedOrder) {
      if (unit instanceof Delegation.Placed p) {
        int start = time[p.nodes[0]];
        int end = time[p.nodes[p.nodes.length - 1]];
        for (TensorBuffer in : p.partition.inputs()) {
          last[in.index()] = Math.max(last[in.index()], end);
        }
        for (TensorBuffer out : p.partition.outputs()) {
          first[out.index()] = Math.min(first[out.index()], start);
        }
      }
    }
  }

  /** Where each node runs and why; every node on the CPU when there are no delegates. */
  public DelegationReport delegationReport() {
    if (delegation != null) {
      return delegation.report();
    }
    List<DelegationReport.Node> rows = new ArrayList<>();
    for (Step s : steps) {
      rows.add(new DelegationReport.Node(s.op.index(), s.op.opName(), s.folded ? "constant" : "cpu",
          s.folded ? null : "no delegate"));
    }
    return new DelegationReport(List.copyOf(rows), List.of());
  }

  /** Closes the delegate kernels. */
  public void close() {
    if (delegation != null) {
      delegation.close();
    }
  }

  private static boolean allInputsConstant(Step step) {
    for (int i = 0; i < step.ctx.inputCount(); i++) {
      TensorBuffer in = step.ctx.input(i);
      if (in != null && !in.isConstant()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A node whose inputs are all constant (a DEQUANTIZE of float16 weights, a SHAPE of a constant)
   * gives the same outputs on every run: compute them once here, keep them as constants, and skip
   * the node when running.
   */
  private void fold(Step step) {
    prepareStep(step);
    for (int i = 0; i < step.ctx.outputCount(); i++) {
      TensorBuffer out = step.ctx.output(i);
      if (!out.isDynamic()) {
        out.setStorage(TensorBuffer.Storage.DYNAMIC);
        allocateDynamic(out);
      }
    }
    pack(step);
    runStep(step);
    for (int i = 0; i < step.ctx.outputCount(); i++) {
      step.ctx.output(i).setStorage(TensorBuffer.Storage.CONSTANT);
    }
    step.folded = true;
  }

  private boolean anyDynamicInput(Step step) {
    for (int i = 0; i < step.ctx.inputCount(); i++) {
      TensorBuffer in = step.ctx.input(i);
      if (in != null && in.isDynamic()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Prepares one kernel, then checks its outputs against the cap at once: every tensor a later
   * kernel sizes its scratch from is then bounded, before anything is allocated from it.
   */
  private void prepareStep(Step step) {
    step.packed = false;
    try {
      step.kernel.prepare(step.ctx);
      for (int i = 0; i < step.ctx.outputCount(); i++) {
        TensorBuffer out = step.ctx.output(i);
        if (!out.isDynamic()) {
          checkCap(out.numBytes(), out);
        }
      }
    } catch (Lite4jException e) {
      throw e;
    } catch (RuntimeException e) {
      // Anything else (an index past a short vector, a division by a zero dimension) is a bad model.
      throw new ModelFormatException(step.ctx.describe() + ": cannot be prepared: " + e, e);
    }
  }

  private void allocateArena() {
    List<MemoryPlanner.Request> requests = new ArrayList<>();
    int stepCount = steps.size();
    int[] first = new int[tensors.length];
    int[] last = new int[tensors.length];
    java.util.Arrays.fill(first, Integer.MAX_VALUE);
    java.util.Arrays.fill(last, -1);
    for (int input : graph.inputs()) {
      first[input] = -1;
    }
    int[] time = nodeTimes();
    for (int s = 0; s < stepCount; s++) {
      OperatorDef op = steps.get(s).op;
      int at = time[s];
      for (int t : op.inputs()) {
        if (t >= 0) {
          first[t] = Math.min(first[t], at);
          last[t] = Math.max(last[t], at);
        }
      }
      for (int t : op.outputs()) {
        first[t] = Math.min(first[t], at);
        last[t] = Math.max(last[t], at);
      }
    }
    if (delegatedOrder != null) {
      widenPartitionLifetimes(time, first, last);
    }
    for (int output : graph.outputs()) {
      last[output] = stepCount;
    }
    for (int input : graph.inputs()) {
      last[input] = Math.max(last[input], first[input]);
    }
    for (TensorBuffer t : tensors) {
      int i = t.index();
      if (t.storage() == TensorBuffer.Storage.ARENA && first[i] != Integer.MAX_VALUE) {
        requests.add(new MemoryPlanner.Request(i, t.numBytes(), first[i], Math.max(last[i], first[i])));
      }
    }
    memoryPlan = MemoryPlanner.plan(requests, tensors.length);
    if (memoryPlan.arenaBytes() > arenaCap) {
      throw new ModelFormatException("the planned arena needs " + memoryPlan.arenaBytes()
          + " bytes, more than the cap of " + arenaCap + " bytes (Interpreter.Options.setMaxArenaBytes)");
    }
    int size = (int) Math.max(memoryPlan.arenaBytes(), MemoryPlanner.ALIGNMENT);
    if (arena == null || arena.capacity() < size) {
      arena = ByteBuffer.allocateDirect(size);
    }
    for (MemoryPlanner.Request r : requests) {
      TensorBuffer t = tensors[r.tensor()];
      long offset = memoryPlan.offsets()[r.tensor()];
      t.bind(arena.slice((int) offset, (int) Math.max(r.bytes(), 0)));
    }
  }

  private void allocateVariables() {
    for (TensorBuffer t : tensors) {
      if (t.storage() == TensorBuffer.Storage.VARIABLE
          && (!t.hasData() || t.bytes().capacity() != t.numBytes())) {
        checkCap(t.numBytes(), t);
        t.bind(ByteBuffer.allocateDirect((int) t.numBytes()));
        resetVariable(t);
      }
    }
  }

  /** Variable tensors start at zero (int8 ones at their zero point), as TensorFlow Lite resets them. */
  public void resetVariables() {
    for (TensorBuffer t : tensors) {
      if (t.storage() == TensorBuffer.Storage.VARIABLE && t.hasData()) {
        resetVariable(t);
      }
    }
  }

  private static void resetVariable(TensorBuffer t) {
    byte fill = 0;
    if (t.type() == dev.lite4j.DataType.INT8 && t.quantization().isQuantized()) {
      fill = (byte) t.quantization().zeroPoint();
    }
    ByteBuffer b = t.bytes();
    for (int i = 0; i < b.capacity(); i++) {
      b.put(i, fill);
    }
  }

  private void allocateDynamic(TensorBuffer t) {
    long bytes = t.numBytes();
    checkCap(bytes, t);
    if (!t.hasData() || t.bytes().capacity() < bytes) {
      t.bind(ByteBuffer.allocateDirect((int) Math.max(bytes, 1)));
    }
    if (t.bytes().capacity() != bytes) {
      t.bind(t.bytes().slice(0, (int) bytes));
    }
  }

  private void checkCap(long bytes, TensorBuffer t) {
    if (bytes > arenaCap || bytes > Integer.MAX_VALUE) {
      throw new ModelFormatException(t + " needs " + bytes + " bytes, more than the cap of " + arenaCap
          + " bytes (Interpreter.Options.setMaxArenaBytes)");
    }
  }

  /** Runs every step once; {@code cancelled} is polled between steps. */
  public void run(BooleanSupplier cancelled) {
    if (delegatedOrder == null) {
      for (Step step : steps) {
        checkCancelled(cancelled);
        runCpu(step);
      }
      return;
    }
    for (Object unit : delegatedOrder) {
      checkCancelled(cancelled);
      if (unit instanceof Step step) {
        runCpu(step);
      } else {
        delegation.run((Delegation.Placed) unit, this);
      }
    }
  }

  private static void checkCancelled(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new IllegalStateException("Inference cancelled");
    }
  }

  /** Runs one node on its CPU kernel (preparing it first when it sits behind a dynamic tensor). */
  void runCpu(Step step) {
    if (step.folded) {
      return;
    }
    if (step.deferred) {
      prepareDeferred(step);
    }
    if (!step.packed) {
      pack(step); // a deferred node, or a delegated one whose partition fell back to the CPU
    }
    runStep(step);
  }

  /**
   * A node behind a dynamic tensor learns its input shapes only now: prepare it, then give bytes to
   * every output whose shape prepare set (outputs it declared dynamic get theirs while it runs).
   */
  private void prepareDeferred(Step step) {
    for (int i = 0; i < step.ctx.outputCount(); i++) {
      step.ctx.output(i).setStorage(TensorBuffer.Storage.ARENA);
    }
    prepareStep(step);
    for (int i = 0; i < step.ctx.outputCount(); i++) {
      TensorBuffer out = step.ctx.output(i);
      if (!out.isDynamic()) {
        out.setStorage(TensorBuffer.Storage.DYNAMIC);
        allocateDynamic(out);
      }
    }
  }

  private void runStep(Step step) {
    try {
      step.kernel.run(step.ctx);
    } catch (Lite4jException e) {
      throw e;
    } catch (RuntimeException e) {
      // A kernel that trips over its own indices on data a broken model fed it: a bad model, by name.
      throw new ModelFormatException(step.ctx.describe() + ": failed while running: " + e, e);
    }
  }

  /** Number of nodes. */
  public int stepCount() {
    return steps.size();
  }
}
