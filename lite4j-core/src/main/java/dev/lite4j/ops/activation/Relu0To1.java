package dev.lite4j.ops.activation;

/**
 * RELU_0_TO_1: x clamped to [0, 1], float32. Added to TF Lite after 2.6.2 (schema op 152); this
 * follows current TF Lite's Relu0to1Eval (optimized_ops::Relu0To1, a plain clamp).
 */
public final class Relu0To1 extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return x > 1f ? 1f : x < 0f ? 0f : x;
  }
}
