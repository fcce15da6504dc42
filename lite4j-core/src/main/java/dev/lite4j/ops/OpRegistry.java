package dev.lite4j.ops;

import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.model.OpNames;
import dev.lite4j.model.OperatorDef;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one table from builtin operator code to kernel. Every builtin operator of the schema is either
 * registered here (with the highest op version implemented) or listed as unsupported on purpose.
 */
public final class OpRegistry {
  /** A registered operator: kernels for versions 1..maxVersion, built by its family's table. */
  public record Entry(int builtinCode, int maxVersion, Family factory) {
    /** A new kernel for this operator. */
    public Kernel create() {
      return factory.kernel(builtinCode, Row.BUILD);
    }
  }

  /**
   * One operator family's rows: a switch on the builtin code with one case per operator, naming its
   * highest version and its kernel: {@code case ADD -> row.upTo(4) ? new Add() : null;}. The registry
   * runs the switch once per code with a listing {@link Row} ({@code upTo} notes the version and answers
   * false, so no kernel is built), and once per node with {@link Row#BUILD} ({@code upTo} answers true).
   * Why a switch and not a {@code Supplier<Kernel>} per operator ({@code Add::new}): each method
   * reference is an invokedynamic call site whose first run spins a hidden class and loads the kernel
   * class, about 1 ms apiece in a fresh JVM (the 97 rows took ~100 ms, the switches take ~5-10 ms:
   * one class per family, and only the kernels a model uses get loaded).
   */
  public interface Family {
    /** The kernel for {@code builtinCode} if {@code row.upTo(max)} answers true; null when not in the family. */
    Kernel kernel(int builtinCode, Row row);
  }

  /** What the registry asks a {@link Family} row: the version to note, or the kernel to build. */
  public static final class Row {
    static final Row BUILD = new Row(true);

    private final boolean build;
    private int maxVersion;

    private Row(boolean build) {
      this.build = build;
    }

    /** States the operator's versions 1..{@code maxVersion}; true when the caller must build its kernel. */
    public boolean upTo(int maxVersion) {
      if (!build) {
        this.maxVersion = maxVersion;
      }
      return build;
    }
  }

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
    if (e == null) {
      throw unsupported(op, outputName, op.builtinCode() == OpNames.CUSTOM
          ? "custom operators are not supported" : "Lite4j has no kernel for this operator");
    }
    if (op.version() < 1 || op.version() > e.maxVersion()) {
      throw unsupported(op, outputName, "Lite4j implements versions 1.." + e.maxVersion());
    }
    return e.create();
  }

  private static UnsupportedOperatorException unsupported(OperatorDef op, String outputName, String why) {
    return new UnsupportedOperatorException("operator " + op.opName() + " version " + op.version()
        + " at node " + op.index() + " (output '" + outputName + "'): " + why);
  }

  /** Collects the table; each operator family adds its own rows (see {@link OpTable}). */
  public static final class Builder {
    private final Map<Integer, Entry> entries = new TreeMap<>();
    private final Set<Integer> unsupported = new TreeSet<>();

    /** Adds every operator of {@code family}: runs its switch for each builtin code (no kernel built). */
    public Builder add(Family family) {
      for (int code = 0; code <= OpNames.maxBuiltinCode(); code++) {
        Row row = new Row(false);
        if (family.kernel(code, row) != null) {
          throw new IllegalStateException(OpNames.builtinName(code) + ": a family's case must read "
              + "'row.upTo(max) ? new Kernel() : null'");
        }
        if (row.maxVersion > 0) {
          add(code, row.maxVersion, family);
        }
      }
      return this;
    }

    private void add(int builtinCode, int maxVersion, Family family) {
      if (entries.containsKey(builtinCode) || unsupported.contains(builtinCode)) {
        throw new IllegalStateException(OpNames.builtinName(builtinCode) + " registered twice");
      }
      entries.put(builtinCode, new Entry(builtinCode, maxVersion, family));
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
