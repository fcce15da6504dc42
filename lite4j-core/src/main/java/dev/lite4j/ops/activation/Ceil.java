package dev.lite4j.ops.activation;

/** CEIL: smallest integer not less than x, float32. */
public final class Ceil extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.ceil(x);
  }
}
