package dev.lite4j.ops.activation;

/** SIN: sine of x in radians, float32. */
public final class Sin extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.sin(x);
  }
}
