package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.Broadcast;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.AddOptions;

/** ADD: a + b with broadcasting and a fused activation (float32, int32, int64). */
public final class Add implements Kernel {
  private Activation activation;
  private int[] mapA;
  private int[] mapB;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer a = ctx.input(0);
    TensorBuffer b = ctx.input(1);
    ctx.require(a != null && b != null, "needs two inputs");
    ctx.require(a.type() == b.type(), "input types differ: %s and %s", a.type(), b.type());
    DataType type = a.type();
    if (type != DataType.FLOAT32 && type != DataType.INT32 && type != DataType.INT64) {
      throw ctx.unsupported("type " + type + " is not supported");
    }
    activation = Activation.of(ctx.options(new AddOptions()).fusedActivationFunction(), ctx);
    int[] out = Broadcast.shape(a.shape(), b.shape());
    ctx.require(out != null && out.length <= Broadcast.MAX_RANK, "shapes %s and %s do not broadcast",
        Arrays.toString(a.shape()), Arrays.toString(b.shape()));
    ctx.setOutputShape(0, out);
    mapA = Broadcast.indexMap(a.shape(), out);
    mapB = Broadcast.indexMap(b.shape(), out);
  }

  @Override
  public void run(OpContext ctx) {
    switch (ctx.input(0).type()) {
      case FLOAT32 -> addFloat(ctx.input(0).floats(), ctx.input(1).floats(), ctx.output(0));
      case INT32 -> addInt(ctx.input(0).ints(), ctx.input(1).ints(), ctx.output(0));
      default -> addLong(ctx.input(0).longs(), ctx.input(1).longs(), ctx.output(0));
    }
  }

  private void addFloat(FloatBuffer a, FloatBuffer b, TensorBuffer out) {
    FloatBuffer o = out.floats();
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      o.put(i, activation.apply(a.get(Broadcast.at(mapA, i)) + b.get(Broadcast.at(mapB, i))));
    }
  }

  private void addInt(IntBuffer a, IntBuffer b, TensorBuffer out) {
    IntBuffer o = out.ints();
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      o.put(i, (int) activation.apply(a.get(Broadcast.at(mapA, i)) + b.get(Broadcast.at(mapB, i))));
    }
  }

  private void addLong(LongBuffer a, LongBuffer b, TensorBuffer out) {
    LongBuffer o = out.longs();
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      long v = a.get(Broadcast.at(mapA, i)) + b.get(Broadcast.at(mapB, i));
      o.put(i, activation.isNone() ? v : (long) activation.apply(v));
    }
  }
}
