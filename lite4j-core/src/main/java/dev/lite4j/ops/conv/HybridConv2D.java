package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.Conv2DOptions;

/**
 * CONV_2D, hybrid: float32 input and output, INT8 (or UINT8, read as int8) constant filter, float bias,
 * as TensorFlow Lite 2.6's {@code conv.cc} computes it. Each batch row of the input is quantized to int8
 * on the fly; the integer dot products are scaled back to float, the bias added and the activation
 * applied. Three paths, picked as TensorFlow Lite picks them:
 *
 * <ul>
 *   <li>per-tensor ({@code EvalHybrid}: one filter scale, or per-channel scales that are all equal, or
 *       a UINT8 filter): symmetric input quantization, {@code out = acc * (inputScale * filterScale) + bias};
 *   <li>per-channel ({@code EvalHybridPerChannel}, optimized path): asymmetric input quantization,
 *       {@code out = acc * (channelScale * inputScale) + bias};
 *   <li>grouped convolutions, which TensorFlow Lite sends to the per-channel reference kernel:
 *       asymmetric, {@code out = acc * channelScale * inputScale + bias} (left to right).
 * </ul>
 *
 * <p>acc is the exact integer sum over the valid filter taps of {@code w * (q - zeroPoint)}; padded taps
 * contribute nothing, as TensorFlow Lite's im2col padding with the zero point does.
 */
public final class HybridConv2D implements Kernel {
  private enum Path { PER_TENSOR, PER_CHANNEL, GROUPED }

  private Activation activation;
  private Path path;
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
  /** Filter scale of each output channel (the one scale repeated for a per-tensor filter). */
  private float[] channelScales;
  /** Output channel o's weights at [o * taps * groupIn], in the filter's own (fy, fx, ci) order. */
  private int[] weights;
  private float[] bias;
  private float[] inputRow;
  private int[] quantized;
  private final int[] zeroPoint = new int[1];
  /** The im2col row of one output pixel: (fy, fx, input channel), padded taps 0. */
  private int[] patch;
  private float[] outPixel;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    ctx.require(input != null && filter != null, "needs an input and a filter");
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireRank(ctx, input, 4, "input");
    FloatOperands.requireRank(ctx, filter, 4, "filter");
    FloatOperands.requireFloatOutput(ctx);
    Conv2DOptions o = ctx.options(new Conv2DOptions());
    ConvWindow window = ConvWindow.check(ctx, o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(),
        o.padding(), o.fusedActivationFunction());
    strideH = window.strideH();
    strideW = window.strideW();
    dilationH = window.dilationH();
    dilationW = window.dilationW();
    activation = window.activation();
    readShapes(ctx, input, filter, window);
    float[] scales = HybridInputs.requireWeights(ctx, filter, "filter", true, outC, 0);
    boolean perChannel = filter.type() == dev.lite4j.DataType.INT8 && HybridInputs.differ(scales);
    path = groups != 1 ? Path.GROUPED : perChannel ? Path.PER_CHANNEL : Path.PER_TENSOR;
    channelScales = new float[outC];
    for (int c = 0; c < outC; c++) {
      channelScales[c] = scales[scales.length == 1 ? 0 : c];
    }
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), outC);
    FloatOperands.setOutputShape(ctx, input.dim(0), outH, outW, outC);
    empty = ctx.output(0).numElements() == 0;
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
    ctx.require((long) kH * kW * inC <= Integer.MAX_VALUE / 2 && (long) inH * inW * inC <= Integer.MAX_VALUE,
        "filter %s over input %s is too large", Arrays.toString(filter.shape()), Arrays.toString(input.shape()));
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    if (ctx.input(1).isConstant()) {
      weights = HybridInputs.readSigned(ctx.input(1));
    }
    inputRow = new float[inH * inW * inC];
    quantized = new int[inH * inW * inC];
    patch = new int[kH * kW * inC];
    outPixel = new float[outC];
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    if (!ctx.input(1).isConstant()) {
      weights = HybridInputs.readSigned(ctx.input(1));
    }
    FloatOperands.refreshBias(ctx.input(2), bias);
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int batches = ctx.input(0).dim(0);
    int rowSize = inH * inW * inC;
    int o = 0;
    for (int b = 0; b < batches; b++) {
      in.get(b * rowSize, inputRow, 0, rowSize);
      float inputScale = path == Path.PER_TENSOR
          ? HybridInputs.symmetric(inputRow, 0, rowSize, quantized, 0)
          : HybridInputs.asymmetric(inputRow, 0, rowSize, quantized, 0, zeroPoint, 0);
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          fillPatch(oy, ox);
          pixel(inputScale);
          out.put(o, outPixel, 0, outC);
          o += outC;
        }
      }
    }
  }

  /** im2col for one output pixel: each tap's inC centred values, or zeros outside the input. */
  private void fillPatch(int oy, int ox) {
    int iy0 = oy * strideH - padTop;
    int ix0 = ox * strideW - padLeft;
    int p = 0;
    for (int fy = 0; fy < kH; fy++) {
      int iy = iy0 + fy * dilationH;
      for (int fx = 0; fx < kW; fx++) {
        int ix = ix0 + fx * dilationW;
        if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
          System.arraycopy(quantized, (iy * inW + ix) * inC, patch, p, inC);
        } else {
          Arrays.fill(patch, p, p + inC, 0);
        }
        p += inC;
      }
    }
  }

  private void pixel(float inputScale) {
    int row = kH * kW * groupIn;
    switch (path) {
      case PER_TENSOR -> {
        float scale = inputScale * channelScales[0];
        for (int c = 0; c < outC; c++) {
          int acc = HybridInputs.dot(weights, c * row, patch, 0, row);
          float v = acc * scale;
          outPixel[c] = activation.apply(bias == null ? v : v + bias[c]);
        }
      }
      case PER_CHANNEL -> {
        for (int c = 0; c < outC; c++) {
          int acc = HybridInputs.dot(weights, c * row, patch, 0, row);
          float v = acc * (channelScales[c] * inputScale);
          outPixel[c] = activation.apply(bias == null ? v : v + bias[c]);
        }
      }
      case GROUPED -> {
        int taps = kH * kW;
        for (int c = 0; c < outC; c++) {
          int g = c / groupOut;
          int acc = 0;
          for (int t = 0; t < taps; t++) {
            acc += HybridInputs.dot(weights, c * row + t * groupIn, patch, t * inC + g * groupIn, groupIn);
          }
          float v = acc * channelScales[c] * inputScale;
          outPixel[c] = activation.apply(bias == null ? v : v + bias[c]);
        }
      }
    }
  }
}
