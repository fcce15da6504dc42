package dev.lite4j.ops.activation;

/** HARD_SWISH: x * relu6(x + 3) / 6, float32, in TF Lite's order of float operations. */
public final class HardSwish extends FloatUnaryOp {
  @Override
  float apply(float x) {
    float relu6 = Math.min(6f, Math.max(0f, x + 3f));
    return x * relu6 / 6f;
  }
}
