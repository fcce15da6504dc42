package dev.lite4j.ops.pool;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import java.nio.FloatBuffer;

/**
 * AVERAGE_POOL_2D (float32): the mean of each window, counting only the taps inside the input (padding
 * is not averaged in, as TensorFlow Lite does), then the fused activation.
 */
public final class AveragePool2D implements Kernel {
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
          int count = (fy1 - fy0) * (fx1 - fx0);
          int o = g.outputIndex(b, oy, ox);
          for (int c = 0; c < channels; c++) {
            float sum = 0f;
            for (int fy = fy0; fy < fy1; fy++) {
              int row = g.inputIndex(b, y0 + fy, x0) + c;
              for (int fx = fx0; fx < fx1; fx++) {
                sum += in.get(row + fx * channels);
              }
            }
            out.put(o + c, g.activation().apply(sum / count));
          }
        }
      }
    }
  }
}
