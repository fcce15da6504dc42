package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

/** ZEROS_LIKE: zeros of the input's shape and type (int64, int32, float32, as TF Lite's zeros_like.cc). */
public final class ZerosLike implements Kernel {
  private static final Set<DataType> TYPES = EnumSet.of(DataType.FLOAT32, DataType.INT32, DataType.INT64);

  @Override
  public void prepare(OpContext ctx) {
    Unary.prepareSameShape(ctx, TYPES);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer out = ctx.output(0);
    ByteBuffer bytes = out.bytes();
    long n = out.numBytes();
    // All three types have all-zero bits for zero; write 8 bytes at a time where possible.
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      bytes.putLong(i, 0L);
    }
    for (; i < n; i++) {
      bytes.put(i, (byte) 0);
    }
  }
}
