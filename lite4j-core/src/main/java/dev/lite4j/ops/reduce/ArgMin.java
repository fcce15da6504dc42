package dev.lite4j.ops.reduce;

import dev.lite4j.ops.OpContext;
import org.tensorflow.lite.schema.ArgMinOptions;

/** ARG_MIN: index of the smallest element along the axis, the first one on ties. */
public final class ArgMin extends ArgReduction {
  public ArgMin() {
    super(false);
  }

  @Override
  byte outputType(OpContext ctx) {
    return ctx.options(new ArgMinOptions()).outputType();
  }
}
