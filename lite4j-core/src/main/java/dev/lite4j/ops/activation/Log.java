package dev.lite4j.ops.activation;

/** LOG: natural logarithm, float32 (log(0) = -inf, log(x < 0) = NaN, as std::log). */
public final class Log extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.log(x);
  }
}
