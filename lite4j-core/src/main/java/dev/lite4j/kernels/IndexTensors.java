package dev.lite4j.kernels;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * Reads the small integer tensors that steer shape operators (shapes, axes, begin/size, paddings,
 * multiples, permutations: int32 or int64) and turns requested dimensions into checked shapes, so
 * that nothing is ever allocated from an unchecked number in a model.
 */
public final class IndexTensors {
  private IndexTensors() {}

  public static boolean isIndexType(DataType t) {
    return t == DataType.INT32 || t == DataType.INT64;
  }

  /** Throws {@link dev.lite4j.UnsupportedOperatorException} unless {@code t} holds int32 or int64. */
  public static void requireIndexType(OpContext ctx, TensorBuffer t, String what) {
    if (!isIndexType(t.type())) {
      throw ctx.unsupported(what + " must be int32 or int64, not " + t.type());
    }
  }

  /** Element {@code i} of an int32 or int64 tensor. */
  public static long get(TensorBuffer t, int i) {
    return t.type() == DataType.INT32 ? t.ints().get(i) : t.longs().get(i);
  }

  /** All elements of an int32 or int64 tensor. */
  public static long[] values(TensorBuffer t) {
    long[] v = new long[t.numElements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = get(t, i);
    }
    return v;
  }

  /** The single element of a one-element int32 or int64 tensor (an axis, a scalar). */
  public static long single(OpContext ctx, TensorBuffer t, String what) {
    requireIndexType(ctx, t, what);
    ctx.require(t.numElements() == 1, "%s must hold one element, it has shape %s", what,
        java.util.Arrays.toString(t.shape()));
    return get(t, 0);
  }

  /** {@code axis}, counted from the end when negative, as an index in [0, rank); else a model error. */
  public static int axis(OpContext ctx, long axis, int rank, String what) {
    long a = axis < 0 ? axis + rank : axis;
    ctx.require(a >= 0 && a < rank, "%s %d is out of range for rank %d", what, axis, rank);
    return (int) a;
  }

  /**
   * {@code dims} as a shape, each dimension in [0, 2^31) and at most 2^31-1 elements in all (a model
   * may ask for absurd sizes, e.g. tiling by 2^30: they end here as a model error).
   */
  public static int[] checkedShape(OpContext ctx, long[] dims, String what) {
    int[] shape = new int[dims.length];
    long nonZero = 1;
    boolean empty = false;
    for (int i = 0; i < dims.length; i++) {
      long d = dims[i];
      ctx.require(d >= 0 && d <= Integer.MAX_VALUE, "%s: dimension %d is %d", what, i, d);
      shape[i] = (int) d;
      if (d == 0) {
        empty = true;
      } else {
        nonZero = Math.min(nonZero * d, (long) Integer.MAX_VALUE + 1);
      }
    }
    ctx.require(empty || nonZero <= Integer.MAX_VALUE, "%s: shape %s has more than 2^31-1 elements",
        what, java.util.Arrays.toString(dims));
    return shape;
  }

  /** Widens a shape to longs (for size arithmetic that must not overflow). */
  public static long[] widen(int[] shape) {
    long[] l = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      l[i] = shape[i];
    }
    return l;
  }
}
