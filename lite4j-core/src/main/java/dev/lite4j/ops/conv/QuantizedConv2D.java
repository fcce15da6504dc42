package dev.lite4j.ops.conv;

import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * CONV_2D on integers, as TensorFlow Lite 2.6's integer kernels compute it: UINT8 (per-tensor, weight
 * zero point), INT8 (per-channel or per-tensor weights, INT32 bias) and INT16 activations with INT8
 * weights (INT64 or INT32 bias, 64-bit accumulators). Same window options and grouping as {@link Conv2D}.
 *
 * <p>Each output is {@code clamp(zp_out + M_c(bias_c + sum (x + off_in) * (w + off_w)))} over the taps
 * inside the input (padding contributes nothing, as the input zero point does in TensorFlow Lite's im2col),
 * with {@code M_c} TensorFlow Lite's fixed-point rescaling. Integer sums are exact, so the order does not
 * matter. Weights are widened (offset added) once at pack; each run widens the input once (offset added)
 * so that the inner loops are dot products over int arrays, four output channels at a time.
 */
public final class QuantizedConv2D extends WindowedKernel {
  /** Output pixels computed together (one weight row load serves them all). */
  private static final int BLOCK = 4;

  private int groups;
  private int groupIn;
  private int groupOut;
  private boolean empty;
  /** Offsets, output zero point and range, and per-channel rescaling, derived at prepare. */
  private IntegerRescale rescale;
  /** OHWI weights with the weight offset added. */
  private int[] weights;
  /**
   * 8-bit activations: row ((g * kH + fy) * kW + fx) * groupIn + ci holds the groupOut weights (offset added)
   * of that tap and input channel, so that the inner loop runs over output channels.
   */
  private int[][] rows;
  private final int[][] acc = new int[BLOCK][];
  private long[] bias;
  private int[] biasInt;
  private int[] in;
  private int[] out;
  private byte[] inBytes;
  private short[] inShorts;
  private byte[] outBytes;
  private short[] outShorts;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    ConvGeometry geo = ConvGeometry.conv2D(ctx, true);
    adopt(geo);
    groups = geo.groups();
    groupIn = geo.groupIn();
    groupOut = geo.groupOut();
    rescale = IntegerRescale.convolution(ctx, input, filter, ctx.input(2), outC, "filter",
        geo.window().fusedActivation(), true);
    empty = geo.setOutputShape(ctx);
    if (empty) {
      return;
    }
    adoptTaps(geo);
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    TensorBuffer input = ctx.input(0);
    TensorBuffer output = ctx.output(0);
    if (ctx.input(1).isConstant()) {
      weights = QuantizedOperands.widen(ctx.input(1), rescale.weightOffset());
    } else {
      weights = new int[ctx.input(1).numElements()];
    }
    if (!rescale.wide()) {
      rows = new int[groups * kH * kW * groupIn][groupOut];
      if (ctx.input(1).isConstant()) {
        packRows();
      }
      for (int p = 0; p < BLOCK; p++) {
        acc[p] = new int[groupOut];
      }
    }
    TensorBuffer b = ctx.input(2);
    bias = QuantizedOperands.readBias(b, outC);
    biasInt = new int[outC];
    for (int c = 0; c < outC; c++) {
      biasInt[c] = (int) bias[c];
    }
    in = new int[input.numElements()];
    inBytes = QuantizedOperands.byteScratch(input.type(), in.length);
    inShorts = QuantizedOperands.shortScratch(input.type(), in.length);
    out = new int[output.numElements()];
    outBytes = QuantizedOperands.byteScratch(output.type(), out.length);
    outShorts = QuantizedOperands.shortScratch(output.type(), out.length);
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    TensorBuffer filter = ctx.input(1);
    if (!filter.isConstant()) {
      QuantizedOperands.load(filter, weights, rescale.weightOffset(), null, null);
      if (!rescale.wide()) {
        packRows();
      }
    }
    TensorBuffer b = ctx.input(2);
    if (b != null && !b.isConstant()) {
      QuantizedOperands.readBias(b, bias);
      for (int c = 0; c < outC; c++) {
        biasInt[c] = (int) bias[c];
      }
    }
    TensorBuffer input = ctx.input(0);
    QuantizedOperands.load(input, in, rescale.inputOffset(), inBytes, inShorts);
    int batches = input.dim(0);
    for (int n = 0; n < batches; n++) {
      for (int oy = 0; oy < outH; oy++) {
        if (rescale.wide()) {
          for (int ox = 0; ox < outW; ox++) {
            int o = ((n * outH + oy) * outW + ox) * outC;
            for (int g = 0; g < groups; g++) {
              pixelWide(n, oy, ox, g, o);
            }
          }
          continue;
        }
        int ox = 0;
        while (ox < outW) {
          int count = blockLength(ox);
          for (int g = 0; g < groups; g++) {
            block(n, oy, ox, count, g);
          }
          ox += count;
        }
      }
    }
    QuantizedOperands.store(out, ctx.output(0), outBytes, outShorts);
  }

  /** OHWI weights (offset added) to rows of groupOut output channels, one per (group, fy, fx, input channel). */
  private void packRows() {
    int i = 0;
    for (int o = 0; o < outC; o++) {
      int g = o / groupOut;
      int j = o - g * groupOut;
      for (int fy = 0; fy < kH; fy++) {
        for (int fx = 0; fx < kW; fx++) {
          int row = ((g * kH + fy) * kW + fx) * groupIn;
          for (int ci = 0; ci < groupIn; ci++) {
            rows[row + ci][j] = weights[i++];
          }
        }
      }
    }
  }

  /** Up to BLOCK consecutive output columns from {@code ox} that share the same valid filter columns. */
  private int blockLength(int ox) {
    int count = 1;
    while (count < BLOCK && ox + count < outW && fxLo[ox + count] == fxLo[ox] && fxHi[ox + count] == fxHi[ox]) {
      count++;
    }
    return count;
  }

  /** Output pixels (n, oy, ox .. ox+count-1), channels of group g, with 32-bit sums (8-bit activations). */
  private void block(int n, int oy, int ox, int count, int g) {
    for (int p = 0; p < count; p++) {
      Arrays.fill(acc[p], 0);
    }
    int iy0 = oy * strideH - padTop;
    int ix0 = ox * strideW - padLeft;
    int step = strideW * inC;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      int rowBase = (n * inH + iy0 + fy * dilationH) * inW;
      for (int fx = fxLo[ox]; fx < fxHi[ox]; fx++) {
        int x = (rowBase + ix0 + fx * dilationW) * inC + g * groupIn;
        int w = ((g * kH + fy) * kW + fx) * groupIn;
        if (count == BLOCK) {
          accumulate4(x, step, w);
        } else {
          for (int p = 0; p < count; p++) {
            int[] a = acc[p];
            int start = x + p * step;
            for (int ci = 0; ci < groupIn; ci++) {
              int v = in[start + ci];
              int[] row = rows[w + ci];
              for (int c = 0; c < groupOut; c++) {
                a[c] += v * row[c];
              }
            }
          }
        }
      }
    }
    int c0 = g * groupOut;
    for (int p = 0; p < count; p++) {
      int[] a = acc[p];
      int o = ((n * outH + oy) * outW + ox + p) * outC + c0;
      for (int j = 0; j < groupOut; j++) {
        int c = c0 + j;
        out[o + j] = rescale.requantize(a[j] + biasInt[c], c);
      }
    }
  }

  /** Four pixels' products of one tap: pixel p's input channels start at {@code in[x + p * step]}. */
  private void accumulate4(int x, int step, int w) {
    int[] a0 = acc[0];
    int[] a1 = acc[1];
    int[] a2 = acc[2];
    int[] a3 = acc[3];
    for (int ci = 0; ci < groupIn; ci++) {
      int i = x + ci;
      int v0 = in[i];
      int v1 = in[i + step];
      int v2 = in[i + 2 * step];
      int v3 = in[i + 3 * step];
      int[] row = rows[w + ci];
      for (int c = 0; c < groupOut; c++) {
        int r = row[c];
        a0[c] += v0 * r;
        a1[c] += v1 * r;
        a2[c] += v2 * r;
        a3[c] += v3 * r;
      }
    }
  }

  /** The same with 64-bit sums (INT16 activations). */
  private void pixelWide(int n, int oy, int ox, int g, int o) {
    int iy0 = oy * strideH - padTop;
    int ix0 = ox * strideW - padLeft;
    int tapStride = kW * groupIn;
    int filterSize = kH * tapStride;
    for (int c = g * groupOut; c < (g + 1) * groupOut; c++) {
      long a = 0;
      for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
        int rowBase = ((n * inH + iy0 + fy * dilationH) * inW) * inC + g * groupIn;
        for (int fx = fxLo[ox]; fx < fxHi[ox]; fx++) {
          int x = rowBase + (ix0 + fx * dilationW) * inC;
          int w = c * filterSize + fy * tapStride + fx * groupIn;
          for (int ci = 0; ci < groupIn; ci++) {
            a += in[x + ci] * weights[w + ci]; // |product| < 2^23: exact in int
          }
        }
      }
      out[o + c] = rescale.requantize(a + bias[c], c);
    }
  }
}
