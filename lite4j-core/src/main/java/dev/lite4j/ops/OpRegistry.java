package dev.lite4j.ops;

import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.model.OpNames;
import dev.lite4j.model.OperatorDef;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one table from builtin operator code to kernel. Every builtin operator of the schema is either
 * registered here (with the highest op version implemented) or listed as unsupported on purpose.
 */
public final class OpRegistry {
  /** A registered operator: kernels for versions 1..maxVersion. */
  public record Entry(int builtinCode, int maxVersion, Supplier<Kernel> factory) {}

  private static final OpRegistry BUILTIN = createBuiltin();

  private final Map<Integer, Entry> entries;
  private final Set<Integer> unsupportedOnPurpose;

  private OpRegistry(Map<Integer, Entry> entries, Set<Integer> unsupported) {
    this.entries = Collections.unmodifiableMap(entries);
    this.unsupportedOnPurpose = Collections.unmodifiableSet(unsupported);
  }

  public static OpRegistry builtin() {
    return BUILTIN;
  }

  private static OpRegistry createBuiltin() {
    Builder b = new Builder();
    OpTable.registerAll(b);
    return new OpRegistry(b.entries, b.unsupported);
  }

  public Map<Integer, Entry> entries() {
    return entries;
  }

  public Set<Integer> unsupportedOnPurpose() {
    return unsupportedOnPurpose;
  }

  /** A new kernel for {@code op}, or an {@link UnsupportedOperatorException} naming op, version, node and output. */
  public Kernel create(OperatorDef op, String outputName) {
    Entry e = entries.get(op.builtinCode());
    String where = "node " + op.index() + " (output '" + outputName + "')";
    if (e == null) {
      String why = op.builtinCode() == OpNames.CUSTOM ? "custom operators are not supported"
          : "Lite4j has no kernel for this operator";
      throw new UnsupportedOperatorException(
          "operator " + op.opName() + " version " + op.version() + " at " + where + ": " + why);
    }
    if (op.version() < 1 || op.version() > e.maxVersion()) {
      throw new UnsupportedOperatorException("operator " + op.opName() + " version " + op.version() + " at "
          + where + ": Lite4j implements versions 1.." + e.maxVersion());
    }
    return e.factory().get();
  }

  /** Collects the table; each operator family adds its own rows (see {@link OpTable}). */
  public static final class Builder {
    private final Map<Integer, Entry> entries = new TreeMap<>();
    private final Set<Integer> unsupported = new TreeSet<>();

    public Builder add(int builtinCode, int maxVersion, Supplier<Kernel> factory) {
      if (entries.containsKey(builtinCode) || unsupported.contains(builtinCode)) {
        throw new IllegalStateException(OpNames.builtinName(builtinCode) + " registered twice");
      }
      entries.put(builtinCode, new Entry(builtinCode, maxVersion, factory));
      return this;
    }

    /** Lists an operator as deliberately not implemented (the registry test checks completeness). */
    public Builder unsupported(int... builtinCodes) {
      for (int code : builtinCodes) {
        if (entries.containsKey(code) || !unsupported.add(code)) {
          throw new IllegalStateException(OpNames.builtinName(code) + " listed twice");
        }
      }
      return this;
    }
  }
}
