package dev.lite4j.ops.activation;

/** TANH: hyperbolic tangent, float32, computed in double and rounded once (within an ulp of TF Lite's float path). */
public final class Tanh extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.tanh(x);
  }
}
