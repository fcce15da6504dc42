package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.kernels.Padding2D;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.TransposeConvOptions;

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
public final class TransposeConv implements Kernel {
  private Activation activation;
  private byte padding;
  private int strideH;
  private int strideW;
  private int inH;
  private int inW;
  private int inC;
  private int outH;
  private int outW;
  private int outC;
  private int kH;
  private int kW;
  private int padTop;
  private int padLeft;
  /** Row (fy * kW + fx) * inC + ic holds the outC weights of that tap and input channel. */
  private float[][] weights;
  private float[] bias;
  private float[] acc;
  private float[] pixel;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer shape = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    TensorBuffer input = ctx.input(2);
    ctx.require(shape != null && filter != null && input != null, "needs output_shape, weights and input");
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireRank(ctx, input, 4, "input");
    FloatOperands.requireRank(ctx, filter, 4, "weights");
    FloatOperands.requireFloatWeights(ctx, filter, "weights");
    FloatOperands.requireFloatOutput(ctx);
    ctx.require(shape.type() == DataType.INT32, "output_shape must be int32, is %s", shape.type());
    ctx.require(shape.rank() == 1 && shape.dim(0) == 4, "output_shape must have shape [4], has %s",
        Arrays.toString(shape.shape()));
    readOptions(ctx);
    inH = input.dim(1);
    inW = input.dim(2);
    inC = input.dim(3);
    outC = filter.dim(0);
    kH = filter.dim(1);
    kW = filter.dim(2);
    ctx.require(outC >= 1 && kH >= 1 && kW >= 1 && filter.dim(3) >= 1, "weights shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    ctx.require(WindowTaps.withinLimits(kH, strideH, 1) && WindowTaps.withinLimits(kW, strideW, 1),
        "weights %s with strides %d x %d are absurdly large", Arrays.toString(filter.shape()), strideH, strideW);
    ctx.require(filter.dim(3) == inC, "weights shape %s does not match the input's %d channels",
        Arrays.toString(filter.shape()), inC);
    bias = FloatOperands.prepareBias(ctx, ctx.input(3), outC);
    weights = new float[kH * kW * inC][outC];
    if (filter.isConstant()) {
      pack(filter.floats());
    }
    acc = new float[outC];
    pixel = new float[inC];
    if (shape.isConstant()) {
      FloatOperands.setOutputShape(ctx, outputShape(ctx, shape, input));
    } else {
      ctx.setOutputDynamic(0);
    }
  }

  private void readOptions(OpContext ctx) {
    TransposeConvOptions o = ctx.options(new TransposeConvOptions());
    ConvWindow window = ConvWindow.check(ctx, o.strideH(), o.strideW(), 1, 1, o.padding(),
        o.fusedActivationFunction());
    strideH = window.strideH();
    strideW = window.strideW();
    padding = window.padding();
    activation = window.activation();
  }

  /** Reads and checks the output_shape values; sets the output size and padding fields. */
  private int[] outputShape(OpContext ctx, TensorBuffer shape, TensorBuffer input) {
    IntBuffer s = shape.ints();
    int[] dims = {s.get(0), s.get(1), s.get(2), s.get(3)};
    ctx.require(dims[0] == input.dim(0) && dims[3] == outC && dims[1] >= 0 && dims[2] >= 0
        && dims[1] <= WindowTaps.MAX_EXTENT && dims[2] <= WindowTaps.MAX_EXTENT,
        "output_shape %s does not fit input batch %d and %d output channels", Arrays.toString(dims),
        input.dim(0), outC);
    ctx.require(FloatOperands.fitsInt(dims), "output_shape %s has too many elements", Arrays.toString(dims));
    outH = dims[1];
    outW = dims[2];
    // TensorFlow Lite: the padding of a (dilation 1) convolution from the output size with this filter.
    padTop = Padding2D.before(outH, kH, strideH, 1, Padding2D.outputSize(padding, outH, kH, strideH, 1));
    padLeft = Padding2D.before(outW, kW, strideW, 1, Padding2D.outputSize(padding, outW, kW, strideW, 1));
    return dims;
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
      ctx.resizeDynamicOutput(0, outputShape(ctx, shape, input));
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
