package dev.lite4j.ops.reduce;

/** REDUCE_PROD over the axes (float32 in float, int32/int64 wrap), starting from 1. */
public final class ReduceProd extends FoldReduction {
  @Override
  float initFloat() {
    return 1f;
  }

  @Override
  float fold(float acc, float x) {
    return x * acc;
  }

  @Override
  int initInt() {
    return 1;
  }

  @Override
  int fold(int acc, int x) {
    return x * acc;
  }

  @Override
  long initLong() {
    return 1L;
  }

  @Override
  long fold(long acc, long x) {
    return x * acc;
  }
}
