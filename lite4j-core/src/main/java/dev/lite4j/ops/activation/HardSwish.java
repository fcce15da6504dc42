package dev.lite4j.ops.activation;

import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.FixedPointMath;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * HARD_SWISH: x * relu6(x + 3) / 6. Float32 in TF Lite's order of float operations. INT8 and UINT8 as TF
 * Lite 2.6's 16-bit fixed-point HardSwish: the input on a "hires" scale (in_scale / 128), a "reluish"
 * factor in [0, 1] from the input rescaled so that 3 maps to 2^15 (saturating), multiplied (doubling high
 * multiply, not rounding) by the input on the output scale, then shifted right and offset.
 */
public final class HardSwish extends FloatUnaryOp {
  private boolean quantized;
  private int inputZero;
  private int outputZero;
  private int outputMultiplier; // int16 fixed point
  private int outputExponent;
  private int reluishMultiplier; // int16 fixed point
  private int reluishExponent;
  private QuantizedRange range;

  @Override
  public void prepare(OpContext ctx) {
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
    float hiresInputScale = (1.0f / 128.0f) * inScale;
    float reluishScale = 3.0f / 32768.0f;
    QuantizedMultiplier output = QuantizedMultiplier.of(hiresInputScale / outScale);
    ctx.require(output.shift() <= 0, "input scale %s over output scale %s is too large for the integer kernel",
        inScale, outScale);
    outputMultiplier = downscaleTo16(output.multiplier());
    outputExponent = output.shift();
    QuantizedMultiplier reluish = QuantizedMultiplier.of(hiresInputScale / reluishScale);
    reluishMultiplier = downscaleTo16(reluish.multiplier());
    reluishExponent = reluish.shift();
    range = QuantizedRange.of(out.type());
    quantized = true;
  }

  /** {@code DownScaleInt32ToInt16Multiplier}: round the Q31 multiplier to Q15, saturating. */
  private static int downscaleTo16(int m) {
    if (m >= Integer.MAX_VALUE - (1 << 15)) {
      return Short.MAX_VALUE;
    }
    return (m + (1 << 15)) >> 16;
  }

  private static int saturatingLeftShift16(int v, int amount) {
    return FixedPoint.clamp(v * (1 << amount), Short.MIN_VALUE, Short.MAX_VALUE);
  }

  /** gemmlowp's {@code SaturatingDoublingHighMul} on int16: truncating, not rounding. */
  private static int saturatingDoublingHighMul16(int a, int b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    return (short) (a * b / (1 << 15));
  }

  @Override
  public void run(OpContext ctx) {
    if (!quantized) {
      super.run(ctx);
      return;
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      int x = (short) (QuantizedTensors.get(in, i) - inputZero);
      int hires = (short) (x * (1 << 7));
      int preshiftOutput = FixedPointMath.mul16(hires, outputMultiplier);
      int reluish = hires;
      if (reluishExponent > 0) {
        reluish = saturatingLeftShift16(reluish, reluishExponent - 1);
      }
      reluish = FixedPointMath.mul16(reluish, reluishMultiplier);
      if (reluishExponent > 0) {
        reluish = saturatingLeftShift16(reluish, 1);
      }
      if (reluishExponent < 0) {
        reluish = FixedPoint.roundingDivideByPot(reluish, -reluishExponent);
      }
      reluish = (reluish + (1 << 15)) >> 1;
      int preshift = saturatingDoublingHighMul16(reluish, preshiftOutput);
      int v = (short) (FixedPoint.roundingDivideByPot(preshift, -outputExponent) + outputZero);
      QuantizedTensors.set(out, i, range.clamp(v));
    }
  }

  @Override
  float apply(float x) {
    float relu6 = Math.min(6f, Math.max(0f, x + 3f));
    return x * relu6 / 6f;
  }
}
