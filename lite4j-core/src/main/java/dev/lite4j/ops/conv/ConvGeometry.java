package dev.lite4j.ops.conv;

import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * The shapes of a CONV_2D or DEPTHWISE_CONV_2D node, checked and computed once at prepare and shared by
 * its float, integer and hybrid kernels: NHWC input, window options, where the kH x kW filter lands, and
 * how channels map (groups for CONV_2D, 1 for DEPTHWISE_CONV_2D, whose multiplier is outC / inC).
 */
record ConvGeometry(ConvWindow window, int inH, int inW, int inC, int outH, int outW, int outC, int kH, int kW,
    int groups, int padTop, int padLeft) {

  /**
   * Valid filter rows [fyLo[oy], fyHi[oy]) for each output row, likewise columns for each output column,
   * so that inner loops need no padding tests.
   */
  record Taps(int[] fyLo, int[] fyHi, int[] fxLo, int[] fxHi) {}

  /**
   * CONV_2D: OHWI filter. TensorFlow Lite lets the filter's input depth divide the input's (grouped
   * convolution); the hybrid kernel passes {@code grouped = false}, as TensorFlow Lite 2.6 has no grouped
   * hybrid convolution.
   */
  static ConvGeometry conv2D(OpContext ctx, boolean grouped) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    requireInputAndFilter(ctx, input, filter);
    ConvWindow window = ConvWindow.conv2D(ctx);
    int inC = input.dim(3);
    int outC = filter.dim(0);
    int kH = filter.dim(1);
    int kW = filter.dim(2);
    int groupIn = filter.dim(3);
    ctx.require(outC >= 1 && kH >= 1 && kW >= 1 && groupIn >= 1, "filter shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    if (!grouped && groupIn != inC) {
      throw ctx.unsupported("filter input channels " + groupIn + " differ from the input's " + inC
          + ": grouped hybrid convolution is not supported (TensorFlow Lite 2.6 has none)");
    }
    ctx.require(inC % groupIn == 0, "input channels %d are not a multiple of the filter's input channels %d",
        inC, groupIn);
    int groups = inC / groupIn;
    ctx.require(groups >= 1 && outC % groups == 0,
        "output channels %d are not a multiple of the %d groups (input channels %d / filter channels %d)",
        outC, groups, inC, groupIn);
    return place(ctx, window, input, filter, outC, kH, kW, groups);
  }

  /**
   * DEPTHWISE_CONV_2D: filter [1, H, W, C * multiplier]. As TensorFlow Lite 2.x does, the multiplier comes
   * from the shapes (output channels / input channels, which must divide exactly); the redundant
   * depth_multiplier option is not trusted, since converters have written inconsistent values into real models.
   */
  static ConvGeometry depthwise(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    requireInputAndFilter(ctx, input, filter);
    ConvWindow window = ConvWindow.depthwise(ctx);
    int inC = input.dim(3);
    int kH = filter.dim(1);
    int kW = filter.dim(2);
    int outC = filter.dim(3);
    ctx.require(filter.dim(0) == 1, "filter shape %s must be [1, H, W, channels]", Arrays.toString(filter.shape()));
    ctx.require(kH >= 1 && kW >= 1 && outC >= 1, "filter shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    ctx.require(inC >= 1 && outC % inC == 0, "filter channels %d are not a multiple of the input channels %d",
        outC, inC);
    return place(ctx, window, input, filter, outC, kH, kW, 1);
  }

  private static void requireInputAndFilter(OpContext ctx, TensorBuffer input, TensorBuffer filter) {
    ctx.require(input != null && filter != null, "needs an input and a filter");
    FloatOperands.requireRank(ctx, input, 4, "input");
    FloatOperands.requireRank(ctx, filter, 4, "filter");
  }

  private static ConvGeometry place(OpContext ctx, ConvWindow window, TensorBuffer input, TensorBuffer filter,
      int outC, int kH, int kW, int groups) {
    ConvWindow.Placement at = window.place(ctx, input, filter, kH, kW);
    return new ConvGeometry(window, input.dim(1), input.dim(2), input.dim(3), at.outH(), at.outW(), outC, kH, kW,
        groups, at.padTop(), at.padLeft());
  }

  /** Input channels a CONV_2D group reads (all of them for DEPTHWISE_CONV_2D, which has one group). */
  int groupIn() {
    return inC / groups;
  }

  /** Output channels a CONV_2D group writes. */
  int groupOut() {
    return outC / groups;
  }

  /** DEPTHWISE_CONV_2D: output channel {@code c * multiplier + q} reads input channel c. */
  int depthMultiplier() {
    return outC / inC;
  }

  /** Sets output 0 to [batches, outH, outW, outC]; true when it is empty (nothing to compute or pack). */
  boolean setOutputShape(OpContext ctx) {
    FloatOperands.setOutputShape(ctx, ctx.input(0).dim(0), outH, outW, outC);
    return ctx.output(0).numElements() == 0;
  }

  /** The tap ranges; call only for a non-empty output (sizes read from an empty tensor's shape may be absurd). */
  Taps taps() {
    int[] fyLo = new int[outH];
    int[] fyHi = new int[outH];
    WindowTaps.ranges(outH, window.strideH(), padTop, window.dilationH(), kH, inH, fyLo, fyHi);
    int[] fxLo = new int[outW];
    int[] fxHi = new int[outW];
    WindowTaps.ranges(outW, window.strideW(), padLeft, window.dilationW(), kW, inW, fxLo, fxHi);
    return new Taps(fyLo, fyHi, fxLo, fxHi);
  }
}
