package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Padding2D;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.TransposeConvOptions;

/**
 * TRANSPOSE_CONV on integers, as TensorFlow Lite 2.6 computes it: UINT8 (per-tensor, weight zero point),
 * INT8 (per-channel along the output channels, INT32 bias) and INT16 activations with INT8 weights (INT64
 * bias, 64-bit sums). Inputs, output shape and padding as in {@link TransposeConv}.
 *
 * <p>Every (input pixel, tap) pair adds {@code (x + off_in) * (w + off_w)} to the output pixel it lands on;
 * the int32 (int64) sums plus the bias are rescaled per output channel with TensorFlow Lite's double-rounding
 * multiplier (its transpose convolution rescales the GEMM's raw sums itself), then clamped.
 */
public final class QuantizedTransposeConv implements Kernel {
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
  private boolean wide;
  private int inputOffset;
  private int weightOffset;
  private int outZp;
  private QuantizedRange range;
  private int[] multiplier;
  private int[] shift;
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
    TensorBuffer shape = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    TensorBuffer input = ctx.input(2);
    TensorBuffer output = ctx.output(0);
    ctx.require(shape != null && filter != null && input != null, "needs output_shape, weights and input");
    FloatOperands.requireRank(ctx, input, 4, "input");
    FloatOperands.requireRank(ctx, filter, 4, "weights");
    ctx.require(shape.type() == DataType.INT32, "output_shape must be int32, is %s", shape.type());
    ctx.require(shape.rank() == 1 && shape.dim(0) == 4, "output_shape must have shape [4], has %s",
        Arrays.toString(shape.shape()));
    inputOffset = QuantizedOperands.inputOffset(ctx, input, "input");
    TransposeConvOptions o = ctx.options(new TransposeConvOptions());
    ConvWindow window = ConvWindow.check(ctx, o.strideH(), o.strideW(), 1, 1, o.padding(),
        o.fusedActivationFunction());
    strideH = window.strideH();
    strideW = window.strideW();
    padding = window.padding();
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
    weightOffset = QuantizedOperands.weightOffset(ctx, input, filter, outC, "weights", true);
    QuantizedOperands.checkBias(ctx, input, ctx.input(3), outC);
    outZp = QuantizedOperands.outputZeroPoint(ctx, input, output);
    range = QuantizedOperands.range(ctx, output, o.fusedActivationFunction());
    wide = input.type() == DataType.INT16;
    QuantizedMultiplier[] m = QuantizedOperands.multipliers(input, filter, output, outC,
        QuantizedOperands.legacyMultiplier(input.type()));
    multiplier = QuantizedOperands.multiplierInts(m);
    shift = QuantizedOperands.shiftInts(m);
    if (shape.isConstant()) {
      FloatOperands.setOutputShape(ctx, outputShape(ctx, shape, input));
    } else {
      ctx.setOutputDynamic(0);
    }
  }

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
    padTop = Padding2D.before(outH, kH, strideH, 1, Padding2D.outputSize(padding, outH, kH, strideH, 1));
    padLeft = Padding2D.before(outW, kW, strideW, 1, Padding2D.outputSize(padding, outW, kW, strideW, 1));
    return dims;
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
    int[] w = QuantizedOperands.widen(filter, weightOffset);
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
      ctx.resizeDynamicOutput(0, outputShape(ctx, shape, input));
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
    QuantizedOperands.load(input, in, inputOffset, inBytes, inShorts);
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
          if (wide) {
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
      outRow[c] = wide
          ? QuantizedOperands.requantize(accWide[c] + bias[c], multiplier[c], shift[c], outZp, range.min(), range.max())
          : QuantizedOperands.requantize(acc[c] + (int) bias[c], multiplier[c], shift[c], false, outZp, range.min(),
              range.max());
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
