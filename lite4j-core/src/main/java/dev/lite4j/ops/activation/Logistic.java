package dev.lite4j.ops.activation;

/**
 * LOGISTIC (sigmoid): 1 / (1 + e^-x), float32, computed in double and rounded once (within an ulp
 * of TF Lite's float kernels; saturates to 0 and 1 without overflow trouble).
 */
public final class Logistic extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-(double) x)));
  }
}
