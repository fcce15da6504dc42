package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.tensorflow.lite.schema.CumsumOptions;

/**
 * CUMSUM along one axis (a one-element int32/int64 tensor, negative counts from the end) of float32,
 * int32 or int64 input: a running sum from 0 in the axis order (from the end with reverse), each output
 * taking the sum before (exclusive) or after (inclusive) adding its own element. Integers wrap.
 */
public final class Cumsum implements Kernel {
  private boolean exclusive;
  private boolean reverse;
  private int outer;
  private int axisSize;
  private int inner;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer axis = ctx.input(1);
    ctx.require(in != null && axis != null && ctx.outputCount() >= 1, "needs an input, an axis and an output");
    DataType type = in.type();
    if (type != DataType.FLOAT32 && type != DataType.INT32 && type != DataType.INT64) {
      throw ctx.unsupported("type " + type + " is not supported (float32, int32, int64)");
    }
    ctx.require(ctx.output(0).type() == type, "output type %s differs from input type %s", ctx.output(0).type(),
        type);
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    IntTensors.requireIndexType(ctx, axis, "axis");
    ctx.require(axis.numElements() == 1, "axis must hold one value, not %d", axis.numElements());
    CumsumOptions o = ctx.options(new CumsumOptions());
    exclusive = o.exclusive();
    reverse = o.reverse();
    ctx.setOutputShape(0, in.shape());
    if (axis.isConstant()) {
      resolveAxis(ctx);
    }
  }

  private void resolveAxis(OpContext ctx) {
    int[] shape = ctx.input(0).shape();
    int rank = shape.length;
    int a = IntTensors.scalar(ctx, ctx.input(1), "axis");
    ctx.require(a >= -rank && a < rank, "axis %d is out of range for rank %d", a, rank);
    a = a < 0 ? a + rank : a;
    outer = Shapes.product(shape, 0, a);
    axisSize = shape[a];
    inner = Shapes.product(shape, a + 1, rank);
  }

  @Override
  public void run(OpContext ctx) {
    if (!ctx.input(1).isConstant()) {
      resolveAxis(ctx);
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (in.numElements() == 0) {
      return;
    }
    switch (in.type()) {
      case FLOAT32 -> cumsumFloat(in.floats(), out.floats());
      case INT32 -> cumsumInt(in.ints(), out.ints());
      default -> cumsumLong(in.longs(), out.longs());
    }
  }

  /** Element k (in walk order) of the line starting at {@code base}. */
  private int at(int base, int k) {
    return base + (reverse ? axisSize - 1 - k : k) * inner;
  }

  private void cumsumFloat(FloatBuffer src, FloatBuffer dst) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * axisSize * inner + i;
        float acc = 0f;
        for (int k = 0; k < axisSize; k++) {
          int p = at(base, k);
          float x = src.get(p);
          dst.put(p, exclusive ? acc : acc + x);
          acc += x;
        }
      }
    }
  }

  private void cumsumInt(IntBuffer src, IntBuffer dst) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * axisSize * inner + i;
        int acc = 0;
        for (int k = 0; k < axisSize; k++) {
          int p = at(base, k);
          int x = src.get(p);
          dst.put(p, exclusive ? acc : acc + x);
          acc += x;
        }
      }
    }
  }

  private void cumsumLong(LongBuffer src, LongBuffer dst) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * axisSize * inner + i;
        long acc = 0;
        for (int k = 0; k < axisSize; k++) {
          int p = at(base, k);
          long x = src.get(p);
          dst.put(p, exclusive ? acc : acc + x);
          acc += x;
        }
      }
    }
  }
}
