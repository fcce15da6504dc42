package dev.lite4j.ops.normalization;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.LocalResponseNormalizationOptions;

/**
 * LOCAL_RESPONSE_NORMALIZATION (float32, 4-D) across channels:
 * out[c] = in[c] * (bias + alpha * sum_{|k-c| <= radius} in[k]^2)^-beta. The window is the symmetric one
 * of TensorFlow Lite's builtin (optimized) kernel; alpha is not divided by the window size.
 */
public final class LocalResponseNormalization implements Kernel {
  private int radius;
  private float bias;
  private float alpha;
  private float beta;
  private int depth;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    if (in.type() != DataType.FLOAT32) {
      throw ctx.unsupported("type " + in.type() + " is not supported");
    }
    ctx.require(in.rank() == 4, "input must be 4-D, got %s", Arrays.toString(in.shape()));
    LocalResponseNormalizationOptions o = ctx.options(new LocalResponseNormalizationOptions());
    ctx.require(o.radius() >= 0, "radius %d is negative", o.radius());
    radius = o.radius();
    bias = o.bias();
    alpha = o.alpha();
    beta = o.beta();
    depth = in.dim(3);
    ctx.setOutputShape(0, in.shape());
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.input(0).numElements();
    for (int start = 0; depth > 0 && start < n; start += depth) {
      for (int c = 0; c < depth; c++) {
        // long arithmetic: radius may be as large as Integer.MAX_VALUE.
        int from = (int) Math.max(0, (long) c - radius);
        int to = (int) Math.min(depth - 1, (long) c + radius);
        float squares = 0f;
        for (int k = from; k <= to; k++) {
          float v = in.get(start + k);
          squares += v * v;
        }
        float multiplier = (float) Math.pow(bias + alpha * squares, -beta);
        out.put(start + c, in.get(start + c) * multiplier);
      }
    }
  }
}
