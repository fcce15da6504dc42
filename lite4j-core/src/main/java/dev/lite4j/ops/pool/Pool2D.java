package dev.lite4j.ops.pool;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;

/**
 * The window walk the three 2-D pools share: for each output element, the window taps that fall inside
 * the input (padding taps are skipped, as TensorFlow Lite does) are folded in row-major order from
 * {@link #initial}, then {@link #finish} turns the fold and the tap count into the value that the fused
 * activation clamps. A subclass supplies only the fold.
 */
abstract class Pool2D implements Kernel {
  private PoolGeometry g;
  /** Integer scratch: one window row of taps, the per-channel folds and results. */
  private int[] row;
  private int[] acc;
  private int[] result;

  /** The fold's starting value. */
  abstract float initial();

  /** Folds one tap into the running value. */
  abstract float fold(float acc, float tap);

  /** The pooled value from the fold over {@code count} taps (before the fused activation). */
  abstract float finish(float acc, int count);

  /** Whether this pool has TensorFlow Lite's int8/uint8/int16 kernel (the integer methods below). */
  boolean integers() {
    return false;
  }

  /** The integer fold's starting value, given the smallest value of the tensor type. */
  int initialInt(int typeMin) {
    throw new UnsupportedOperationException();
  }

  int foldInt(int acc, int tap) {
    throw new UnsupportedOperationException();
  }

  int finishInt(int acc, int count) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final void prepare(OpContext ctx) {
    g = PoolGeometry.prepare(ctx, integers());
    if (g.range() != null) {
      row = new int[g.filterW() * g.channels()];
      acc = new int[g.channels()];
      result = new int[g.channels()];
    }
  }

  @Override
  public final void run(OpContext ctx) {
    if (g.range() != null) {
      runInteger(ctx.input(0), ctx.output(0));
      return;
    }
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

  /** int8, uint8 and int16: widened taps folded in int, the result clamped to the activation range. */
  private void runInteger(TensorBuffer in, TensorBuffer out) {
    int channels = g.channels();
    int typeMin = QuantizedRange.of(in.type()).min();
    QuantizedRange range = g.range();
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
          java.util.Arrays.fill(acc, initialInt(typeMin));
          for (int fy = fy0; fy < fy1; fy++) {
            int first = g.inputIndex(b, y0 + fy, x0 + fx0);
            int taps = (fx1 - fx0) * channels;
            QuantizedTensors.read(in, first, row, 0, taps);
            for (int t = 0; t < taps; t++) {
              int c = t % channels;
              acc[c] = foldInt(acc[c], row[t]);
            }
          }
          for (int c = 0; c < channels; c++) {
            result[c] = range.clamp(finishInt(acc[c], count));
          }
          QuantizedTensors.write(result, 0, out, g.outputIndex(b, oy, ox), channels);
        }
      }
    }
  }
}
