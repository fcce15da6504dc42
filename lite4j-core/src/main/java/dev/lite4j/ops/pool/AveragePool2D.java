package dev.lite4j.ops.pool;

/**
 * AVERAGE_POOL_2D (float32): the mean of each window, counting only the taps inside the input (padding
 * is not averaged in, as TensorFlow Lite does), then the fused activation. On int8, uint8 and int16 the
 * integer sum is divided by the tap count rounding half away from zero (TF Lite's optimized and
 * reference integer kernels agree), with no rescaling, then clamped to the activation range.
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

  @Override
  boolean integers() {
    return true;
  }

  @Override
  int initialInt(int typeMin) {
    return 0;
  }

  @Override
  int foldInt(int sum, int tap) {
    return sum + tap;
  }

  @Override
  int finishInt(int sum, int count) {
    // C++ integer division truncates, as Java's does: (sum +- count/2) / count rounds half away from 0.
    return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
  }
}
