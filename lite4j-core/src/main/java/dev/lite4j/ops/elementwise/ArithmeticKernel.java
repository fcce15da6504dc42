package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Set;

/**
 * Base of the broadcasting binary ops whose output has the inputs' type (ADD, SUB, MUL, DIV, POW,
 * MAXIMUM, ...): a subclass supplies the scalar function for each type it supports and, where the
 * op has one, the fused activation. INT8, UINT8 and INT16 go through the int function on the raw
 * (not dequantized) values, for the ops where TensorFlow Lite does just that (MAXIMUM, MINIMUM).
 */
abstract class ArithmeticKernel extends BinaryKernel {
  // Output clamp: none unless the op fuses an activation (see fuse).
  private float floatMin = Float.NEGATIVE_INFINITY;
  private float floatMax = Float.POSITIVE_INFINITY;
  private int intMin = Integer.MIN_VALUE;
  private int intMax = Integer.MAX_VALUE;
  private long longMin = Long.MIN_VALUE;
  private long longMax = Long.MAX_VALUE;

  ArithmeticKernel(Set<DataType> types) {
    super(types);
  }

  @Override
  final DataType outputType(DataType inputType) {
    return inputType;
  }

  /**
   * Clamps outputs to {@code activation}'s range as TensorFlow Lite's {@code CalculateActivationRange}
   * does: for floats even NONE clamps, to [-FLT_MAX, FLT_MAX] (so 1/0 gives FLT_MAX, not inf); for
   * integers the range is cut to the type's (the float-to-integer casts saturate).
   */
  final void fuse(Activation activation) {
    floatMin = Math.max(activation.min(), -Float.MAX_VALUE);
    floatMax = Math.min(activation.max(), Float.MAX_VALUE);
    intMin = (int) activation.min();
    intMax = (int) activation.max();
    longMin = (long) activation.min();
    longMax = (long) activation.max();
  }

  float apply(float a, float b) {
    throw new AssertionError("float not supported");
  }

  int apply(int a, int b) {
    throw new AssertionError("int not supported");
  }

  long apply(long a, long b) {
    throw new AssertionError("long not supported");
  }

  /**
   * One output element of INT8, UINT8 or INT16 inputs, widened, already clamped to the output type's range:
   * by default the int function on the raw values, clamped (the ops that only pick an input); ops with
   * quantized arithmetic (ADD, SUB, MUL, ...) override it.
   */
  int applyNarrow(int a, int b) {
    return Math.min(Math.max(apply(a, b), intMin), intMax);
  }

  /** Checks the input values before anything is computed (e.g. for a zero divisor); nothing by default. */
  void checkValues(OpContext ctx) {}

  @Override
  public final void run(OpContext ctx) {
    checkValues(ctx);
    TensorBuffer a = ctx.input(0);
    TensorBuffer b = ctx.input(1);
    TensorBuffer out = ctx.output(0);
    switch (a.type()) {
      case FLOAT32 -> runFloat(a.floats(), b.floats(), out.floats());
      case INT32 -> runInt(a.ints(), b.ints(), out.ints());
      case INT64 -> runLong(a.longs(), b.longs(), out.longs());
      case INT8, UINT8, INT16 -> runNarrow(a, b, out);
      default -> throw new IllegalStateException("type " + a.type() + " passed prepare");
    }
  }

  private void runFloat(FloatBuffer a, FloatBuffer b, FloatBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        float v = apply(a.get(ia), b.get(ib));
        // std::min(std::max(v, min), max) as TensorFlow Lite writes it: NaN stays NaN.
        v = v < floatMin ? floatMin : v;
        out.put(o + k, floatMax < v ? floatMax : v);
      }
    }
  }

  private void runInt(IntBuffer a, IntBuffer b, IntBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        out.put(o + k, Math.min(Math.max(apply(a.get(ia), b.get(ib)), intMin), intMax));
      }
    }
  }

  private void runLong(LongBuffer a, LongBuffer b, LongBuffer out) {
    BroadcastRows r = rows;
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        out.put(o + k, Math.min(Math.max(apply(a.get(ia), b.get(ib)), longMin), longMax));
      }
    }
  }

  /** INT8, UINT8 and INT16 values through {@link #applyNarrow}. */
  private void runNarrow(TensorBuffer a, TensorBuffer b, TensorBuffer out) {
    BroadcastRows r = rows;
    DataType type = a.type();
    int len = r.rowLength();
    int sa = r.step(0);
    int sb = r.step(1);
    for (int row = 0; row < r.rowCount(); row++) {
      int ia = r.rowStart(0, row);
      int ib = r.rowStart(1, row);
      int o = row * len;
      for (int k = 0; k < len; k++, ia += sa, ib += sb) {
        int v = applyNarrow(narrow(a, type, ia), narrow(b, type, ib));
        if (type == DataType.INT16) {
          out.shorts().put(o + k, (short) v);
        } else {
          out.bytes().put(o + k, (byte) v);
        }
      }
    }
  }

  private static int narrow(TensorBuffer t, DataType type, int i) {
    return switch (type) {
      case INT8 -> t.bytes().get(i);
      case UINT8 -> t.bytes().get(i) & 0xff;
      default -> t.shorts().get(i);
    };
  }

  /** True when any element of {@code t} (FLOAT32, INT32 or INT64) is zero (-0.0 included). */
  static boolean anyZero(TensorBuffer t) {
    int n = t.numElements();
    switch (t.type()) {
      case FLOAT32 -> {
        FloatBuffer f = t.floats();
        for (int i = 0; i < n; i++) {
          if (f.get(i) == 0f) {
            return true;
          }
        }
      }
      case INT32 -> {
        IntBuffer v = t.ints();
        for (int i = 0; i < n; i++) {
          if (v.get(i) == 0) {
            return true;
          }
        }
      }
      case INT64 -> {
        LongBuffer v = t.longs();
        for (int i = 0; i < n; i++) {
          if (v.get(i) == 0) {
            return true;
          }
        }
      }
      default -> throw new IllegalStateException("anyZero on " + t.type());
    }
    return false;
  }
}
