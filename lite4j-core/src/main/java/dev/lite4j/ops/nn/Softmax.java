package dev.lite4j.ops.nn;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
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
    depth = LastAxisRows.prepare(ctx);
    beta = ctx.options(new SoftmaxOptions()).beta();
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.input(0).numElements();
    for (int start = 0; depth > 0 && start < n; start += depth) {
      float max = LastAxisRows.max(in, start, depth);
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
