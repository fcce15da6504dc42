package dev.lite4j.ops.activation;

/**
 * RELU6: x clamped to [0, 6]; INT8/UINT8 requantized ({@link ClampingUnaryOp}). Float32 is written as TF
 * Lite's loop {@code std::min(std::max(0.f, x), 6.f)}, whose std::max returns its first argument for NaN,
 * so NaN becomes 0.
 */
public final class Relu6 extends ClampingUnaryOp {
  @Override
  float lowerBound() {
    return 0f;
  }

  @Override
  float upperBound() {
    return 6f;
  }

  @Override
  float apply(float x) {
    float lower = 0f < x ? x : 0f;
    return 6f < lower ? 6f : lower;
  }
}
