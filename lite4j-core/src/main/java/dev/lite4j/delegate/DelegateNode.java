package dev.lite4j.delegate;

import dev.lite4j.model.OperatorDef;
import dev.lite4j.runtime.TensorBuffer;
import java.util.List;

/**
 * A node as a delegate sees it: the operator (code, version, options through
 * {@link #options(com.google.flatbuffers.Table)}) and its tensors with their current shapes; constant
 * inputs (weights, and float16 weights already widened) have their data. Optional inputs left out
 * are null entries.
 */
public record DelegateNode(int index, OperatorDef op, List<TensorBuffer> inputs, List<TensorBuffer> outputs) {

  public String opName() {
    return op.opName();
  }

  public int builtinCode() {
    return op.builtinCode();
  }

  public int version() {
    return op.version();
  }

  /** The node's builtin options (schema defaults when absent), as kernels read them. */
  public <T extends com.google.flatbuffers.Table> T options(T table) {
    return dev.lite4j.ops.OptionsAccess.read(op, table);
  }
}
