package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/** Checks shared by the operators of this family that move elements without looking at them. */
final class Movement {
  private Movement() {}

  /** Input {@code i}, which the node must have. */
  static TensorBuffer input(OpContext ctx, int i, String what) {
    TensorBuffer t = ctx.input(i);
    ctx.require(t != null, "input %d (%s) is missing", i, what);
    return t;
  }

  /** Any fixed-size element type moves as bytes; strings (variable length) are not supported. */
  static void requireMovable(OpContext ctx, TensorBuffer t) {
    if (t.type() == DataType.STRING) {
      throw ctx.unsupported("type " + t.type() + " is not supported");
    }
  }

  /** The output keeps the input's element type (TensorFlow Lite sets it so; a model must agree). */
  static void requireSameType(OpContext ctx, TensorBuffer in, TensorBuffer out) {
    ctx.require(in.type() == out.type(), "output type %s differs from input type %s", out.type(), in.type());
  }

  static void requireOutputs(OpContext ctx, int n) {
    ctx.require(ctx.outputCount() == n, "expects %d outputs, has %d", n, ctx.outputCount());
  }

  /** Quantized tensors combined without rescaling must share scale and zero point. */
  static void requireSameQuantization(OpContext ctx, TensorBuffer a, TensorBuffer b) {
    QuantizationParams qa = a.quantization();
    QuantizationParams qb = b.quantization();
    if (!qa.isQuantized() && !qb.isQuantized()) {
      return;
    }
    ctx.require(qa.scale() == qb.scale() && qa.zeroPoint() == qb.zeroPoint(),
        "tensors '%s' (%s) and '%s' (%s) must share quantization", a.name(), qa, b.name(), qb);
  }

  /** Widens int values (shapes, index tensors) to longs for size arithmetic that must not overflow. */
  static long[] widen(int[] v) {
    long[] l = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      l[i] = v[i];
    }
    return l;
  }

  static boolean isQuantizedType(DataType t) {
    return t == DataType.INT8 || t == DataType.UINT8 || t == DataType.INT16;
  }

  /** Copies all of {@code in}'s bytes to the start of {@code out} (same element count and type). */
  static void copyAll(TensorBuffer in, TensorBuffer out) {
    int bytes = (int) in.numBytes();
    if (bytes > 0) {
      out.bytes().put(0, in.bytes(), 0, bytes);
    }
  }

  /**
   * For each of {@code outer} blocks {@code o}, copies {@code len} elements from
   * {@code src[o * srcBlock + srcOff]} to {@code dst[o * dstBlock + dstOff]}: the inner loop of
   * concatenation, split, pack and unpack along an axis.
   */
  static void copyBlocks(java.nio.ByteBuffer src, int srcBlock, int srcOff, java.nio.ByteBuffer dst,
      int dstBlock, int dstOff, int len, int outer, int size) {
    if (len == 0) {
      return;
    }
    for (int o = 0; o < outer; o++) {
      dev.lite4j.kernels.ElementBytes.copy(src, o * srcBlock + srcOff, dst, o * dstBlock + dstOff, len, size);
    }
  }
}
