package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * ABS: |x| for float32, int32 and non-quantized int16 (TF Lite's elementwise AbsEval). Integer
 * minimums wrap to themselves as in C (|INT32_MIN| = INT32_MIN; int16 via int32 then narrowed).
 * Quantized int8/int16 are a later issue.
 */
public final class Abs implements Kernel {
  private static final Set<DataType> TYPES = EnumSet.of(DataType.FLOAT32, DataType.INT32, DataType.INT16);

  @Override
  public void prepare(OpContext ctx) {
    Unary.prepareSameShape(ctx, TYPES);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = out.numElements();
    switch (in.type()) {
      case FLOAT32 -> absFloat(in.floats(), out.floats(), n);
      case INT32 -> absInt(in.ints(), out.ints(), n);
      default -> absShort(in.shorts(), out.shorts(), n);
    }
  }

  private static void absFloat(FloatBuffer in, FloatBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, Math.abs(in.get(i)));
    }
  }

  private static void absInt(IntBuffer in, IntBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, Math.abs(in.get(i)));
    }
  }

  private static void absShort(ShortBuffer in, ShortBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, (short) Math.abs(in.get(i)));
    }
  }
}
