package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.Conv2DOptions;

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
public final class Conv2D implements Kernel {
  /** Output pixels computed together (one weight row load serves them all). */
  private static final int BLOCK = MultiplyAdd.BLOCK;

  private Activation activation;
  private int inH;
  private int inW;
  private int inC;
  private int outH;
  private int outW;
  private int outC;
  private int kH;
  private int kW;
  private int groups;
  private int groupIn;
  private int groupOut;
  private int strideH;
  private int strideW;
  private int dilationH;
  private int dilationW;
  private int padTop;
  private int padLeft;
  private boolean empty;
  /** Valid filter rows [fyLo[oy], fyHi[oy]) for each output row; likewise columns for each output column. */
  private int[] fyLo;
  private int[] fyHi;
  private int[] fxLo;
  private int[] fxHi;
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
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    ctx.require(input != null && filter != null, "needs an input and a filter");
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireRank(ctx, input, 4, "input");
    FloatOperands.requireRank(ctx, filter, 4, "filter");
    FloatOperands.requireFloatWeights(ctx, filter, "filter");
    FloatOperands.requireFloatOutput(ctx);
    readShapes(ctx, input, filter, readOptions(ctx));
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), outC);
    FloatOperands.setOutputShape(ctx, input.dim(0), outH, outW, outC);
    empty = ctx.output(0).numElements() == 0;
    if (empty) {
      return; // nothing to compute; sizes read from an empty tensor's shape may be absurd
    }
    fyLo = new int[outH];
    fyHi = new int[outH];
    WindowTaps.ranges(outH, strideH, padTop, dilationH, kH, inH, fyLo, fyHi);
    fxLo = new int[outW];
    fxHi = new int[outW];
    WindowTaps.ranges(outW, strideW, padLeft, dilationW, kW, inW, fxLo, fxHi);
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

  private ConvWindow readOptions(OpContext ctx) {
    Conv2DOptions o = ctx.options(new Conv2DOptions());
    ConvWindow window = ConvWindow.check(ctx, o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(),
        o.padding(), o.fusedActivationFunction());
    strideH = window.strideH();
    strideW = window.strideW();
    dilationH = window.dilationH();
    dilationW = window.dilationW();
    activation = window.activation();
    return window;
  }

  private void readShapes(OpContext ctx, TensorBuffer input, TensorBuffer filter, ConvWindow window) {
    inH = input.dim(1);
    inW = input.dim(2);
    inC = input.dim(3);
    outC = filter.dim(0);
    kH = filter.dim(1);
    kW = filter.dim(2);
    groupIn = filter.dim(3);
    ctx.require(outC >= 1 && kH >= 1 && kW >= 1 && groupIn >= 1, "filter shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    // TensorFlow Lite: the filter's input depth may divide the input's (grouped convolution).
    ctx.require(inC % groupIn == 0, "input channels %d are not a multiple of the filter's input channels %d",
        inC, groupIn);
    groups = inC / groupIn;
    ctx.require(groups >= 1 && outC % groups == 0,
        "output channels %d are not a multiple of the %d groups (input channels %d / filter channels %d)",
        outC, groups, inC, groupIn);
    groupOut = outC / groups;
    ConvWindow.Placement at = window.place(ctx, input, filter, kH, kW);
    outH = at.outH();
    outW = at.outW();
    padTop = at.padTop();
    padLeft = at.padLeft();
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
