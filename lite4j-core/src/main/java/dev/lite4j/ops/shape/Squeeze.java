package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.SqueezeOptions;

/**
 * SQUEEZE: drops size-1 dimensions, those listed in {@code squeeze_dims} (negative counts from the
 * end; each must be 1) or, when the list is empty, all of them. Any element type.
 */
public final class Squeeze implements Kernel {
  /** TensorFlow Lite's squeeze.cc limit. */
  static final int MAX_RANK = 8;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 1, "expects 1 input, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    Movement.requireMovable(ctx, in);
    Movement.requireSameType(ctx, in, ctx.output(0));
    int rank = in.rank();
    ctx.require(rank <= MAX_RANK, "input rank %d is over %d", rank, MAX_RANK);
    SqueezeOptions o = ctx.options(new SqueezeOptions());
    int n = ctx.vectorLength(o.squeezeDimsLength(), "squeeze_dims");
    boolean[] drop = new boolean[rank];
    if (n == 0) {
      for (int d = 0; d < rank; d++) {
        drop[d] = in.dim(d) == 1;
      }
    } else {
      for (int i = 0; i < n; i++) {
        int d = IntTensors.axis(ctx, o.squeezeDims(i), rank, "squeeze_dims value");
        ctx.require(in.dim(d) == 1, "cannot squeeze dimension %d of size %d", d, in.dim(d));
        drop[d] = true;
      }
    }
    int kept = 0;
    for (boolean b : drop) {
      kept += b ? 0 : 1;
    }
    int[] shape = new int[kept];
    for (int d = 0, j = 0; d < rank; d++) {
      if (!drop[d]) {
        shape[j++] = in.dim(d);
      }
    }
    ctx.setOutputShape(0, shape);
  }

  @Override
  public void run(OpContext ctx) {
    Movement.copyAll(ctx.input(0), ctx.output(0));
  }
}
