package dev.lite4j.ops.activation;

/** RELU_N1_TO_1: x clamped to [-1, 1], float32 (NaN passes through, as optimized_ops::Relu1); INT8/UINT8 requantized ({@link ClampingUnaryOp}). */
public final class ReluN1To1 extends ClampingUnaryOp {
  @Override
  float lowerBound() {
    return -1f;
  }

  @Override
  float upperBound() {
    return 1f;
  }

  @Override
  float apply(float x) {
    return x > 1f ? 1f : x < -1f ? -1f : x;
  }
}
