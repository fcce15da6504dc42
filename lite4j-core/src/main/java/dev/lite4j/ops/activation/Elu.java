package dev.lite4j.ops.activation;

/** ELU: x for x &gt;= 0, e^x - 1 below (expm1, as TF Lite's reference Elu), float32. */
public final class Elu extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return x < 0f ? (float) Math.expm1(x) : x;
  }
}
