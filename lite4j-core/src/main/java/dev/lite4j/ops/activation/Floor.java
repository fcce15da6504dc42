package dev.lite4j.ops.activation;

/** FLOOR: largest integer not greater than x, float32. */
public final class Floor extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.floor(x);
  }
}
