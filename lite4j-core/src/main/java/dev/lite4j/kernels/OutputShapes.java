package dev.lite4j.kernels;

import dev.lite4j.ops.OpContext;
import java.util.Arrays;

/**
 * Output shapes computed from model data (options, size or block tensors), checked before use: every
 * dimension non-negative and the element count within an int, so that an absurd value ends in a
 * {@link dev.lite4j.ModelFormatException} and never in an overflow.
 */
public final class OutputShapes {
  private OutputShapes() {}

  public static int[] of(OpContext ctx, long... dims) {
    long count = 1;
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      long d = dims[i];
      ctx.require(d >= 0 && d <= Integer.MAX_VALUE, "computed output shape %s has an impossible dimension",
          Arrays.toString(dims));
      count = Math.min(count * d, 1L << 31); // both factors stay below 2^31: no long overflow
      shape[i] = (int) d;
    }
    ctx.require(count <= Integer.MAX_VALUE, "computed output shape %s has more than 2^31-1 elements",
        Arrays.toString(dims));
    return shape;
  }
}
