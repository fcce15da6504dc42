package dev.lite4j.ops.activation;

import dev.lite4j.kernels.Erf;
import dev.lite4j.ops.OpContext;
import org.tensorflow.lite.schema.GeluOptions;

/**
 * GELU, float32. Added to TF Lite after 2.6.2 (schema op 150); this follows current TF Lite's
 * reference_ops::Gelu:
 * <ul>
 *   <li>{@code approximate = false}: 0.5 x erfc(-x / sqrt 2), the erfc form TF Lite uses to avoid the
 *       cancellation of 0.5 x (1 + erf(x / sqrt 2)) for large negative x;</li>
 *   <li>{@code approximate = true}: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).</li>
 * </ul>
 * Both are computed in double and rounded once.
 */
public final class Gelu extends FloatUnaryOp {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double MINUS_ONE_OVER_SQRT_2 = -1.0 / Math.sqrt(2.0);

  private boolean approximate;

  @Override
  public void prepare(OpContext ctx) {
    super.prepare(ctx);
    approximate = ctx.options(new GeluOptions()).approximate();
  }

  @Override
  float apply(float x) {
    double v = x;
    if (approximate) {
      return (float) (0.5 * v * (1.0 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))));
    }
    return (float) (0.5 * v * Erf.erfc(v * MINUS_ONE_OVER_SQRT_2));
  }
}
