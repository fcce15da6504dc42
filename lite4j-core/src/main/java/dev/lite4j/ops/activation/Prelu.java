package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Broadcast;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * PRELU: x for x &gt;= 0, x * alpha otherwise, float32, with alpha (input 1) broadcast against the
 * input. As in TF Lite's PreluPrepare the broadcast shape must be the input's own shape (alpha
 * "shares" values along some axes, it never enlarges the output). TF Lite 2.6's reference path
 * stops at rank 4; its optimized path and later versions go further, so this allows
 * {@link Broadcast#MAX_RANK}. INT8 and UINT8 as TF Lite 2.6's quantized Prelu: q - zp_in multiplied by
 * in_scale / out_scale when non-negative, else (q - zp_in) * (alpha - zp_alpha) multiplied by
 * in_scale * alpha_scale / out_scale (multipliers computed in float), offset by zp_out and clamped.
 */
public final class Prelu implements Kernel {
  private static final Set<DataType> SUPPORTED = EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8);

  private int[] alphaMap;
  private QuantizedMultiplier positive;
  private QuantizedMultiplier negative;
  private int inputOffset;
  private int alphaOffset;
  private int outputOffset;
  private QuantizedRange range;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer alpha = ctx.input(1);
    ctx.require(ctx.inputCount() == 2 && in != null && alpha != null, "needs two inputs (input, alpha)");
    ctx.require(ctx.outputCount() == 1, "needs exactly one output, has %d", ctx.outputCount());
    ctx.require(alpha.type() == in.type(), "alpha type %s differs from input type %s", alpha.type(), in.type());
    ctx.require(ctx.output(0).type() == in.type(), "output type %s differs from input type %s",
        ctx.output(0).type(), in.type());
    if (!SUPPORTED.contains(in.type())) {
      throw ctx.unsupported("type " + in.type() + " is not supported; supported: " + SUPPORTED);
    }
    if (in.type() != DataType.FLOAT32) {
      prepareQuantized(ctx, in, alpha, ctx.output(0));
    }
    int[] out = Broadcast.shape(in.shape(), alpha.shape());
    ctx.require(out != null && Arrays.equals(out, in.shape()),
        "alpha shape %s does not broadcast to input shape %s", Arrays.toString(alpha.shape()),
        Arrays.toString(in.shape()));
    ctx.require(out.length <= Broadcast.MAX_RANK, "rank %d is over the supported %d", out.length,
        Broadcast.MAX_RANK);
    ctx.setOutputShape(0, out);
    alphaMap = Broadcast.indexMap(alpha.shape(), out);
  }

  private void prepareQuantized(OpContext ctx, TensorBuffer in, TensorBuffer alpha, TensorBuffer out) {
    float inScale = QuantizedTensors.scale(ctx, in, "input");
    float alphaScale = QuantizedTensors.scale(ctx, alpha, "alpha");
    float outScale = QuantizedTensors.scale(ctx, out, "output");
    inputOffset = -QuantizedTensors.zeroPoint(ctx, in, "input");
    alphaOffset = -QuantizedTensors.zeroPoint(ctx, alpha, "alpha");
    outputOffset = QuantizedTensors.zeroPoint(ctx, out, "output");
    positive = QuantizedMultiplier.of(inScale / outScale);
    negative = QuantizedMultiplier.of(inScale * alphaScale / outScale);
    range = QuantizedRange.of(out.type());
  }

  @Override
  public void run(OpContext ctx) {
    if (positive != null) {
      runQuantized(ctx.input(0), ctx.input(1), ctx.output(0));
      return;
    }
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer alpha = ctx.input(1).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.output(0).numElements();
    for (int i = 0; i < n; i++) {
      float x = in.get(i);
      out.put(i, x >= 0f ? x : x * alpha.get(Broadcast.at(alphaMap, i)));
    }
  }

  private void runQuantized(TensorBuffer in, TensorBuffer alpha, TensorBuffer out) {
    int n = out.numElements();
    for (int i = 0; i < n; i++) {
      int x = QuantizedTensors.get(in, i) + inputOffset;
      int v;
      if (x >= 0) {
        v = FixedPoint.multiplyByQuantizedMultiplier(x, positive.multiplier(), positive.shift());
      } else {
        int a = QuantizedTensors.get(alpha, Broadcast.at(alphaMap, i)) + alphaOffset;
        v = FixedPoint.multiplyByQuantizedMultiplier(x * a, negative.multiplier(), negative.shift());
      }
      QuantizedTensors.set(out, i, range.clamp(v + outputOffset));
    }
  }
}
