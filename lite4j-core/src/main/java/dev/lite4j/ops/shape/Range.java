package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * RANGE: start, start + delta, ... up to (not including) limit, from three scalars of one type
 * (int32, int64 or float32), as range.cc: delta must not be 0 nor point away from limit; the size is
 * ceil(|limit - start| / |delta|); values accumulate (v += delta), which float outputs reproduce
 * exactly. Any non-constant input makes the output dynamic.
 */
public final class Range implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 3, "expects 3 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer start = Movement.input(ctx, 0, "start");
    TensorBuffer limit = Movement.input(ctx, 1, "limit");
    TensorBuffer delta = Movement.input(ctx, 2, "delta");
    DataType type = start.type();
    if (type != DataType.INT32 && type != DataType.INT64 && type != DataType.FLOAT32) {
      throw ctx.unsupported("type " + type + " is not supported");
    }
    for (TensorBuffer t : new TensorBuffer[] {start, limit, delta}) {
      ctx.require(t.type() == type, "start, limit and delta types differ: %s, %s, %s", start.type(),
          limit.type(), delta.type());
      ctx.require(t.rank() == 0, "'%s' must be a scalar, it has shape %s", t.name(),
          java.util.Arrays.toString(t.shape()));
    }
    Movement.requireSameType(ctx, start, ctx.output(0));
    if (!start.isConstant() || !limit.isConstant() || !delta.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    ctx.setOutputShape(0, size(ctx));
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer out = ctx.output(0);
    if (out.isDynamic()) {
      ctx.resizeDynamicOutput(0, size(ctx));
    }
    int n = out.numElements();
    switch (out.type()) {
      case INT32 -> fillInt(ctx.input(0).ints().get(0), ctx.input(2).ints().get(0), out.ints(), n);
      case INT64 -> fillLong(ctx.input(0).longs().get(0), ctx.input(2).longs().get(0), out.longs(), n);
      default -> fillFloat(ctx.input(0).floats().get(0), ctx.input(2).floats().get(0), out.floats(), n);
    }
  }

  /** range.cc, GetSize. */
  private static int size(OpContext ctx) {
    TensorBuffer start = ctx.input(0);
    double n;
    if (start.type() == DataType.FLOAT32) {
      float s = start.floats().get(0);
      float l = ctx.input(1).floats().get(0);
      float d = ctx.input(2).floats().get(0);
      checkDirection(ctx, d == 0f, (s >= l && d < 0) || (s <= l && d > 0));
      n = Math.ceil(Math.abs((l - s) / d));
    } else {
      boolean ints = start.type() == DataType.INT32;
      long s = ints ? start.ints().get(0) : start.longs().get(0);
      long l = ints ? ctx.input(1).ints().get(0) : ctx.input(1).longs().get(0);
      long d = ints ? ctx.input(2).ints().get(0) : ctx.input(2).longs().get(0);
      checkDirection(ctx, d == 0, (s >= l && d < 0) || (s <= l && d > 0));
      // Exact ceil(|l - s| / |d|) even where l - s overflows a long.
      java.math.BigInteger span = java.math.BigInteger.valueOf(l).subtract(java.math.BigInteger.valueOf(s)).abs();
      java.math.BigInteger step = java.math.BigInteger.valueOf(d).abs();
      java.math.BigInteger[] qr = span.divideAndRemainder(step);
      java.math.BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].add(java.math.BigInteger.ONE);
      n = q.bitLength() > 62 ? Double.POSITIVE_INFINITY : q.longValue();
    }
    ctx.require(n >= 0 && n <= Integer.MAX_VALUE, "range of %s elements is too large or undefined", n);
    return (int) n;
  }

  private static void checkDirection(OpContext ctx, boolean zeroDelta, boolean towardLimit) {
    ctx.require(!zeroDelta, "delta must not be zero");
    ctx.require(towardLimit, "delta must step from start toward limit");
  }

  private static void fillInt(int start, int delta, IntBuffer out, int n) {
    int v = start;
    for (int i = 0; i < n; i++) {
      out.put(i, v);
      v += delta;
    }
  }

  private static void fillLong(long start, long delta, LongBuffer out, int n) {
    long v = start;
    for (int i = 0; i < n; i++) {
      out.put(i, v);
      v += delta;
    }
  }

  private static void fillFloat(float start, float delta, FloatBuffer out, int n) {
    float v = start;
    for (int i = 0; i < n; i++) {
      out.put(i, v);
      v += delta;
    }
  }
}
