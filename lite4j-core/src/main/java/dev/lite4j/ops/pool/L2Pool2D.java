package dev.lite4j.ops.pool;

/**
 * L2_POOL_2D (float32): sqrt(mean of squares) over each window, counting only the taps inside the
 * input as TensorFlow Lite does, then the fused activation.
 */
public final class L2Pool2D extends Pool2D {
  @Override
  float initial() {
    return 0f;
  }

  @Override
  float fold(float sumSquares, float tap) {
    return sumSquares + tap * tap;
  }

  @Override
  float finish(float sumSquares, int count) {
    return (float) Math.sqrt(sumSquares / count);
  }
}
