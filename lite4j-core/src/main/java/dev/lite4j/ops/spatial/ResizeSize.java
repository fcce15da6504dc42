package dev.lite4j.ops.spatial;

import dev.lite4j.DataType;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * The size input shared by the resize ops: an int32 tensor [2] holding (new_height, new_width) for a
 * 4-D NHWC input, constant (shape known in prepare) or not (shape resolved at run time).
 */
final class ResizeSize {
  private ResizeSize() {}

  /** Checks the input (rank 4) and the size tensor. */
  static void check(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer size = ctx.input(1);
    ctx.require(in != null && size != null && ctx.outputCount() >= 1, "needs an input, a size and an output");
    ctx.require(in.rank() == 4, "input must have rank 4 (NHWC), not %d", in.rank());
    ctx.require(size.type() == DataType.INT32, "size must be int32, not %s", size.type());
    ctx.require(size.rank() == 1 && size.dim(0) == 2, "size must have shape [2], not %s",
        Arrays.toString(size.shape()));
    ctx.require(ctx.output(0).type() == in.type(), "output type %s differs from input type %s",
        ctx.output(0).type(), in.type());
  }

  /** Sets the output shape when the size is constant, else makes the output dynamic; true when dynamic. */
  static boolean shapeOutput(OpContext ctx) {
    if (ctx.input(1).isConstant()) {
      ctx.setOutputShape(0, outputShape(ctx));
      return false;
    }
    ctx.setOutputDynamic(0);
    return true;
  }

  /** At run time, sizes a dynamic output from the size values. */
  static void resizeDynamic(OpContext ctx, boolean dynamic) {
    if (dynamic) {
      ctx.resizeDynamicOutput(0, outputShape(ctx));
    }
  }

  /** The output shape [batch, new_height, new_width, depth]; sizes must be positive. */
  static int[] outputShape(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int h = ctx.input(1).ints().get(0);
    int w = ctx.input(1).ints().get(1);
    ctx.require(h > 0 && w > 0, "size must be positive, not [%d, %d]", h, w);
    int[] shape = OutputShapes.of(ctx, in.dim(0), h, w, in.dim(3));
    ctx.require(Shapes.elementCount(shape) == 0 || (in.dim(1) > 0 && in.dim(2) > 0),
        "cannot resize an input of height %d and width %d", in.dim(1), in.dim(2));
    return shape;
  }
}
