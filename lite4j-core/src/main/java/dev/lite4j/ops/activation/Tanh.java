package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.FixedPointMath;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ShortBuffer;

/**
 * TANH: hyperbolic tangent. Float32 is computed in double and rounded once (within an ulp of TF Lite's
 * float path). INT8 and UINT8 go through TF Lite 2.6's optimized lookup table; INT16 is gemmlowp's
 * fixed-point tanh of a Q3.12 input giving Q0.15 (input scale 2^-12, or 2^-11 with the input first
 * doubled, saturating; output scale 2^-15; zero points 0).
 */
public final class Tanh extends FloatUnaryOp implements LookupTable8.Transform {
  private byte[] table;
  private boolean int16;
  private int inputLeftShift;

  @Override
  public void prepare(OpContext ctx) {
    if (!Unary.isQuantized(ctx.input(0))) {
      super.prepare(ctx);
      return;
    }
    TensorBuffer in = Unary.prepareQuantized(ctx);
    TensorBuffer out = ctx.output(0);
    if (in.type() == DataType.INT16) {
      ctx.require(in.quantization().zeroPoint() == 0 && out.quantization().zeroPoint() == 0,
          "INT16 input and output need zero point 0, have %d and %d", in.quantization().zeroPoint(),
          out.quantization().zeroPoint());
      ctx.require(FixedPoint.log2IfPowerOfTwo(out.quantization().scale()) == -15,
          "INT16 output needs scale 2^-15, has %s", out.quantization().scale());
      int log2 = FixedPoint.log2IfPowerOfTwo(in.quantization().scale());
      ctx.require(log2 == -12 || log2 == -11, "INT16 input needs scale 2^-12 or 2^-11, has %s",
          in.quantization().scale());
      inputLeftShift = 12 + log2;
      int16 = true;
    } else {
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
        int x = FixedPointMath.saturatingRoundingMultiplyByPot16(in.get(i), inputLeftShift);
        out.put(i, (short) FixedPointMath.tanh16(x, 3));
      }
    } else {
      super.run(ctx);
    }
  }

  @Override
  float apply(float x) {
    return (float) Math.tanh(x);
  }

  /** TF Lite's table lambda, {@code std::tanh} on a float. */
  @Override
  public float transform(float x) {
    return (float) Math.tanh(x);
  }
}
