package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/** The [rank, 2] int32/int64 paddings matrix of PAD, PADV2 and MIRROR_PAD. */
final class Paddings {
  /** Largest input rank the padding operators take (TensorFlow Lite's own limit is 5). */
  static final int MAX_RANK = 8;

  final int[] before;
  final int[] after;

  private Paddings(int[] before, int[] after) {
    this.before = before;
    this.after = after;
  }

  /** Prepare-time checks of the matrix's type and shape against the input's rank. */
  static void checkShape(OpContext ctx, TensorBuffer paddings, int rank) {
    IntTensors.requireIndexType(ctx, paddings, "paddings");
    ctx.require(rank <= MAX_RANK, "input rank %d is over %d", rank, MAX_RANK);
    ctx.require(paddings.rank() == 2 && paddings.dim(0) == rank && paddings.dim(1) == 2,
        "paddings shape %s is not [%d, 2]", java.util.Arrays.toString(paddings.shape()), rank);
  }

  /**
   * Reads the matrix: each padding >= 0 and at most {@code maxPad[d]} (null: no bound but the
   * output size), and the padded shape within 2^31-1 elements.
   */
  static Paddings read(OpContext ctx, TensorBuffer paddings, int[] inShape, int[] maxPad) {
    int rank = inShape.length;
    int[] before = new int[rank];
    int[] after = new int[rank];
    long[] out = new long[rank];
    for (int d = 0; d < rank; d++) {
      long b = IntTensors.get(paddings, 2 * d);
      long a = IntTensors.get(paddings, 2 * d + 1);
      long max = maxPad == null ? Integer.MAX_VALUE : maxPad[d];
      ctx.require(b >= 0 && a >= 0 && b <= max && a <= max,
          "paddings (%d, %d) of dimension %d (size %d) must lie in [0, %d]", b, a, d, inShape[d], max);
      before[d] = (int) b;
      after[d] = (int) a;
      out[d] = inShape[d] + b + a;
    }
    OutputShapes.of(ctx, out);
    return new Paddings(before, after);
  }

  int[] outputShape(int[] inShape) {
    int[] out = new int[inShape.length];
    for (int d = 0; d < out.length; d++) {
      out[d] = inShape[d] + before[d] + after[d];
    }
    return out;
  }
}
