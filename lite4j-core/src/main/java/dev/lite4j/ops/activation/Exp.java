package dev.lite4j.ops.activation;

/** EXP: e^x, float32 (std::exp on float); computed in double and rounded once. */
public final class Exp extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return (float) Math.exp(x);
  }
}
