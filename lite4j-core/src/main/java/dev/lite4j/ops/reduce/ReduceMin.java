package dev.lite4j.ops.reduce;

/**
 * REDUCE_MIN over the axes. As TF Lite's reference kernel, it starts from the largest finite value
 * (so an all +inf reduction gives FLT_MAX) and keeps the accumulator unless x &lt; acc (NaN is skipped).
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
}
