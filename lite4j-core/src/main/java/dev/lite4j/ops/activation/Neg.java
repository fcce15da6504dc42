package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.EnumSet;
import java.util.Set;

/** NEG: -x for float32, int32 and int64 (the types of TF Lite's neg.cc; integer minimums wrap). */
public final class Neg implements Kernel {
  private static final Set<DataType> TYPES = EnumSet.of(DataType.FLOAT32, DataType.INT32, DataType.INT64);

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
      case FLOAT32 -> negFloat(in.floats(), out.floats(), n);
      case INT32 -> negInt(in.ints(), out.ints(), n);
      default -> negLong(in.longs(), out.longs(), n);
    }
  }

  private static void negFloat(FloatBuffer in, FloatBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, -in.get(i));
    }
  }

  private static void negInt(IntBuffer in, IntBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, -in.get(i));
    }
  }

  private static void negLong(LongBuffer in, LongBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, -in.get(i));
    }
  }
}
