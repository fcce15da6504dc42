package dev.lite4j.ops.spatial;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Checks and copies shared by the ops that only move elements (depth/space/batch rearrangements,
 * nearest-neighbour resizing): they work on the bytes, so any fixed-size element type goes.
 */
final class Movement {
  private Movement() {}

  /** Input 0 and output 0 exist, have the same fixed-size type, and the input has {@code rank} dims. */
  static void checkInputOutput(OpContext ctx, int... ranks) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() >= 1, "needs an input and an output");
    ctx.require(in.type() != DataType.STRING, "string tensors cannot be rearranged");
    ctx.require(ctx.output(0).type() == in.type(), "output type %s differs from input type %s",
        ctx.output(0).type(), in.type());
    boolean rankOk = false;
    for (int r : ranks) {
      rankOk |= in.rank() == r;
    }
    ctx.require(rankOk, "input must have rank %s, not %d", Arrays.toString(ranks), in.rank());
  }

  /** Copies {@code count} elements of {@code elementSize} bytes from element {@code from} to element {@code to}. */
  static void copy(ByteBuffer src, int from, ByteBuffer dst, int to, int count, int elementSize) {
    dst.put(to * elementSize, src, from * elementSize, count * elementSize);
  }
}
