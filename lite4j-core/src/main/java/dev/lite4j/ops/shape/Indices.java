package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/** The index tensors of GATHER and GATHER_ND: int32, int64 or int16. */
final class Indices {
  private Indices() {}

  static void requireType(OpContext ctx, TensorBuffer t) {
    switch (t.type()) {
      case INT32, INT64, INT16 -> { }
      default -> throw ctx.unsupported("indices must be int32, int64 or int16, not " + t.type());
    }
  }

  static long get(TensorBuffer t, int i) {
    DataType type = t.type();
    return type == DataType.INT32 ? t.ints().get(i)
        : type == DataType.INT64 ? t.longs().get(i) : t.shorts().get(i);
  }
}
