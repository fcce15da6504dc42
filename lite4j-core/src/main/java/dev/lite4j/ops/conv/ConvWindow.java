package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.Padding2D;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.TransposeConvOptions;

/**
 * The window options all convolution kernels share (strides, dilation, padding, fused activation),
 * checked once for all of them; each schema has its own options table, read by {@link #conv2D},
 * {@link #depthwise} and {@link #transpose}.
 */
record ConvWindow(int strideH, int strideW, int dilationH, int dilationW, byte padding, byte fusedActivation,
    Activation activation) {

  /** Output size and leading padding of a window sliding over the input. */
  record Placement(int outH, int outW, int padTop, int padLeft) {}

  /** Checks the options (TRANSPOSE_CONV, which has no dilation, passes 1 and 1). */
  static ConvWindow check(OpContext ctx, int strideH, int strideW, int dilationH, int dilationW, byte padding,
      byte fusedActivation) {
    ctx.require(strideH >= 1 && strideW >= 1, "strides must be positive, are %d x %d", strideH, strideW);
    ctx.require(dilationH >= 1 && dilationW >= 1, "dilation factors must be positive, are %d x %d",
        dilationH, dilationW);
    ctx.require(padding == Padding.SAME || padding == Padding.VALID, "unknown padding %d", padding);
    Activation activation = Activation.of(fusedActivation, ctx);
    return new ConvWindow(strideH, strideW, dilationH, dilationW, padding, fusedActivation, activation);
  }

  /** CONV_2D's window options, checked. */
  static ConvWindow conv2D(OpContext ctx) {
    Conv2DOptions o = ctx.options(new Conv2DOptions());
    return check(ctx, o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(), o.padding(),
        o.fusedActivationFunction());
  }

  /** DEPTHWISE_CONV_2D's window options, checked (its depth_multiplier option is not trusted: see ConvGeometry). */
  static ConvWindow depthwise(OpContext ctx) {
    DepthwiseConv2DOptions o = ctx.options(new DepthwiseConv2DOptions());
    return check(ctx, o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(), o.padding(),
        o.fusedActivationFunction());
  }

  /** TRANSPOSE_CONV's window options, checked; the schema has no dilation. */
  static ConvWindow transpose(OpContext ctx) {
    TransposeConvOptions o = ctx.options(new TransposeConvOptions());
    return check(ctx, o.strideH(), o.strideW(), 1, 1, o.padding(), o.fusedActivationFunction());
  }

  /**
   * Where a kH x kW filter (CONV_2D, DEPTHWISE_CONV_2D) lands on the NHWC input: checks that the
   * window arithmetic cannot overflow and that a VALID window fits the input.
   */
  Placement place(OpContext ctx, TensorBuffer input, TensorBuffer filter, int kH, int kW) {
    int inH = input.dim(1);
    int inW = input.dim(2);
    ctx.require(WindowTaps.withinLimits(kH, strideH, dilationH) && WindowTaps.withinLimits(kW, strideW, dilationW),
        "filter %s with strides %d x %d and dilation %d x %d is absurdly large", Arrays.toString(filter.shape()),
        strideH, strideW, dilationH, dilationW);
    int outH = Padding2D.outputSize(padding, inH, kH, strideH, dilationH);
    int outW = Padding2D.outputSize(padding, inW, kW, strideW, dilationW);
    ctx.require(outH >= 0 && outW >= 0, "input %s is smaller than the dilated filter %s (VALID padding)",
        Arrays.toString(input.shape()), Arrays.toString(filter.shape()));
    return new Placement(outH, outW, Padding2D.before(inH, kH, strideH, dilationH, outH),
        Padding2D.before(inW, kW, strideW, dilationW, outW));
  }
}
