package dev.lite4j.ops.reduce;

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
}
