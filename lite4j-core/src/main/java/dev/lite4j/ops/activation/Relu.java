package dev.lite4j.ops.activation;

/** RELU: max(0, x); float32, and INT8/UINT8 requantized ({@link ClampingUnaryOp}). */
public final class Relu extends ClampingUnaryOp {
  @Override
  float lowerBound() {
    return 0f;
  }

  @Override
  float upperBound() {
    return Float.POSITIVE_INFINITY;
  }

  @Override
  float apply(float x) {
    return x < 0f ? 0f : x;
  }
}
