package dev.lite4j.ops.activation;

import dev.lite4j.ops.OpContext;
import org.tensorflow.lite.schema.LeakyReluOptions;

/** LEAKY_RELU: x for x &gt; 0, alpha * x otherwise (option {@code alpha}; the schema default, when options are absent, is 0), float32. */
public final class LeakyRelu extends FloatUnaryOp {
  private float alpha;

  @Override
  public void prepare(OpContext ctx) {
    super.prepare(ctx);
    alpha = ctx.options(new LeakyReluOptions()).alpha();
  }

  @Override
  float apply(float x) {
    return x > 0f ? x : x * alpha;
  }
}
