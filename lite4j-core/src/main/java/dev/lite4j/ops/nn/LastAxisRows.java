package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;

/** What SOFTMAX and LOG_SOFTMAX share: float32 rows along the last dimension, each shifted by its max. */
final class LastAxisRows {
  private LastAxisRows() {}

  /** Checks one float32 input of rank >= 1 and one output, which gets the input's shape; returns the row length. */
  static int prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    if (in.type() != DataType.FLOAT32) {
      throw ctx.unsupported("type " + in.type() + " is not supported");
    }
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    ctx.setOutputShape(0, in.shape());
    return in.dim(in.rank() - 1);
  }

  /** The largest of the {@code depth >= 1} values from {@code start} (subtracted first, for stability). */
  static float max(FloatBuffer in, int start, int depth) {
    float max = in.get(start);
    for (int c = 1; c < depth; c++) {
      max = Math.max(max, in.get(start + c));
    }
    return max;
  }
}
