package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Set;

/**
 * Base of the broadcasting binary ops with a BOOL output (comparisons, LOGICAL_AND, LOGICAL_OR): a
 * subclass supplies the test for each input type it supports.
 */
abstract class PredicateKernel extends BinaryKernel {
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
  public final void run(OpContext ctx) {
    TensorBuffer a = ctx.input(0);
    TensorBuffer b = ctx.input(1);
    ByteBuffer out = ctx.output(0).bytes();
    switch (a.type()) {
      case FLOAT32 -> runFloat(a.floats(), b.floats(), out);
      case INT32 -> runInt(a.ints(), b.ints(), out);
      case INT64 -> runLong(a.longs(), b.longs(), out);
      case BOOL -> runBool(a.bytes(), b.bytes(), out);
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
