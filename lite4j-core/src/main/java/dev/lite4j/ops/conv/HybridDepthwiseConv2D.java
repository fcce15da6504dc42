package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.HybridQuantization;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D, hybrid: float32 input and output, INT8 constant filter [1, H, W, C * multiplier]
 * with one scale per output channel, float bias, as TensorFlow Lite 2.6's {@code depthwise_conv.cc}
 * ({@code EvalHybridPerChannel}, optimized {@code DepthwiseConvHybridGeneral}) computes it: each batch
 * row is quantized asymmetrically on the fly (the op has no option for it), each output is the exact
 * integer sum over the valid taps of {@code w * (q - zeroPoint)}, then
 * {@code out = acc * inputScale * channelScale + bias} (left to right, in float) clamped to the
 * activation. TensorFlow Lite refuses a hybrid depthwise filter without one scale per channel (unless
 * it has a single channel), and a UINT8 one; so does this kernel. TensorFlow Lite 2.6 also fails to
 * prepare a hybrid depthwise node without a bias; this kernel accepts one (as if the bias were 0).
 */
public final class HybridDepthwiseConv2D extends WindowedKernel {
  private Activation activation;
  private int multiplier;
  private boolean empty;
  private float[] channelScales;
  /** Row t holds tap t's outC weights (the filter's own layout). */
  private int[][] weights;
  private float[] bias;
  private float[] inputRow;
  private int[] quantized;
  private final int[] zeroPoint = new int[1];
  private int[] acc;
  /** The input pixel's centred values, each channel repeated multiplier times. */
  private int[] expanded;
  private float[] outPixel;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    ConvGeometry geo = ConvGeometry.depthwise(ctx);
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireFloatOutput(ctx);
    adopt(geo);
    multiplier = geo.depthMultiplier();
    activation = geo.window().activation();
    float[] scales = HybridInputs.requireWeights(ctx, filter, "filter", false, outC, 3);
    ctx.require(scales.length == outC, "hybrid filter '%s' has %d scale(s) for %d channels: TensorFlow Lite's "
        + "hybrid DEPTHWISE_CONV_2D needs one per channel", filter.name(), scales.length, outC);
    channelScales = scales;
    ctx.require((long) inH * inW * inC <= Integer.MAX_VALUE, "input %s is too large",
        Arrays.toString(input.shape()));
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), outC);
    empty = geo.setOutputShape(ctx);
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    if (ctx.input(1).isConstant()) {
      packWeights(ctx.input(1));
    }
    inputRow = new float[inH * inW * inC];
    quantized = new int[inH * inW * inC];
    acc = new int[outC];
    expanded = new int[outC];
    outPixel = new float[outC];
  }

  private void packWeights(TensorBuffer filter) {
    int[] raw = HybridInputs.readSigned(filter);
    weights = new int[kH * kW][outC];
    for (int t = 0; t < kH * kW; t++) {
      System.arraycopy(raw, t * outC, weights[t], 0, outC);
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    if (!ctx.input(1).isConstant()) {
      packWeights(ctx.input(1));
    }
    FloatOperands.refreshBias(ctx.input(2), bias);
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int batches = ctx.input(0).dim(0);
    int rowSize = inH * inW * inC;
    int o = 0;
    for (int b = 0; b < batches; b++) {
      in.get(b * rowSize, inputRow, 0, rowSize);
      float inputScale = HybridQuantization.asymmetric(inputRow, 0, rowSize, quantized, 0, zeroPoint, 0, true);
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          pixel(oy, ox, inputScale);
          out.put(o, outPixel, 0, outC);
          o += outC;
        }
      }
    }
  }

  private void pixel(int oy, int ox, float inputScale) {
    Arrays.fill(acc, 0);
    int iy0 = oy * strideH - padTop;
    int ix0 = ox * strideW - padLeft;
    for (int fy = 0; fy < kH; fy++) {
      int iy = iy0 + fy * dilationH;
      if (iy < 0 || iy >= inH) {
        continue;
      }
      for (int fx = 0; fx < kW; fx++) {
        int ix = ix0 + fx * dilationW;
        if (ix < 0 || ix >= inW) {
          continue;
        }
        multiplyAdd(weights[fy * kW + fx], loadPixel((iy * inW + ix) * inC));
      }
    }
    for (int c = 0; c < outC; c++) {
      float v = acc[c] * inputScale * channelScales[c];
      outPixel[c] = activation.apply(bias == null ? v : v + bias[c]);
    }
  }

  /** {@code acc[c] += w[c] * x[c]}: arrays indexed from 0 by one counter, so that C2 vectorizes it. */
  private void multiplyAdd(int[] w, int[] x) {
    int[] a = acc;
    for (int c = 0; c < outC; c++) {
      a[c] += w[c] * x[c];
    }
  }

  /** The centred input pixel at {@code at}, channels repeated multiplier times (a copy at offset 0). */
  private int[] loadPixel(int at) {
    if (multiplier == 1) {
      System.arraycopy(quantized, at, expanded, 0, inC);
      return expanded;
    }
    int j = 0;
    for (int c = 0; c < inC; c++) {
      int v = quantized[at + c];
      for (int q = 0; q < multiplier; q++) {
        expanded[j++] = v;
      }
    }
    return expanded;
  }
}
