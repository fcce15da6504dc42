package dev.lite4j.ops.pool;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.Padding2D;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;

/**
 * What the three 2-D pools check and size: the checked {@code Pool2DOptions}, the NHWC input and output
 * sizes and the leading padding, as TensorFlow Lite's {@code pooling.cc} computes them (no dilation).
 */
record PoolGeometry(
    int batches, int inH, int inW, int channels, int outH, int outW,
    int filterH, int filterW, int strideH, int strideW, int padTop, int padLeft, Activation activation,
    QuantizedRange range) {

  /** Filters and strides beyond this are not a real model and would overflow the padding arithmetic. */
  private static final int MAX_WINDOW = 1 << 24;

  /**
   * Checks the node (one NHWC input of float32, or of int8, uint8 or int16 where {@code integers} allows,
   * and an output of the same type), sets output 0's shape and returns the geometry. An integer node's
   * clamp range is the output type's range cut by the fused activation ({@code range}; null for float32).
   */
  static PoolGeometry prepare(OpContext ctx, boolean integers) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    DataType type = in.type();
    boolean quantized = QuantizedTensors.isQuantizedType(type);
    if (type != DataType.FLOAT32 && !(integers && quantized)) {
      throw ctx.unsupported("type " + type + " is not supported");
    }
    TensorBuffer out = ctx.output(0);
    ctx.require(out.type() == type, "output type %s differs from input type %s", out.type(), type);
    ctx.require(in.rank() == 4, "input must be 4-D (NHWC), got %s", Arrays.toString(in.shape()));
    Pool2DOptions o = ctx.options(new Pool2DOptions());
    ctx.require(o.padding() == Padding.SAME || o.padding() == Padding.VALID, "unknown padding %d", o.padding());
    ctx.require(inRange(o.filterHeight()) && inRange(o.filterWidth()), "filter %dx%d is not positive and sane",
        o.filterHeight(), o.filterWidth());
    ctx.require(inRange(o.strideH()) && inRange(o.strideW()), "strides %dx%d are not positive and sane",
        o.strideH(), o.strideW());
    Activation act = Activation.of(o.fusedActivationFunction(), ctx);
    QuantizedRange range = null;
    if (quantized) {
      // TF Lite pools integers without rescaling (pooling.cc only debug-checks that input and output
      // share scale and zero point); the scales are read for the activation range and a clear error.
      QuantizedTensors.scale(ctx, in, "input");
      QuantizedTensors.zeroPoint(ctx, in, "input");
      QuantizedTensors.scale(ctx, out, "output");
      QuantizedTensors.zeroPoint(ctx, out, "output");
      range = QuantizedRange.forActivation(ctx, out, o.fusedActivationFunction());
    }
    int inH = in.dim(1);
    int inW = in.dim(2);
    int outH = Padding2D.outputSize(o.padding(), inH, o.filterHeight(), o.strideH(), 1);
    int outW = Padding2D.outputSize(o.padding(), inW, o.filterWidth(), o.strideW(), 1);
    ctx.setOutputShape(0, in.dim(0), outH, outW, in.dim(3));
    int padTop = Padding2D.before(inH, o.filterHeight(), o.strideH(), 1, outH);
    int padLeft = Padding2D.before(inW, o.filterWidth(), o.strideW(), 1, outW);
    return new PoolGeometry(in.dim(0), inH, inW, in.dim(3), outH, outW, o.filterHeight(), o.filterWidth(),
        o.strideH(), o.strideW(), padTop, padLeft, act, range);
  }

  private static boolean inRange(int v) {
    return v >= 1 && v <= MAX_WINDOW;
  }

  /** First input row of the window of output row {@code oy} (may be negative: padding). */
  int originY(int oy) {
    return oy * strideH - padTop;
  }

  int originX(int ox) {
    return ox * strideW - padLeft;
  }

  /** Window rows [start, end) that fall inside the input, relative to the origin. */
  int startY(int originY) {
    return Math.max(0, -originY);
  }

  int endY(int originY) {
    return Math.min(filterH, inH - originY);
  }

  int startX(int originX) {
    return Math.max(0, -originX);
  }

  int endX(int originX) {
    return Math.min(filterW, inW - originX);
  }

  /** Flat NHWC index of input element (b, y, x, 0). */
  int inputIndex(int b, int y, int x) {
    return ((b * inH + y) * inW + x) * channels;
  }

  int outputIndex(int b, int oy, int ox) {
    return ((b * outH + oy) * outW + ox) * channels;
  }
}
