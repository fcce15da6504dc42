package dev.lite4j.cli;

import dev.lite4j.model.OpNames;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.ops.OpRegistry;
import java.util.Map;
import java.util.TreeSet;

/** Which operators of a model Lite4j's registry lacks (to say at once everything a model still needs). */
final class OperatorSupport {
  private OperatorSupport() {}

  static boolean supported(OperatorDef op) {
    OpRegistry.Entry e = OpRegistry.builtin().entries().get(op.builtinCode());
    return e != null && op.builtinCode() != OpNames.CUSTOM && op.version() >= 1 && op.version() <= e.maxVersion();
  }

  /** "OP vN" for every operator and version of the subgraph without a kernel, sorted; empty if none. */
  static TreeSet<String> missing(SubgraphDef g) {
    TreeSet<String> out = new TreeSet<>();
    for (OperatorDef op : g.operators()) {
      if (!supported(op)) {
        out.add(op.opName() + " v" + op.version());
      }
    }
    return out;
  }

  static Map<Integer, OpRegistry.Entry> registry() {
    return OpRegistry.builtin().entries();
  }
}
