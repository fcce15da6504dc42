package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;

/**
 * REDUCE_MIN over the axes. As TF Lite's reference ReduceGeneric, it starts from the largest finite value
 * (so an all +inf partial reduction gives FLT_MAX) and keeps the accumulator unless x &lt; acc, so NaN is
 * skipped; a reduction over every dimension starts from the first element (see {@link FoldReduction}).
 */
public final class ReduceMin extends FoldReduction {
  @Override
  float initFloat() {
    return Float.MAX_VALUE;
  }

  @Override
  float fold(float acc, float x) {
    return x < acc ? x : acc;
  }

  @Override
  int initInt() {
    return Integer.MAX_VALUE;
  }

  @Override
  int fold(int acc, int x) {
    return x < acc ? x : acc;
  }

  @Override
  long initLong() {
    return Long.MAX_VALUE;
  }

  @Override
  long fold(long acc, long x) {
    return x < acc ? x : acc;
  }

  @Override
  boolean integers() {
    return true;
  }

  @Override
  int initQuantized(DataType type) {
    return QuantizedRange.of(type).max();
  }
}
