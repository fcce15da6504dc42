package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.SoftmaxOptions;

/**
 * SOFTMAX (float32) over the last dimension: exp(beta * (x - max)) / sum, the max subtracted first for
 * stability and the sum applied as one reciprocal, as TensorFlow Lite's optimized float kernel does.
 */
public final class Softmax implements Kernel {
  private float beta;
  private int depth;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    if (in.type() != DataType.FLOAT32) {
      throw ctx.unsupported("type " + in.type() + " is not supported");
    }
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    beta = ctx.options(new SoftmaxOptions()).beta();
    depth = in.dim(in.rank() - 1);
    ctx.setOutputShape(0, in.shape());
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.input(0).numElements();
    for (int start = 0; depth > 0 && start < n; start += depth) {
      float max = in.get(start);
      for (int c = 1; c < depth; c++) {
        max = Math.max(max, in.get(start + c));
      }
      float sum = 0f;
      for (int c = 0; c < depth; c++) {
        float e = (float) Math.exp((in.get(start + c) - max) * beta);
        out.put(start + c, e);
        sum += e;
      }
      float scale = 1f / sum;
      for (int c = 0; c < depth; c++) {
        out.put(start + c, out.get(start + c) * scale);
      }
    }
  }
}
