package dev.lite4j.ops.pool;

/**
 * MAX_POOL_2D (float32, int8, uint8, int16): the largest tap of each window inside the input, then the fused
 * activation (integers: from the type's smallest value, clamped to the quantized activation range).
 */
public final class MaxPool2D extends Pool2D {
  /** TF Lite starts from the lowest finite float and keeps it unless a tap is larger (std::max). */
  @Override
  float initial() {
    return -Float.MAX_VALUE;
  }

  @Override
  float fold(float max, float tap) {
    return tap > max ? tap : max;
  }

  @Override
  float finish(float max, int count) {
    return max;
  }

  @Override
  boolean integers() {
    return true;
  }

  @Override
  int initialInt(int typeMin) {
    return typeMin;
  }

  @Override
  int foldInt(int max, int tap) {
    return Math.max(max, tap);
  }

  @Override
  int finishInt(int max, int count) {
    return max;
  }
}
