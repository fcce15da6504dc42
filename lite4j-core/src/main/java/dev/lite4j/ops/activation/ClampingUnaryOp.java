package dev.lite4j.ops.activation;

import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.kernels.fixedpoint.Rounding;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * Base of RELU, RELU6 and RELU_N1_TO_1: the float function of the subclass, and for INT8 and UINT8 TF Lite
 * 2.6's {@code QuantizedReluX}: {@code zp_out + MultiplyByQuantizedMultiplier(q - zp_in, in_scale / out_scale)}
 * clamped to the quantized bounds {@code zp_out + roundf(bound / out_scale)} (an infinite upper bound is
 * the type's maximum), cut to the type's range.
 */
abstract class ClampingUnaryOp extends FloatUnaryOp {
  private QuantizedMultiplier multiplier;
  private int inputZero;
  private int outputZero;
  private int min;
  private int max;

  /** The real lower and upper bounds of the activation (upper may be infinite). */
  abstract float lowerBound();

  abstract float upperBound();

  @Override
  public final void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    if (!Unary.isQuantized(in)) {
      super.prepare(ctx);
      return;
    }
    Unary.prepareQuantized8(ctx);
    TensorBuffer out = ctx.output(0);
    float inScale = QuantizedTensors.scale(ctx, in, "input");
    float outScale = QuantizedTensors.scale(ctx, out, "output");
    inputZero = QuantizedTensors.zeroPoint(ctx, in, "input");
    outputZero = QuantizedTensors.zeroPoint(ctx, out, "output");
    multiplier = QuantizedMultiplier.of(inScale / outScale); // float division, as ReluPrepare's
    QuantizedRange full = QuantizedRange.of(out.type());
    min = Math.max(full.min(), outputZero + (int) Rounding.roundHalfAway(lowerBound() / outScale));
    max = upperBound() == Float.POSITIVE_INFINITY ? full.max()
        : Math.min(full.max(), outputZero + (int) Rounding.roundHalfAway(upperBound() / outScale));
  }

  @Override
  public final void run(OpContext ctx) {
    if (multiplier == null) {
      super.run(ctx);
      return;
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      int v = outputZero + FixedPoint.multiplyByQuantizedMultiplier(QuantizedTensors.get(in, i) - inputZero,
          multiplier.multiplier(), multiplier.shift());
      QuantizedTensors.set(out, i, Math.min(max, Math.max(min, v)));
    }
  }
}
