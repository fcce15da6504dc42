package dev.lite4j.model;

import dev.lite4j.ModelFormatException;

/**
 * Structural rules of a subgraph's data flow: each tensor is written at most once, by an operator
 * that runs before every operator that reads it; inputs and constants are never written. Since
 * operators run in file order, this also rules out cycles.
 */
final class GraphChecks {
  private GraphChecks() {}

  static void check(SubgraphDef sg, String sgName) {
    int n = sg.tensors().size();
    int[] writer = new int[n];
    java.util.Arrays.fill(writer, -2);   // -2: nobody writes it
    boolean[] available = new boolean[n];
    for (TensorDef t : sg.tensors()) {
      available[t.index()] = t.isConstant() || t.isVariable();
    }
    for (int input : sg.inputs()) {
      available[input] = true;
      writer[input] = -1;   // -1: the caller writes it
    }
    for (OperatorDef op : sg.operators()) {
      String node = sgName + " node " + op.index() + " (" + op.opName() + ")";
      for (int in : op.inputs()) {
        if (in >= 0 && !available[in]) {
          TensorDef t = sg.tensors().get(in);
          String why = writer[in] >= 0 ? "which is written later by node " + writer[in]
              + " (a cycle or an out-of-order graph)" : "which no earlier operator writes and which is "
              + "neither a subgraph input, a constant nor a variable";
          throw new ModelFormatException(node + " reads tensor " + in + " '" + t.name() + "', " + why);
        }
      }
      for (int out : op.outputs()) {
        if (out < 0) {
          throw new ModelFormatException(node + " has output -1; outputs cannot be optional");
        }
        TensorDef t = sg.tensors().get(out);
        if (writer[out] != -2) {
          String who = writer[out] == -1 ? "it is a subgraph input" : "node " + writer[out] + " writes it too";
          throw new ModelFormatException(node + " writes tensor " + out + " '" + t.name() + "', but " + who);
        }
        if (t.isConstant()) {
          throw new ModelFormatException(node + " writes tensor " + out + " '" + t.name()
              + "', which is a constant (it has buffer data)");
        }
        writer[out] = op.index();
      }
      for (int out : op.outputs()) {
        available[out] = true;
      }
    }
    for (int out : sg.outputs()) {
      if (!available[out] && writer[out] == -2) {
        TensorDef t = sg.tensors().get(out);
        throw new ModelFormatException(sgName + " output tensor " + out + " '" + t.name()
            + "' is written by no operator and is neither an input nor a constant");
      }
    }
  }
}
