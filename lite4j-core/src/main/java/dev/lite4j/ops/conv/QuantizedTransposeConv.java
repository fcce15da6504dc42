package dev.lite4j.ops.conv;

import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * TRANSPOSE_CONV on integers, as TensorFlow Lite 2.6 computes it: UINT8 (per-tensor, weight zero point),
 * INT8 (per-channel along the output channels, INT32 bias) and INT16 activations with INT8 weights (INT64
 * bias, 64-bit sums). Inputs, output shape and padding as in {@link TransposeConv}.
 *
 * <p>Every (input pixel, tap) pair adds {@code (x + off_in) * (w + off_w)} to the output pixel it lands on;
 * the int32 (int64) sums plus the bias are rescaled per output channel with TensorFlow Lite's double-rounding
 * multiplier (its transpose convolution rescales the GEMM's raw sums itself), then clamped.
 */
public final class QuantizedTransposeConv extends WindowedKernel {
  private TransposeConvGeometry geo;
  /** Offsets, output zero point and range, and per-channel rescaling, derived at prepare. */
  private IntegerRescale rescale;
  /** [(fy * kW + fx) * inC + ic][outC] weights, offset added. */
  private int[] weights;
  private long[] bias;
  private int[] in;
  private int[] acc;
  private long[] accWide;
  private int[] outRow;
  private byte[] inBytes;
  private short[] inShorts;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer filter = ctx.input(1);
    TensorBuffer input = ctx.input(2);
    geo = TransposeConvGeometry.of(ctx);
    adopt(geo);
    rescale = IntegerRescale.convolution(ctx, input, filter, ctx.input(3), outC, "weights",
        geo.window().fusedActivation(), false);
    ConvWindow.Placement at = geo.setOutputShape(ctx);
    if (at != null) {
      place(at);
    }
  }

  @Override
  public void pack(OpContext ctx) {
    TensorBuffer input = ctx.input(2);
    weights = new int[ctx.input(1).numElements()];
    if (ctx.input(1).isConstant()) {
      packWeights(ctx.input(1));
    }
    bias = QuantizedOperands.readBias(ctx.input(3), outC);
    in = new int[input.numElements()];
    inBytes = QuantizedOperands.byteScratch(input.type(), in.length);
    inShorts = QuantizedOperands.shortScratch(input.type(), in.length);
    acc = new int[outC];
    accWide = new long[outC];
    outRow = new int[outC];
  }

  /** OHWI weights to [tap * inC + ic][outC], offset added. */
  private void packWeights(TensorBuffer filter) {
    int[] w = QuantizedOperands.widen(filter, rescale.weightOffset());
    int rows = kH * kW * inC;
    for (int o = 0; o < outC; o++) {
      for (int row = 0; row < rows; row++) {
        weights[row * outC + o] = w[o * rows + row];
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer shape = ctx.input(0);
    TensorBuffer input = ctx.input(2);
    if (!shape.isConstant()) {
      ConvWindow.Placement at = geo.placeOutput(ctx, shape);
      place(at);
      ctx.resizeDynamicOutput(0, geo.outputShape(at));
    }
    if (!ctx.input(1).isConstant()) {
      packWeights(ctx.input(1));
    }
    TensorBuffer b = ctx.input(3);
    if (b != null && !b.isConstant()) {
      QuantizedOperands.readBias(b, bias);
    }
    TensorBuffer output = ctx.output(0);
    if (output.numElements() == 0) {
      return;
    }
    QuantizedOperands.load(input, in, rescale.inputOffset(), inBytes, inShorts);
    int batches = input.dim(0);
    int o = 0;
    for (int n = 0; n < batches; n++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          pixel(n, oy, ox);
          dev.lite4j.kernels.QuantizedTensors.write(outRow, 0, output, o, outC);
          o += outC;
        }
      }
    }
  }

  /** Gathers every (input pixel, tap) pair that lands on output (n, oy, ox), then rescales into outRow. */
  private void pixel(int n, int oy, int ox) {
    Arrays.fill(acc, 0);
    Arrays.fill(accWide, 0L);
    for (int fy = 0; fy < kH; fy++) {
      int iy = sourceIndex(oy + padTop - fy, strideH, inH);
      if (iy < 0) {
        continue;
      }
      for (int fx = 0; fx < kW; fx++) {
        int ix = sourceIndex(ox + padLeft - fx, strideW, inW);
        if (ix < 0) {
          continue;
        }
        int x = ((n * inH + iy) * inW + ix) * inC;
        int row = (fy * kW + fx) * inC;
        for (int ic = 0; ic < inC; ic++) {
          int v = in[x + ic];
          int w = (row + ic) * outC;
          if (rescale.wide()) {
            for (int c = 0; c < outC; c++) {
              accWide[c] += v * weights[w + c];
            }
          } else {
            for (int c = 0; c < outC; c++) {
              acc[c] += v * weights[w + c];
            }
          }
        }
      }
    }
    for (int c = 0; c < outC; c++) {
      outRow[c] = rescale.wide()
          ? rescale.requantize(accWide[c] + bias[c], c)
          : rescale.requantize(acc[c] + (int) bias[c], c);
    }
  }

  private static int sourceIndex(int offset, int stride, int size) {
    if (offset < 0 || offset % stride != 0) {
      return -1;
    }
    int i = offset / stride;
    return i < size ? i : -1;
  }
}
