package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * CONV_2D (float32): NHWC input, OHWI filter, optional bias, strides, dilation, SAME/VALID padding and
 * a fused activation. When the input has {@code groups} times the filter's I channels it is a grouped
 * convolution: output channel o of group g = o / (O / groups) reads input channels
 * [g * I, (g + 1) * I), as TensorFlow Lite's reference kernel does.
 *
 * <p>Each output element sums its products in float in TensorFlow Lite's reference order (filter y,
 * filter x, input channel), then adds the bias and clamps. Output pixels go four at a time so that
 * every weight row loaded serves four pixels; padding is handled by per-row and per-column tap ranges
 * computed at prepare, so the inner loops test nothing.
 */
public final class Conv2D extends WindowedKernel {
  /** Output pixels computed together (one weight row load serves them all). */
  private static final int BLOCK = MultiplyAdd.BLOCK;

  private Activation activation;
  private int groups;
  private int groupIn;
  private int groupOut;
  private boolean empty;
  /** Row ((g * kH + fy) * kW + fx) * groupIn + ci holds the groupOut weights of that tap and input channel. */
  private float[][] weights;
  private float[] bias;
  private final float[][] acc = new float[BLOCK][];
  /**
   * rows[fy - fyLo[oy]]: the input row (all columns and channels) that filter row fy reads for the
   * current output row oy; at most as many rows as the input has, however tall the filter.
   */
  private float[][] rows;

  @Override
  public void prepare(OpContext ctx) {
    ConvGeometry geo = ConvGeometry.conv2D(ctx, true);
    FloatOperands.requireFloatInput(ctx, ctx.input(0), "input");
    FloatOperands.requireFloatWeights(ctx, ctx.input(1), "filter");
    FloatOperands.requireFloatOutput(ctx);
    adopt(geo);
    groups = geo.groups();
    groupIn = geo.groupIn();
    groupOut = geo.groupOut();
    activation = geo.window().activation();
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), outC);
    empty = geo.setOutputShape(ctx);
    if (empty) {
      return; // nothing to compute; sizes read from an empty tensor's shape may be absurd
    }
    adoptTaps(geo);
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    weights = new float[groups * kH * kW * groupIn][groupOut];
    if (ctx.input(1).isConstant()) {
      pack(ctx.input(1).floats());
    }
    for (int p = 0; p < BLOCK; p++) {
      acc[p] = new float[groupOut];
    }
    rows = new float[WindowTaps.maxCount(fyLo, fyHi)][inW * inC];
  }

  /** OHWI filter to rows of groupOut output channels, one row per (group, fy, fx, input channel). */
  private void pack(FloatBuffer f) {
    int i = 0;
    for (int o = 0; o < outC; o++) {
      int g = o / groupOut;
      int j = o - g * groupOut;
      for (int fy = 0; fy < kH; fy++) {
        for (int fx = 0; fx < kW; fx++) {
          int row = ((g * kH + fy) * kW + fx) * groupIn;
          for (int ci = 0; ci < groupIn; ci++) {
            weights[row + ci][j] = f.get(i++);
          }
        }
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    TensorBuffer filter = ctx.input(1);
    if (!filter.isConstant()) {
      pack(filter.floats());
    }
    FloatOperands.refreshBias(ctx.input(2), bias);
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int batches = ctx.input(0).dim(0);
    for (int b = 0; b < batches; b++) {
      for (int oy = 0; oy < outH; oy++) {
        loadRows(in, b, oy);
        int ox = 0;
        while (ox < outW) {
          int n = blockLength(ox);
          for (int g = 0; g < groups; g++) {
            block(out, b, oy, ox, n, g);
          }
          ox += n;
        }
      }
    }
  }

  /** Copies the input rows that output row oy reads (one bulk copy each, so inner loops read arrays). */
  private void loadRows(FloatBuffer in, int b, int oy) {
    int iy0 = oy * strideH - padTop;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      in.get((b * inH + iy0 + fy * dilationH) * inW * inC, rows[fy - fyLo[oy]], 0, inW * inC);
    }
  }

  /** Up to BLOCK consecutive output columns from {@code ox} that share the same valid filter columns. */
  private int blockLength(int ox) {
    int n = 1;
    while (n < BLOCK && ox + n < outW && fxLo[ox + n] == fxLo[ox] && fxHi[ox + n] == fxHi[ox]) {
      n++;
    }
    return n;
  }

  /** Output pixels (b, oy, ox .. ox+n-1), channels of group g. */
  private void block(FloatBuffer out, int b, int oy, int ox, int n, int g) {
    for (int p = 0; p < n; p++) {
      Arrays.fill(acc[p], 0f);
    }
    int ix0 = ox * strideW - padLeft;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      float[] row = rows[fy - fyLo[oy]];
      for (int fx = fxLo[ox]; fx < fxHi[ox]; fx++) {
        int x = (ix0 + fx * dilationW) * inC + g * groupIn;
        accumulate(row, x, strideW * inC, ((g * kH + fy) * kW + fx) * groupIn, n);
      }
    }
    int outBase = ((b * outH + oy) * outW + ox) * outC + g * groupOut;
    for (int p = 0; p < n; p++) {
      MultiplyAdd.biasAndActivation(acc[p], bias, g * groupOut, groupOut, activation);
      out.put(outBase + p * outC, acc[p], 0, groupOut);
    }
  }

  /**
   * Adds the products of one filter tap, input channel by input channel, to the n pixels' sums; pixel
   * p's input channels start at {@code row[x + p * step]}.
   */
  private void accumulate(float[] row, int x, int step, int weightRow, int n) {
    if (n == BLOCK) {
      float[] a0 = acc[0];
      float[] a1 = acc[1];
      float[] a2 = acc[2];
      float[] a3 = acc[3];
      for (int ci = 0; ci < groupIn; ci++) {
        int i = x + ci;
        MultiplyAdd.row4(a0, a1, a2, a3, row[i], row[i + step], row[i + 2 * step], row[i + 3 * step],
            weights[weightRow + ci], groupOut);
      }
    } else {
      for (int p = 0; p < n; p++) {
        float[] a = acc[p];
        int start = x + p * step;
        for (int ci = 0; ci < groupIn; ci++) {
          MultiplyAdd.row(a, row[start + ci], weights[weightRow + ci], groupOut);
        }
      }
    }
  }
}
