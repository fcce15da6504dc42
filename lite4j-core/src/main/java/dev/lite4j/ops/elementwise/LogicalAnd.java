package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.BOOL;

import java.util.EnumSet;

/** LOGICAL_AND: a && b on BOOL tensors, with broadcasting. */
public final class LogicalAnd extends PredicateKernel {
  public LogicalAnd() {
    super(EnumSet.of(BOOL));
  }

  @Override
  boolean test(boolean a, boolean b) {
    return a && b;
  }
}
