package dev.lite4j.delegate;

import dev.lite4j.ModelFile;
import dev.lite4j.runtime.TensorBuffer;
import java.util.List;

/**
 * A connected-by-dataflow, convex set of nodes a delegate runs as one step: no path leaves it and
 * comes back through a node outside it. {@code inputs} are the non-constant tensors it reads that
 * are made outside it, {@code constants} the constant tensors it reads, {@code outputs} the tensors
 * it makes that are read outside it (or are subgraph outputs). Nodes are in execution order.
 * {@code modelFile} is the file the model was mapped from, as it was at load (null for a model in
 * memory): with it a delegate can key a cache on the file's contents without hashing them each time.
 */
public record Partition(int index, List<DelegateNode> nodes, List<TensorBuffer> inputs,
    List<TensorBuffer> constants, List<TensorBuffer> outputs, ModelFile modelFile) {

  /** A partition of a model held in memory. */
  public Partition(int index, List<DelegateNode> nodes, List<TensorBuffer> inputs, List<TensorBuffer> constants,
      List<TensorBuffer> outputs) {
    this(index, nodes, inputs, constants, outputs, null);
  }
}
