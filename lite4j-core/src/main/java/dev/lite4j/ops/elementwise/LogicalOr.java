package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.BOOL;

import java.util.EnumSet;

/** LOGICAL_OR: a || b on BOOL tensors, with broadcasting. */
public final class LogicalOr extends PredicateKernel {
  public LogicalOr() {
    super(EnumSet.of(BOOL));
  }

  @Override
  boolean test(boolean a, boolean b) {
    return a || b;
  }
}
