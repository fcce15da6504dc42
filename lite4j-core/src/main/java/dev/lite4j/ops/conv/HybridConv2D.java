package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.HybridQuantization;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * CONV_2D, hybrid: float32 input and output, INT8 (or UINT8, read as int8) constant filter, float bias,
 * as TensorFlow Lite 2.6's {@code conv.cc} computes it. Each batch row of the input is quantized to int8
 * on the fly; the integer dot products are scaled back to float, the bias added and the activation
 * applied. Two paths, picked as TensorFlow Lite picks them:
 *
 * <ul>
 *   <li>per-tensor ({@code EvalHybrid}: one filter scale, or per-channel scales that are all equal, or
 *       a UINT8 filter): symmetric input quantization, {@code out = acc * (inputScale * filterScale) + bias},
 *       where filterScale is the tensor's legacy scale (0 when it has several scales, so that such a
 *       filter gives the bias alone, as in TensorFlow Lite: see {@link HybridInputs#legacyScale});
 *   <li>per-channel ({@code EvalHybridPerChannel}, optimized path): asymmetric input quantization,
 *       {@code out = acc * (channelScale * inputScale) + bias}.
 * </ul>
 *
 * <p>TensorFlow Lite 2.6 has no grouped hybrid convolution (its prepare requires the filter's input
 * depth to equal the input's), so a grouped filter is refused here too.
 *
 * <p>acc is the exact integer sum over the valid filter taps of {@code w * (q - zeroPoint)}; padded taps
 * contribute nothing, as TensorFlow Lite's im2col padding with the zero point does.
 */
public final class HybridConv2D extends WindowedKernel {
  private enum Path { PER_TENSOR, PER_CHANNEL }

  /** Output pixels computed together, sharing each weight row load. */
  private static final int BLOCK = 4;

  private Activation activation;
  private Path path;
  private int groupIn;
  private boolean empty;
  /** Filter scale of each output channel (the one scale repeated for a per-tensor filter). */
  private float[] channelScales;
  /** Row (fy * kW + fx) * inC + ci holds the outC weights of that tap and input channel. */
  private int[][] weights;
  private float[] bias;
  private float[] inputRow;
  private int[] quantized;
  private final int[] zeroPoint = new int[1];
  /** Integer sums of the BLOCK output pixels computed together. */
  private final int[][] acc = new int[BLOCK][];
  /** Where each pixel of the block reads the current tap (-1: padding). */
  private final int[] offsets = new int[BLOCK];
  private float[] outPixel;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    ConvGeometry geo = ConvGeometry.conv2D(ctx, false);
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireFloatOutput(ctx);
    adopt(geo);
    groupIn = geo.groupIn();
    activation = geo.window().activation();
    ctx.require((long) kH * kW * inC <= Integer.MAX_VALUE / 2 && (long) inH * inW * inC <= Integer.MAX_VALUE,
        "filter %s over input %s is too large", Arrays.toString(filter.shape()), Arrays.toString(input.shape()));
    float[] scales = HybridInputs.requireWeights(ctx, filter, "filter", true, outC, 0);
    boolean perChannel = filter.type() == DataType.INT8 && HybridInputs.differ(scales);
    path = perChannel ? Path.PER_CHANNEL : Path.PER_TENSOR;
    channelScales = new float[outC];
    for (int c = 0; c < outC; c++) {
      channelScales[c] = perChannel ? scales[c] : HybridInputs.legacyScale(scales);
    }
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
    for (int p = 0; p < BLOCK; p++) {
      acc[p] = new int[outC];
    }
    outPixel = new float[outC];
  }

  /** OHWI filter to one row of outC weights per (fy, fx, input channel). */
  private void packWeights(TensorBuffer filter) {
    int[] raw = HybridInputs.readSigned(filter);
    int rowCount = kH * kW * inC;
    weights = new int[rowCount][outC];
    for (int c = 0; c < outC; c++) {
      for (int i = 0; i < rowCount; i++) {
        weights[i][c] = raw[c * rowCount + i];
      }
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
    for (int b = 0; b < batches; b++) {
      in.get(b * rowSize, inputRow, 0, rowSize);
      float inputScale = path == Path.PER_TENSOR
          ? HybridQuantization.symmetric(inputRow, 0, rowSize, quantized, 0)
          : HybridQuantization.asymmetric(inputRow, 0, rowSize, quantized, 0, zeroPoint, 0, true);
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox += BLOCK) {
          int n = Math.min(BLOCK, outW - ox);
          block(oy, ox, n);
          for (int p = 0; p < n; p++) {
            finish(acc[p], inputScale);
            out.put(((b * outH + oy) * outW + ox + p) * outC, outPixel, 0, outC);
          }
        }
      }
    }
  }

  /**
   * The integer sums of output pixels (oy, ox .. ox+n-1) into acc[0..n): tap by tap and input channel by
   * input channel, each weight row (all output channels) serving the n pixels; a pixel whose tap falls
   * in the padding reads 0 there.
   */
  private void block(int oy, int ox, int n) {
    for (int p = 0; p < BLOCK; p++) {
      Arrays.fill(acc[p], 0);
    }
    int iy0 = oy * strideH - padTop;
    for (int fy = 0; fy < kH; fy++) {
      int iy = iy0 + fy * dilationH;
      if (iy < 0 || iy >= inH) {
        continue;
      }
      for (int fx = 0; fx < kW; fx++) {
        boolean any = false;
        for (int p = 0; p < BLOCK; p++) {
          int ix = (ox + p) * strideW - padLeft + fx * dilationW;
          boolean inside = p < n && ix >= 0 && ix < inW;
          offsets[p] = inside ? (iy * inW + ix) * inC : -1;
          any |= inside;
        }
        if (!any) {
          continue;
        }
        int row = (fy * kW + fx) * inC;
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        int o3 = offsets[3];
        int[] q = quantized;
        for (int ci = 0; ci < inC; ci++) {
          int x0 = o0 < 0 ? 0 : q[o0 + ci];
          int x1 = o1 < 0 ? 0 : q[o1 + ci];
          int x2 = o2 < 0 ? 0 : q[o2 + ci];
          int x3 = o3 < 0 ? 0 : q[o3 + ci];
          multiplyAdd(weights[row + ci], x0, x1, x2, x3);
        }
      }
    }
  }

  /** {@code acc[p][j] += x_p * w[j]} for the four pixels, sharing each weight load. */
  private void multiplyAdd(int[] w, int x0, int x1, int x2, int x3) {
    int[] a0 = acc[0];
    int[] a1 = acc[1];
    int[] a2 = acc[2];
    int[] a3 = acc[3];
    for (int j = 0; j < outC; j++) {
      int v = w[j];
      a0[j] += x0 * v;
      a1[j] += x1 * v;
      a2[j] += x2 * v;
      a3[j] += x3 * v;
    }
  }

  /** Scales one pixel's sums back to float, adds the bias and clamps, into outPixel. */
  private void finish(int[] sums, float inputScale) {
    if (path == Path.PER_TENSOR) {
      float scale = inputScale * channelScales[0];
      for (int c = 0; c < outC; c++) {
        float v = sums[c] * scale;
        outPixel[c] = activation.apply(bias == null ? v : v + bias[c]);
      }
    } else {
      for (int c = 0; c < outC; c++) {
        float v = sums[c] * (channelScales[c] * inputScale);
        outPixel[c] = activation.apply(bias == null ? v : v + bias[c]);
      }
    }
  }
}
