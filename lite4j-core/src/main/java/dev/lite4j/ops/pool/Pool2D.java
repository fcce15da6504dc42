package dev.lite4j.ops.pool;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import java.nio.FloatBuffer;

/**
 * The window walk the three 2-D pools share: for each output element, the window taps that fall inside
 * the input (padding taps are skipped, as TensorFlow Lite does) are folded in row-major order from
 * {@link #initial}, then {@link #finish} turns the fold and the tap count into the value that the fused
 * activation clamps. A subclass supplies only the fold.
 */
abstract class Pool2D implements Kernel {
  private PoolGeometry g;

  /** The fold's starting value. */
  abstract float initial();

  /** Folds one tap into the running value. */
  abstract float fold(float acc, float tap);

  /** The pooled value from the fold over {@code count} taps (before the fused activation). */
  abstract float finish(float acc, int count);

  @Override
  public final void prepare(OpContext ctx) {
    g = PoolGeometry.prepare(ctx);
  }

  @Override
  public final void run(OpContext ctx) {
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
            float acc = initial();
            for (int fy = fy0; fy < fy1; fy++) {
              int row = g.inputIndex(b, y0 + fy, x0) + c;
              for (int fx = fx0; fx < fx1; fx++) {
                acc = fold(acc, in.get(row + fx * channels));
              }
            }
            out.put(o + c, g.activation().apply(finish(acc, count)));
          }
        }
      }
    }
  }
}
