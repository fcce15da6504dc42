package dev.lite4j.ops.nn;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import java.nio.FloatBuffer;

/** LOG_SOFTMAX (float32) over the last dimension: x - max - log(sum(exp(x - max))), as TensorFlow Lite. */
public final class LogSoftmax implements Kernel {
  private int depth;

  @Override
  public void prepare(OpContext ctx) {
    depth = LastAxisRows.prepare(ctx);
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
        sum += (float) Math.exp(in.get(start + c) - max);
      }
      float logSum = (float) Math.log(sum);
      for (int c = 0; c < depth; c++) {
        out.put(start + c, in.get(start + c) - max - logSum);
      }
    }
  }
}
