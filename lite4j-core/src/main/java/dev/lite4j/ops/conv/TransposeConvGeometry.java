package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Padding2D;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * The options and shapes of a TRANSPOSE_CONV node, checked once at prepare and shared by its float and
 * integer kernels. Inputs: output_shape (int32 [4]), weights [O, H, W, I], input [N, h, w, I]. The
 * output size comes from the output_shape values, which may only be known when the node runs, so it
 * is read by {@link #placeOutput}, at prepare or at run.
 */
record TransposeConvGeometry(ConvWindow window, int batches, int inH, int inW, int inC, int outC, int kH, int kW) {

  static TransposeConvGeometry of(OpContext ctx) {
    TensorBuffer shape = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    TensorBuffer input = ctx.input(2);
    ctx.require(shape != null && filter != null && input != null, "needs output_shape, weights and input");
    FloatOperands.requireRank(ctx, input, 4, "input");
    FloatOperands.requireRank(ctx, filter, 4, "weights");
    ctx.require(shape.type() == DataType.INT32, "output_shape must be int32, is %s", shape.type());
    ctx.require(shape.rank() == 1 && shape.dim(0) == 4, "output_shape must have shape [4], has %s",
        Arrays.toString(shape.shape()));
    ConvWindow window = ConvWindow.transpose(ctx);
    int inC = input.dim(3);
    int outC = filter.dim(0);
    int kH = filter.dim(1);
    int kW = filter.dim(2);
    int strideH = window.strideH();
    int strideW = window.strideW();
    ctx.require(outC >= 1 && kH >= 1 && kW >= 1 && filter.dim(3) >= 1, "weights shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    ctx.require(WindowTaps.withinLimits(kH, strideH, 1) && WindowTaps.withinLimits(kW, strideW, 1),
        "weights %s with strides %d x %d are absurdly large", Arrays.toString(filter.shape()), strideH, strideW);
    ctx.require(filter.dim(3) == inC, "weights shape %s does not match the input's %d channels",
        Arrays.toString(filter.shape()), inC);
    return new TransposeConvGeometry(window, input.dim(0), input.dim(1), input.dim(2), inC, outC, kH, kW);
  }

  /**
   * Reads and checks the output_shape values: the output size, and as padding the one a (dilation 1)
   * convolution from that output size with this filter and stride would use, as TensorFlow Lite does.
   */
  ConvWindow.Placement placeOutput(OpContext ctx, TensorBuffer shape) {
    int[] dims = read(shape);
    ctx.require(dims[0] == batches && dims[3] == outC && dims[1] >= 0 && dims[2] >= 0
        && dims[1] <= WindowTaps.MAX_EXTENT && dims[2] <= WindowTaps.MAX_EXTENT,
        "output_shape %s does not fit input batch %d and %d output channels", Arrays.toString(dims),
        batches, outC);
    ctx.require(FloatOperands.fitsInt(dims), "output_shape %s has too many elements", Arrays.toString(dims));
    int outH = dims[1];
    int outW = dims[2];
    byte padding = window.padding();
    int strideH = window.strideH();
    int strideW = window.strideW();
    return new ConvWindow.Placement(outH, outW,
        Padding2D.before(outH, kH, strideH, 1, Padding2D.outputSize(padding, outH, kH, strideH, 1)),
        Padding2D.before(outW, kW, strideW, 1, Padding2D.outputSize(padding, outW, kW, strideW, 1)));
  }

  /** The output shape of a placement. */
  int[] outputShape(ConvWindow.Placement at) {
    return new int[] {batches, at.outH(), at.outW(), outC};
  }

  /**
   * Sets output 0's shape now when output_shape is constant, else marks it dynamic (the kernel sizes it
   * at run); returns the placement, null when dynamic.
   */
  ConvWindow.Placement setOutputShape(OpContext ctx) {
    TensorBuffer shape = ctx.input(0);
    if (!shape.isConstant()) {
      ctx.setOutputDynamic(0);
      return null;
    }
    ConvWindow.Placement at = placeOutput(ctx, shape);
    FloatOperands.setOutputShape(ctx, outputShape(at));
    return at;
  }

  private static int[] read(TensorBuffer shape) {
    IntBuffer s = shape.ints();
    return new int[] {s.get(0), s.get(1), s.get(2), s.get(3)};
  }
}
