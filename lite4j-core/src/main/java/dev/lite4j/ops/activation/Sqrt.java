package dev.lite4j.ops.activation;

/** SQRT: sqrt(x), float32 (negative inputs give NaN, as std::sqrt). Correctly rounded: the double square root of a float rounds to the float one. */
public final class Sqrt extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.sqrt(x);
  }
}
