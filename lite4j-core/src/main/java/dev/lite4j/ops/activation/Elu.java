package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * ELU: x for x &gt;= 0, e^x - 1 below. Float32 uses expm1, as TF Lite's reference Elu. INT8 goes through
 * TF Lite 2.6's lookup table, whose lambda is {@code value < 0 ? std::exp(value) - 1.0f : value} in float.
 */
public final class Elu extends FloatUnaryOp implements LookupTable8.Transform {
  private byte[] table;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    if (!Unary.isQuantized(in)) {
      super.prepare(ctx);
      return;
    }
    Unary.prepareQuantized(ctx);
    if (in.type() != DataType.INT8) {
      throw ctx.unsupported(in.type() + " is not supported (TensorFlow Lite 2.6 has an INT8 kernel only)");
    }
    table = LookupTable8.build(ctx, in, ctx.output(0), this);
  }

  @Override
  public void run(OpContext ctx) {
    if (table != null) {
      LookupTable8.apply(table, ctx.input(0), ctx.output(0));
    } else {
      super.run(ctx);
    }
  }

  @Override
  float apply(float x) {
    return x < 0f ? (float) Math.expm1(x) : x;
  }

  @Override
  public float transform(float x) {
    return x < 0.0 ? (float) Math.exp(x) - 1.0f : x;
  }
}
