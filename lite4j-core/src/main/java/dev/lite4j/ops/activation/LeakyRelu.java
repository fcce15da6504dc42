package dev.lite4j.ops.activation;

import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.LeakyReluOptions;

/**
 * LEAKY_RELU: x for x &gt; 0, alpha * x otherwise (option {@code alpha}; the schema default, when options
 * are absent, is 0). Float32; INT8, UINT8 and INT16 as TF Lite's {@code QuantizeLeakyRelu}: q - zp_in is
 * multiplied by in_scale / out_scale when non-negative, else by in_scale * alpha / out_scale (both
 * multipliers computed in float), offset by zp_out and clamped to the type's range.
 */
public final class LeakyRelu extends FloatUnaryOp {
  private float alpha;
  private QuantizedMultiplier identity;
  private QuantizedMultiplier scaledAlpha;
  private int inputZero;
  private int outputZero;
  private QuantizedRange range;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    if (Unary.isQuantized(in)) {
      Unary.prepareQuantized(ctx);
    } else {
      super.prepare(ctx);
    }
    alpha = ctx.options(new LeakyReluOptions()).alpha();
    if (Unary.isQuantized(in)) {
      TensorBuffer out = ctx.output(0);
      float inScale = QuantizedTensors.scale(ctx, in, "input");
      float outScale = QuantizedTensors.scale(ctx, out, "output");
      inputZero = QuantizedTensors.zeroPoint(ctx, in, "input");
      outputZero = QuantizedTensors.zeroPoint(ctx, out, "output");
      identity = QuantizedMultiplier.of(inScale / outScale);
      scaledAlpha = QuantizedMultiplier.of(inScale * alpha / outScale);
      range = QuantizedRange.of(out.type());
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (identity == null) {
      super.run(ctx);
      return;
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      int x = QuantizedTensors.get(in, i) - inputZero;
      QuantizedMultiplier m = x >= 0 ? identity : scaledAlpha;
      QuantizedTensors.set(out, i,
          range.clamp(outputZero + FixedPoint.multiplyByQuantizedMultiplier(x, m.multiplier(), m.shift())));
    }
  }

  @Override
  float apply(float x) {
    return x > 0f ? x : x * alpha;
  }
}
