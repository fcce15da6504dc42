package dev.lite4j.kernels;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * Reads the small integer tensors that parameterise ops (axes, sizes, block shapes, paddings, k),
 * which models store as int32 or int64. Values that do not fit an int are a bad model.
 */
public final class IntTensors {
  private IntTensors() {}

  public static boolean isIndexType(DataType type) {
    return type == DataType.INT32 || type == DataType.INT64;
  }

  /** Fails unless {@code t} is int32 or int64 ({@code what} names it in the message). */
  public static void requireIndexType(OpContext ctx, TensorBuffer t, String what) {
    ctx.require(isIndexType(t.type()), "%s must be int32 or int64, not %s", what, t.type());
  }

  /** Every value of an int32 or int64 tensor, in C order. */
  public static int[] read(OpContext ctx, TensorBuffer t, String what) {
    requireIndexType(ctx, t, what);
    int n = t.numElements();
    int[] values = new int[n];
    if (t.type() == DataType.INT32) {
      t.ints().get(0, values);
    } else {
      for (int i = 0; i < n; i++) {
        long v = t.longs().get(i);
        ctx.require(v == (int) v, "%s value %d is out of the int range", what, v);
        values[i] = (int) v;
      }
    }
    return values;
  }

  /** The one value of an int32 or int64 tensor that must hold exactly one element. */
  public static int scalar(OpContext ctx, TensorBuffer t, String what) {
    ctx.require(t.numElements() == 1, "%s must hold one value, not %d", what, t.numElements());
    return read(ctx, t, what)[0];
  }

  /** Element {@code i} of an int32 or int64 tensor, read in place (no copy of the tensor). */
  public static long get(TensorBuffer t, int i) {
    return t.type() == DataType.INT32 ? t.ints().get(i) : t.longs().get(i);
  }

  /** {@code axis}, negative counting from the end, as an index in [0, rank); else a model error. */
  public static int axis(OpContext ctx, long axis, int rank, String what) {
    long a = axis < 0 ? axis + rank : axis;
    ctx.require(a >= 0 && a < rank, "%s %d is out of range for rank %d", what, axis, rank);
    return (int) a;
  }
}
