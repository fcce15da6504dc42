package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/** SUM over the axes (float32 accumulates in float, int32/int64 wrap), starting from 0. */
public final class Sum extends FoldReduction {
  @Override
  float initFloat() {
    return 0f;
  }

  @Override
  float fold(float acc, float x) {
    return x + acc;
  }

  @Override
  int initInt() {
    return 0;
  }

  @Override
  int fold(int acc, int x) {
    return x + acc;
  }

  @Override
  long initLong() {
    return 0L;
  }

  @Override
  long fold(long acc, long x) {
    return x + acc;
  }

  @Override
  boolean integers() {
    return true;
  }

  /** int8 and uint8 with other quantization than the output's are rescaled; everything else wraps in the type. */
  private static boolean rescales(TensorBuffer in, TensorBuffer out) {
    return in.type() != DataType.INT16 && (in.quantization().scale() != out.quantization().scale()
        || in.quantization().zeroPoint() != out.quantization().zeroPoint());
  }

  @Override
  void prepareQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out) {
    if (!rescales(in, out)) {
      requireSameQuantization(ctx, in, out);
    }
  }

  @Override
  void reduceQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    if (rescales(in, out)) {
      QuantizedMeanSum.meanOrSum(in, out, w, true);
    } else {
      super.reduceQuantized(ctx, in, out, w);
    }
  }
}
