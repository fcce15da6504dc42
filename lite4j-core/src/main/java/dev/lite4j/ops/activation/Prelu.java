package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Broadcast;
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
 * {@link Broadcast#MAX_RANK}. Quantized int8/uint8 are a later issue.
 */
public final class Prelu implements Kernel {
  private static final Set<DataType> FLOAT32 = EnumSet.of(DataType.FLOAT32);

  private int[] alphaMap;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer alpha = ctx.input(1);
    ctx.require(ctx.inputCount() == 2 && in != null && alpha != null, "needs two inputs (input, alpha)");
    ctx.require(ctx.outputCount() == 1, "needs exactly one output, has %d", ctx.outputCount());
    ctx.require(alpha.type() == in.type(), "alpha type %s differs from input type %s", alpha.type(), in.type());
    ctx.require(ctx.output(0).type() == in.type(), "output type %s differs from input type %s",
        ctx.output(0).type(), in.type());
    Unary.requireSupported(ctx, in, FLOAT32);
    int[] out = Broadcast.shape(in.shape(), alpha.shape());
    ctx.require(out != null && Arrays.equals(out, in.shape()),
        "alpha shape %s does not broadcast to input shape %s", Arrays.toString(alpha.shape()),
        Arrays.toString(in.shape()));
    ctx.require(out.length <= Broadcast.MAX_RANK, "rank %d is over the supported %d", out.length,
        Broadcast.MAX_RANK);
    ctx.setOutputShape(0, out);
    alphaMap = Broadcast.indexMap(alpha.shape(), out);
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer alpha = ctx.input(1).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.output(0).numElements();
    for (int i = 0; i < n; i++) {
      float x = in.get(i);
      out.put(i, x >= 0f ? x : x * alpha.get(Broadcast.at(alphaMap, i)));
    }
  }
}
