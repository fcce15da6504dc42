package dev.lite4j.ops.activation;

/**
 * ROUND: round half to even, float32, as TF Lite's RoundToNearest: take the floor, then step up
 * when the remainder is over one half, or exactly one half and the floor is odd. (Unlike Math.rint
 * this gives +0 rather than -0 for inputs in [-0.5, 0), as TF Lite does.)
 */
public final class Round extends FloatUnaryOp {
  @Override
  float apply(float x) {
    float floor = (float) Math.floor(x);
    float diff = x - floor; // in float, as TF Lite computes it
    if (diff < 0.5f || (diff == 0.5f && floor % 2f == 0f)) {
      return floor;
    }
    return floor + 1f;
  }
}
