package dev.lite4j.ops.activation;

/** COS: cosine of x in radians, float32. */
public final class Cos extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.cos(x);
  }
}
