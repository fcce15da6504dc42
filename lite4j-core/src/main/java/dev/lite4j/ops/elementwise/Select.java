package dev.lite4j.ops.elementwise;

import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * SELECT (TensorFlow Lite's first version): condition ? x : y where x and y have one shape and the
 * condition either has it too, or is a scalar (picks all of x or all of y), or is rank 1 of x's first
 * dimension (picks whole slices along it). No other broadcasting: that is SELECT_V2.
 */
public final class Select extends SelectKernel {
  @Override
  BroadcastRows plan(OpContext ctx, TensorBuffer condition, TensorBuffer x, TensorBuffer y) {
    int[] xs = x.shape();
    ctx.require(Arrays.equals(xs, y.shape()), "x shape %s and y shape %s differ", Arrays.toString(xs),
        Arrays.toString(y.shape()));
    int[] cs = condition.shape();
    int[] walkShape;
    if (Arrays.equals(cs, xs) || cs.length == 0) {
      walkShape = cs;
    } else {
      ctx.require(cs.length == 1 && xs.length >= 1 && cs[0] == xs[0],
          "condition shape %s is neither x's shape %s, a scalar, nor rank 1 of x's first dimension",
          Arrays.toString(cs), Arrays.toString(xs));
      // [n] selecting slices along x's first dimension walks like [n, 1, ..., 1] broadcast over x.
      walkShape = new int[xs.length];
      Arrays.fill(walkShape, 1);
      walkShape[0] = cs[0];
    }
    ctx.setOutputShape(0, xs);
    return BroadcastRows.of(xs, walkShape, xs, xs);
  }
}
