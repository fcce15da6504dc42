package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Set;

/**
 * Base of the broadcasting binary ops with a BOOL output (comparisons, LOGICAL_AND, LOGICAL_OR): a
 * subclass supplies the test for each input type it supports. INT8 and UINT8 inputs are compared as
 * TensorFlow Lite 2.6's comparisons.cc does: each value, offset by its zero point and shifted left by 8,
 * is multiplied by its own scale ({@code QuantizeMultiplierSmallerThanOneExp(scale)}, so scales must be
 * below 1), and the int test runs on the rescaled values.
 */
abstract class PredicateKernel extends BinaryKernel {
  private static final int LEFT_SHIFT = 8;
  private int offsetA;
  private int offsetB;
  private QuantizedMultiplier scaleA;
  private QuantizedMultiplier scaleB;
  PredicateKernel(Set<DataType> types) {
    super(types);
  }

  @Override
  final DataType outputType(DataType inputType) {
    return DataType.BOOL;
  }

  boolean test(float a, float b) {
    throw new AssertionError("float not supported");
  }

  boolean test(int a, int b) {
    throw new AssertionError("int not supported");
  }

  boolean test(long a, long b) {
    throw new AssertionError("long not supported");
  }

  boolean test(boolean a, boolean b) {
    throw new AssertionError("bool not supported");
  }

  @Override
  void readOptions(OpContext ctx) {
    TensorBuffer a = ctx.input(0);
    if (a.type() == DataType.INT8 || a.type() == DataType.UINT8) {
      TensorBuffer b = ctx.input(1);
      float sa = QuantizedTensors.scale(ctx, a, "input 1");
      float sb = QuantizedTensors.scale(ctx, b, "input 2");
      ctx.require(sa < 1 && sb < 1, "quantized comparison needs input scales below 1, has %s and %s", sa, sb);
      offsetA = -QuantizedTensors.zeroPoint(ctx, a, "input 1");
      offsetB = -QuantizedTensors.zeroPoint(ctx, b, "input 2");
      scaleA = QuantizedMultiplier.smallerThanOne(sa);
      scaleB = QuantizedMultiplier.smallerThanOne(sb);
    }
  }

  @Override
  public final void run(OpContext ctx) {
    TensorBuffer a = ctx.input(0);
    TensorBuffer b = ctx.input(1);
    ByteBuffer out = ctx.output(0).bytes();
    switch (a.type()) {
      case FLOAT32 -> runFloat(a.floats(), b.floats(), out);
      case INT32 -> runInt(a.ints(), b.ints(), out);
      case INT64 -> runLong(a.longs(), b.longs(), out);
      case BOOL -> runBool(a.bytes(), b.bytes(), out);
      case INT8, UINT8 -> runQuantized(a, b, out);
      default -> throw new IllegalStateException("type " + a.type() + " passed prepare");
    }
  }

  private void runFloat(FloatBuffer a, FloatBuffer b, ByteBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        out.put(o + k, bool(test(a.get(ia), b.get(ib))));
      }
    }
  }

  private void runInt(IntBuffer a, IntBuffer b, ByteBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        out.put(o + k, bool(test(a.get(ia), b.get(ib))));
      }
    }
  }

  private void runLong(LongBuffer a, LongBuffer b, ByteBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        out.put(o + k, bool(test(a.get(ia), b.get(ib))));
      }
    }
  }

  private void runQuantized(TensorBuffer a, TensorBuffer b, ByteBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        int x = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
            (QuantizedTensors.get(a, ia) + offsetA) * (1 << LEFT_SHIFT), scaleA.multiplier(), scaleA.shift());
        int y = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
            (QuantizedTensors.get(b, ib) + offsetB) * (1 << LEFT_SHIFT), scaleB.multiplier(), scaleB.shift());
        out.put(o + k, bool(test(x, y)));
      }
    }
  }

  /** BOOL tensors hold one byte per element; any non-zero byte reads as true. */
  private void runBool(ByteBuffer a, ByteBuffer b, ByteBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        out.put(o + k, bool(test(a.get(ia) != 0, b.get(ib) != 0)));
      }
    }
  }

  private static byte bool(boolean v) {
    return (byte) (v ? 1 : 0);
  }
}
