package dev.lite4j.ops.activation;

/** RELU: max(0, x), float32. */
public final class Relu extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return x < 0f ? 0f : x;
  }
}
