package dev.lite4j.ops.activation;

/** RELU_N1_TO_1: x clamped to [-1, 1], float32 (NaN passes through, as optimized_ops::Relu1). */
public final class ReluN1To1 extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return x > 1f ? 1f : x < -1f ? -1f : x;
  }
}
