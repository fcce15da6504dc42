package dev.lite4j.model;

import dev.lite4j.ModelFormatException;
import java.util.Arrays;

/**
 * Structural rules of a subgraph's data flow: each tensor is written at most once, by an operator
 * that runs before every operator that reads it; inputs and constants are never written. Since
 * operators run in file order, this also rules out cycles.
 */
final class GraphChecks {
  private static final int NOBODY = -2;
  private static final int CALLER = -1;

  private GraphChecks() {}

  static void check(SubgraphDef sg, String sgName) {
    int[] writer = writers(sg, sgName);
    boolean[] available = new boolean[sg.tensors().size()];
    for (TensorDef t : sg.tensors()) {
      available[t.index()] = t.isConstant() || t.isVariable() || writer[t.index()] == CALLER
          || isEmptyConstant(t, writer);
    }
    for (OperatorDef op : sg.operators()) {
      for (int in : op.inputs()) {
        if (in >= 0 && !available[in]) {
          TensorDef t = sg.tensors().get(in);
          String why = writer[in] >= 0 ? "which is written later by node " + writer[in]
              + " (a cycle or an out-of-order graph)" : "which no earlier operator writes and which is "
              + "neither a subgraph input, a constant nor a variable";
          throw new ModelFormatException(node(sgName, op) + " reads tensor " + in + " '" + t.name() + "', " + why);
        }
      }
      for (int out : op.outputs()) {
        available[out] = true;
      }
    }
    for (int out : sg.outputs()) {
      if (!available[out]) {
        TensorDef t = sg.tensors().get(out);
        throw new ModelFormatException(sgName + " output tensor " + out + " '" + t.name()
            + "' is written by no operator and is neither an input nor a constant");
      }
    }
  }

  /** Which node writes each tensor (CALLER for subgraph inputs, NOBODY for none); rejects double writes. */
  private static int[] writers(SubgraphDef sg, String sgName) {
    int[] writer = new int[sg.tensors().size()];
    Arrays.fill(writer, NOBODY);
    for (int input : sg.inputs()) {
      writer[input] = CALLER;
    }
    for (OperatorDef op : sg.operators()) {
      for (int out : op.outputs()) {
        if (out < 0) {
          throw new ModelFormatException(node(sgName, op) + " has output -1; outputs cannot be optional");
        }
        TensorDef t = sg.tensors().get(out);
        if (writer[out] != NOBODY) {
          String who = writer[out] == CALLER ? "it is a subgraph input" : "node " + writer[out] + " writes it too";
          throw new ModelFormatException(node(sgName, op) + " writes tensor " + out + " '" + t.name()
              + "', but " + who);
        }
        if (t.isConstant()) {
          throw new ModelFormatException(node(sgName, op) + " writes tensor " + out + " '" + t.name()
              + "', which is a constant (it has buffer data)");
        }
        writer[out] = op.index();
      }
    }
    return writer;
  }

  /**
   * A tensor with zero elements that nobody writes is an empty constant (an empty axis list): its
   * buffer has no bytes because there are none to hold, as TensorFlow Lite reads it.
   */
  static boolean isEmptyConstant(TensorDef t, int[] writer) {
    if (t.isConstant() || t.isVariable() || writer[t.index()] != NOBODY) {
      return false;
    }
    for (int d : t.shape()) {
      if (d == 0) {
        return true;
      }
    }
    return false;
  }

  /** Tensors that are empty constants in this subgraph (see {@link #isEmptyConstant}). */
  static boolean[] emptyConstants(SubgraphDef sg) {
    int[] writer = writers(sg, "subgraph");
    boolean[] out = new boolean[sg.tensors().size()];
    for (TensorDef t : sg.tensors()) {
      out[t.index()] = isEmptyConstant(t, writer);
    }
    return out;
  }

  private static String node(String sgName, OperatorDef op) {
    return sgName + " node " + op.index() + " (" + op.opName() + ")";
  }
}
