package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Base of the float32 element-wise maps: output[i] = apply(input[i]), same shape. Subclasses that
 * read options override {@link #prepare} and call {@code super.prepare(ctx)} first.
 */
abstract class FloatUnaryOp implements Kernel {
  private static final Set<DataType> FLOAT32 = EnumSet.of(DataType.FLOAT32);

  /** The function applied to each element. */
  abstract float apply(float x);

  @Override
  public void prepare(OpContext ctx) {
    Unary.prepareSameShape(ctx, FLOAT32);
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.output(0).numElements();
    for (int i = 0; i < n; i++) {
      out.put(i, apply(in.get(i)));
    }
  }
}
