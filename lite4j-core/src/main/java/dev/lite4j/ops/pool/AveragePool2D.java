package dev.lite4j.ops.pool;

/**
 * AVERAGE_POOL_2D (float32): the mean of each window, counting only the taps inside the input (padding
 * is not averaged in, as TensorFlow Lite does), then the fused activation.
 */
public final class AveragePool2D extends Pool2D {
  @Override
  float initial() {
    return 0f;
  }

  @Override
  float fold(float sum, float tap) {
    return sum + tap;
  }

  @Override
  float finish(float sum, int count) {
    return sum / count;
  }
}
