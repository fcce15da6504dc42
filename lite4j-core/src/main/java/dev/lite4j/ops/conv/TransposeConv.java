package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * TRANSPOSE_CONV (float32). Inputs: output_shape (int32 [4]), weights [O, H, W, I], input [N, h, w, I],
 * optional bias [O] (version 3+). As in TensorFlow Lite, the output_shape values decide the output
 * shape (when they are not constant the output is dynamic and sized when the node runs), and the
 * padding is the one a convolution from that output size with this filter and stride would use.
 *
 * <p>Input pixel (iy, ix) with weight tap (fy, fx) adds to output (iy * stride - pad + fy, ...). This
 * kernel gathers, per output pixel, the input pixels that reach it; taps are visited from the last to
 * the first so that each output receives its products in TensorFlow Lite's reference order (input y,
 * input x, input channel). Then bias and the fused activation (NONE in models older than version 4).
 */
public final class TransposeConv extends WindowedKernel {
  private Activation activation;
  private TransposeConvGeometry geo;
  /** Row (fy * kW + fx) * inC + ic holds the outC weights of that tap and input channel. */
  private float[][] weights;
  private float[] bias;
  private float[] acc;
  private float[] pixel;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer filter = ctx.input(1);
    TensorBuffer input = ctx.input(2);
    geo = TransposeConvGeometry.of(ctx);
    adopt(geo);
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireFloatWeights(ctx, filter, "weights");
    FloatOperands.requireFloatOutput(ctx);
    activation = geo.window().activation();
    bias = FloatOperands.prepareBias(ctx, ctx.input(3), outC);
    weights = new float[kH * kW * inC][outC];
    if (filter.isConstant()) {
      pack(filter.floats());
    }
    acc = new float[outC];
    pixel = new float[inC];
    ConvWindow.Placement at = geo.setOutputShape(ctx);
    if (at != null) {
      place(at);
    }
  }

  /** OHWI weights to rows of outC, one row per (fy, fx, input channel). */
  private void pack(FloatBuffer f) {
    int i = 0;
    for (int o = 0; o < outC; o++) {
      for (int row = 0; row < kH * kW * inC; row++) {
        weights[row][o] = f.get(i++);
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
    TensorBuffer filter = ctx.input(1);
    if (!filter.isConstant()) {
      pack(filter.floats());
    }
    FloatOperands.refreshBias(ctx.input(3), bias);
    FloatBuffer in = input.floats();
    FloatBuffer out = ctx.output(0).floats();
    int batches = input.dim(0);
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          pixel(in, b, oy, ox);
          out.put(o, acc, 0, outC);
          o += outC;
        }
      }
    }
  }

  /** Gathers every (input pixel, tap) pair that lands on output (b, oy, ox), in input order. */
  private void pixel(FloatBuffer in, int b, int oy, int ox) {
    Arrays.fill(acc, 0f);
    for (int fy = kH - 1; fy >= 0; fy--) {
      int iy = sourceIndex(oy + padTop - fy, strideH, inH);
      if (iy < 0) {
        continue;
      }
      for (int fx = kW - 1; fx >= 0; fx--) {
        int ix = sourceIndex(ox + padLeft - fx, strideW, inW);
        if (ix < 0) {
          continue;
        }
        in.get(((b * inH + iy) * inW + ix) * inC, pixel, 0, inC);
        int row = (fy * kW + fx) * inC;
        for (int ic = 0; ic < inC; ic++) {
          MultiplyAdd.row(acc, pixel[ic], weights[row + ic], outC);
        }
      }
    }
    MultiplyAdd.biasAndActivation(acc, bias, 0, outC, activation);
  }

  /** The input index i with i * stride == offset, or -1 when there is none inside [0, size). */
  private static int sourceIndex(int offset, int stride, int size) {
    if (offset < 0 || offset % stride != 0) {
      return -1;
    }
    int i = offset / stride;
    return i < size ? i : -1;
  }
}
