package dev.lite4j.ops.activation;

/** SQUARE: x * x in float32 (TF Lite's elementwise SquareEval). */
public final class Square extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return x * x;
  }
}
