package dev.lite4j.onnxruntime;

import dev.lite4j.Model;
import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateKernel;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.NodeSupport;
import dev.lite4j.delegate.Partition;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.plan.ExecutionPlan;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a whole model through Lite4j's CPU plan and, as one partition of every node that runs, through
 * a delegate kernel, so the two can be compared without the runtime's partitioning. Nodes folded at
 * prepare (DEQUANTIZE of float16 weights) become constants, as the runtime hands them to delegates.
 */
final class PartitionHarness implements AutoCloseable {
  final ExecutionPlan plan;
  final SubgraphDef graph;
  final List<DelegateNode> nodes = new ArrayList<>();
  final List<NodeSupport> support = new ArrayList<>();
  Partition partition;
  private final dev.lite4j.ModelFile modelFile;

  PartitionHarness(Model model, Delegate delegate) {
    graph = model.primarySubgraph();
    modelFile = model.file().orElse(null);
    plan = new ExecutionPlan(graph, OpRegistry.builtin(), 1L << 30);
    plan.prepare();
    for (OperatorDef op : graph.operators()) {
      List<TensorBuffer> outs = tensors(op.outputs());
      if (outs.stream().allMatch(TensorBuffer::isConstant)) {
        continue; // folded into constants
      }
      DelegateNode n = new DelegateNode(op.index(), op, tensors(op.inputs()), outs);
      nodes.add(n);
      support.add(delegate.supports(n));
    }
  }

  private List<TensorBuffer> tensors(int[] indices) {
    List<TensorBuffer> out = new ArrayList<>();
    for (int i : indices) {
      out.add(i < 0 ? null : plan.tensor(i));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** The reasons of the nodes the delegate turned down ("" when it takes all). */
  String unsupported() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      if (support.get(i) instanceof NodeSupport.Unsupported u) {
        sb.append("node ").append(nodes.get(i).index()).append(' ').append(nodes.get(i).opName()).append(": ")
            .append(u.reason()).append('\n');
      }
    }
    return sb.toString();
  }

  /** One partition of every running node. */
  Partition wholePartition() {
    Set<Integer> made = new HashSet<>();
    Set<TensorBuffer> inputs = new LinkedHashSet<>();
    Set<TensorBuffer> constants = new LinkedHashSet<>();
    for (DelegateNode n : nodes) {
      for (TensorBuffer t : n.inputs()) {
        if (t == null) {
          continue;
        }
        if (t.isConstant()) {
          constants.add(t);
        } else if (!made.contains(t.index())) {
          inputs.add(t);
        }
      }
      for (TensorBuffer t : n.outputs()) {
        made.add(t.index());
      }
    }
    List<TensorBuffer> outputs = new ArrayList<>();
    for (int o : graph.outputs()) {
      outputs.add(plan.tensor(o));
    }
    partition = new Partition(0, List.copyOf(nodes), List.copyOf(inputs), List.copyOf(constants), outputs, modelFile);
    return partition;
  }

  void setInputs(List<float[]> values) {
    int[] in = graph.inputs();
    for (int i = 0; i < in.length; i++) {
      plan.tensor(in[i]).floats().put(0, values.get(i));
    }
  }

  List<float[]> outputs() {
    List<float[]> out = new ArrayList<>();
    for (int o : graph.outputs()) {
      TensorBuffer t = plan.tensor(o);
      float[] v = new float[t.numElements()];
      t.floats().get(0, v);
      out.add(v);
    }
    return out;
  }

  List<float[]> runCpu(List<float[]> inputs) {
    setInputs(inputs);
    plan.run(() -> false);
    return outputs();
  }

  /**
   * Runs the partition on the delegate. The CPU plan's arena lets a graph output reuse the bytes of
   * an input that died early; a partition step reads and writes them at once, so the inputs and
   * outputs get bytes of their own first (as the runtime's memory plan gives a partition step).
   */
  List<float[]> runDelegate(DelegateKernel kernel, List<float[]> inputs) throws Exception {
    if (!separated) {
      for (TensorBuffer t : partition.inputs()) {
        t.bind(java.nio.ByteBuffer.allocateDirect((int) t.numBytes()));
      }
      for (TensorBuffer t : partition.outputs()) {
        t.bind(java.nio.ByteBuffer.allocateDirect((int) t.numBytes()));
      }
      separated = true;
    }
    for (int o : graph.outputs()) {
      TensorBuffer t = plan.tensor(o);
      float[] nan = new float[t.numElements()];
      Arrays.fill(nan, Float.NaN);
      t.floats().put(0, nan);
    }
    setInputs(inputs);
    kernel.run(partition);
    return outputs();
  }

  private boolean separated;

  int[] inputShape(int i) {
    return plan.tensor(graph.inputs()[i]).shape();
  }

  @Override
  public void close() {}
}
