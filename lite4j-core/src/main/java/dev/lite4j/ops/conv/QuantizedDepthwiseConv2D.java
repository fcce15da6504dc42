package dev.lite4j.ops.conv;

import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D on integers (UINT8 per-tensor, INT8 per-channel or per-tensor with INT32 bias, INT16
 * activations with INT8 weights and INT64/INT32 bias), as TensorFlow Lite 2.6 computes it. Shapes as in
 * {@link DepthwiseConv2D}: the multiplier is output channels / input channels; output channel
 * {@code c * multiplier + q} reads input channel c. Channels quantized per channel along dimension 3.
 *
 * <p>Each output pixel sums, tap by tap, {@code (x + off_in) * (w + off_w)} into one accumulator per output
 * channel (the taps inside the input only), then rescales each with its channel's multiplier.
 */
public final class QuantizedDepthwiseConv2D extends WindowedKernel {
  private int depthMultiplier;
  private boolean empty;
  /** Offsets, output zero point and range, and per-channel rescaling, derived at prepare. */
  private IntegerRescale rescale;
  /** [kH * kW][outC] weights (the filter's own layout) with the weight offset added. */
  private int[] weights;
  private long[] bias;
  private int[] acc;
  private long[] accWide;
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
    ConvGeometry geo = ConvGeometry.depthwise(ctx);
    adopt(geo);
    depthMultiplier = geo.depthMultiplier();
    rescale = IntegerRescale.convolution(ctx, input, filter, ctx.input(2), outC, "filter",
        geo.window().fusedActivation(), false);
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
    weights = ctx.input(1).isConstant() ? QuantizedOperands.widen(ctx.input(1), rescale.weightOffset())
        : new int[ctx.input(1).numElements()];
    bias = QuantizedOperands.readBias(ctx.input(2), outC);
    acc = new int[outC];
    accWide = rescale.wide() ? new long[outC] : null;
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
    }
    TensorBuffer b = ctx.input(2);
    if (b != null && !b.isConstant()) {
      QuantizedOperands.readBias(b, bias);
    }
    TensorBuffer input = ctx.input(0);
    QuantizedOperands.load(input, in, rescale.inputOffset(), inBytes, inShorts);
    int batches = input.dim(0);
    for (int n = 0; n < batches; n++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          int o = ((n * outH + oy) * outW + ox) * outC;
          if (rescale.wide()) {
            pixelWide(n, oy, ox);
            for (int c = 0; c < outC; c++) {
              out[o + c] = rescale.requantize(accWide[c] + bias[c], c);
            }
          } else {
            pixel(n, oy, ox);
            for (int c = 0; c < outC; c++) {
              // TF Lite's depthwise kernels rescale with their own double rounding, even for INT8
              out[o + c] = rescale.requantize(acc[c] + (int) bias[c], c);
            }
          }
        }
      }
    }
    QuantizedOperands.store(out, ctx.output(0), outBytes, outShorts);
  }

  private void pixel(int n, int oy, int ox) {
    int[] a = acc;
    Arrays.fill(a, 0);
    int iy0 = oy * strideH - padTop;
    int ix0 = ox * strideW - padLeft;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      int rowBase = (n * inH + iy0 + fy * dilationH) * inW;
      for (int fx = fxLo[ox]; fx < fxHi[ox]; fx++) {
        int x = (rowBase + ix0 + fx * dilationW) * inC;
        int w = (fy * kW + fx) * outC;
        if (depthMultiplier == 1) {
          for (int c = 0; c < outC; c++) {
            a[c] += in[x + c] * weights[w + c];
          }
        } else {
          for (int ic = 0; ic < inC; ic++) {
            int v = in[x + ic];
            int oc = ic * depthMultiplier;
            for (int q = 0; q < depthMultiplier; q++) {
              a[oc + q] += v * weights[w + oc + q];
            }
          }
        }
      }
    }
  }

  private void pixelWide(int n, int oy, int ox) {
    long[] a = accWide;
    Arrays.fill(a, 0L);
    int iy0 = oy * strideH - padTop;
    int ix0 = ox * strideW - padLeft;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      int rowBase = (n * inH + iy0 + fy * dilationH) * inW;
      for (int fx = fxLo[ox]; fx < fxHi[ox]; fx++) {
        int x = (rowBase + ix0 + fx * dilationW) * inC;
        int w = (fy * kW + fx) * outC;
        for (int c = 0; c < outC; c++) {
          a[c] += in[x + c / depthMultiplier] * weights[w + c];
        }
      }
    }
  }
}
