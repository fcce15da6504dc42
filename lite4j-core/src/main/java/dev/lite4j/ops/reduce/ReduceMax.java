package dev.lite4j.ops.reduce;

/**
 * REDUCE_MAX over the axes. As TF Lite's reference kernel, it starts from the lowest finite value
 * (so an all -inf reduction gives -FLT_MAX) and keeps the accumulator unless x &gt; acc (NaN is skipped).
 */
public final class ReduceMax extends FoldReduction {
  @Override
  float initFloat() {
    return -Float.MAX_VALUE;
  }

  @Override
  float fold(float acc, float x) {
    return x > acc ? x : acc;
  }

  @Override
  int initInt() {
    return Integer.MIN_VALUE;
  }

  @Override
  int fold(int acc, int x) {
    return x > acc ? x : acc;
  }

  @Override
  long initLong() {
    return Long.MIN_VALUE;
  }

  @Override
  long fold(long acc, long x) {
    return x > acc ? x : acc;
  }
}
