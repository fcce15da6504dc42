package dev.lite4j.ops.reduce;

import dev.lite4j.ops.OpContext;
import org.tensorflow.lite.schema.ArgMaxOptions;

/** ARG_MAX: index of the largest element along the axis, the first one on ties. */
public final class ArgMax extends ArgReduction {
  public ArgMax() {
    super(true);
  }

  @Override
  byte outputType(OpContext ctx) {
    return ctx.options(new ArgMaxOptions()).outputType();
  }
}
