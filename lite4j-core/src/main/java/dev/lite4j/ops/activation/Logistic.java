package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.FixedPointMath;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ShortBuffer;

/**
 * LOGISTIC (sigmoid): 1 / (1 + e^-x). Float32 is computed in double and rounded once (within an ulp
 * of TF Lite's float kernels; saturates to 0 and 1 without overflow trouble). INT8 and UINT8 go
 * through TF Lite 2.6's optimized lookup table (output scale 1/256); INT16 is gemmlowp's fixed-point
 * logistic of a Q3.12 input giving Q0.15 (input scale 2^-12, output scale 2^-15, zero points 0).
 */
public final class Logistic extends FloatUnaryOp implements LookupTable8.Transform {
  private byte[] table;
  private boolean int16;

  @Override
  public void prepare(OpContext ctx) {
    if (!Unary.isQuantized(ctx.input(0))) {
      super.prepare(ctx);
      return;
    }
    TensorBuffer in = Unary.prepareQuantized(ctx);
    TensorBuffer out = ctx.output(0);
    float outScale = out.quantization().scale();
    if (in.type() == DataType.INT16) {
      ctx.require(in.quantization().zeroPoint() == 0 && out.quantization().zeroPoint() == 0,
          "INT16 input and output need zero point 0, have %d and %d", in.quantization().zeroPoint(),
          out.quantization().zeroPoint());
      ctx.require(outScale == 1.0 / 32768, "INT16 output needs scale 1/32768, has %s", outScale);
      int log2 = FixedPoint.log2IfPowerOfTwo(in.quantization().scale());
      ctx.require(log2 == -12, "INT16 input needs scale 2^-12 (Q3.12), has %s", in.quantization().scale());
      int16 = true;
    } else {
      ctx.require(outScale == 1.0 / 256, "%s output needs scale 1/256, has %s", out.type(), outScale);
      table = LookupTable8.build(ctx, in, out, this);
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (table != null) {
      LookupTable8.apply(table, ctx.input(0), ctx.output(0));
    } else if (int16) {
      ShortBuffer in = ctx.input(0).shorts();
      ShortBuffer out = ctx.output(0).shorts();
      int n = ctx.output(0).numElements();
      for (int i = 0; i < n; i++) {
        out.put(i, (short) FixedPointMath.logistic16(in.get(i), 3));
      }
    } else {
      super.run(ctx);
    }
  }

  @Override
  float apply(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-(double) x)));
  }

  /** TF Lite's table lambda, in float: {@code 1.0f / (1.0f + std::exp(-value))}. */
  @Override
  public float transform(float x) {
    return 1.0f / (1.0f + (float) Math.exp(-x));
  }
}
