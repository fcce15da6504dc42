package dev.lite4j.ops.pool;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import java.nio.FloatBuffer;

/** MAX_POOL_2D (float32): the largest tap of each window inside the input, then the fused activation. */
public final class MaxPool2D implements Kernel {
  private PoolGeometry g;

  @Override
  public void prepare(OpContext ctx) {
    g = PoolGeometry.prepare(ctx);
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int channels = g.channels();
    for (int b = 0; b < g.batches(); b++) {
      for (int oy = 0; oy < g.outH(); oy++) {
        int y0 = g.originY(oy);
        int fy0 = g.startY(y0);
        int fy1 = g.endY(y0);
        for (int ox = 0; ox < g.outW(); ox++) {
          int x0 = g.originX(ox);
          int fx0 = g.startX(x0);
          int fx1 = g.endX(x0);
          int o = g.outputIndex(b, oy, ox);
          for (int c = 0; c < channels; c++) {
            // TF Lite starts from the lowest finite float and keeps it unless a tap is larger (std::max).
            float max = -Float.MAX_VALUE;
            for (int fy = fy0; fy < fy1; fy++) {
              int row = g.inputIndex(b, y0 + fy, x0) + c;
              for (int fx = fx0; fx < fx1; fx++) {
                float v = in.get(row + fx * channels);
                if (v > max) {
                  max = v;
                }
              }
            }
            out.put(o + c, g.activation().apply(max));
          }
        }
      }
    }
  }
}
