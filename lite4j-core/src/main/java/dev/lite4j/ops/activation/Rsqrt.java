package dev.lite4j.ops.activation;

/** RSQRT: 1 / sqrt(x), float32, computed as TF Lite does: a float square root, then a float division. */
public final class Rsqrt extends FloatUnaryOp {
  @Override
  float apply(float x) {
    return 1f / (float) Math.sqrt(x);
  }
}
