package dev.lite4j.delegate;

import dev.lite4j.runtime.TensorBuffer;
import java.util.List;

/**
 * A connected-by-dataflow, convex set of nodes a delegate runs as one step: no path leaves it and
 * comes back through a node outside it. {@code inputs} are the non-constant tensors it reads that
 * are made outside it, {@code constants} the constant tensors it reads, {@code outputs} the tensors
 * it makes that are read outside it (or are subgraph outputs). Nodes are in execution order.
 */
public record Partition(int index, List<DelegateNode> nodes, List<TensorBuffer> inputs,
    List<TensorBuffer> constants, List<TensorBuffer> outputs) {}
