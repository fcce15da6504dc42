package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.ReshapeOptions;

/**
 * RESHAPE: the input's bytes under a new shape, any element type. As TensorFlow Lite's reshape.cc,
 * the new shape comes from the second input when the node has two inputs and that input is an int32
 * vector, else from {@code ReshapeOptions.new_shape} (where the legacy {@code [0]} means a scalar).
 * One dimension may be -1 and is inferred. A non-constant shape tensor makes the output dynamic.
 */
public final class Reshape implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 1 || ctx.inputCount() == 2, "expects 1 or 2 inputs, has %d",
        ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    Movement.requireMovable(ctx, in);
    Movement.requireSameType(ctx, in, ctx.output(0));
    TensorBuffer shape = shapeTensor(ctx);
    if (shape != null && !shape.isConstant()) {
      ctx.setOutputDynamic(0);
      return;
    }
    ctx.setOutputShape(0, outputShape(ctx));
  }

  @Override
  public void run(OpContext ctx) {
    if (ctx.output(0).isDynamic()) {
      ctx.resizeDynamicOutput(0, outputShape(ctx));
    }
    Movement.copyAll(ctx.input(0), ctx.output(0));
  }

  /** The second input when the node has one (TensorFlow Lite counts a -1 input too). */
  private static TensorBuffer shapeTensor(OpContext ctx) {
    return ctx.inputCount() == 2 ? ctx.input(1) : null;
  }

  private static int[] outputShape(OpContext ctx) {
    TensorBuffer shape = shapeTensor(ctx);
    long[] requested;
    if (shape != null && shape.rank() == 1 && shape.type() == DataType.INT32) {
      requested = Movement.widen(IntTensors.read(ctx, shape, "shape"));
    } else {
      requested = fromOptions(ctx);
    }
    return resolve(ctx, ctx.input(0).shape(), requested);
  }

  private static long[] fromOptions(OpContext ctx) {
    ReshapeOptions o = ctx.options(new ReshapeOptions());
    int n = ctx.vectorLength(o.newShapeLength(), "new_shape");
    if (n == 1 && o.newShape(0) == 0) {
      // Legacy models wrote [0] for a scalar (reshape.cc, GetOutputShapeFromParam).
      return new long[0];
    }
    long[] dims = new long[n];
    for (int i = 0; i < n; i++) {
      dims[i] = o.newShape(i);
    }
    return dims;
  }

  /**
   * Infers the -1 dimension and checks the element count, as reshape.cc does (zero-sized inputs: the
   * inferred dimension divides out the non-zero dimensions only).
   */
  static int[] resolve(OpContext ctx, int[] inShape, long[] requested) {
    long inCount = 1;
    long inNonZero = 1;
    for (int d : inShape) {
      inCount *= d;
      if (d != 0) {
        inNonZero *= d;
      }
    }
    long outNonZero = 1;
    boolean outEmpty = false;
    int stretch = -1;
    for (int i = 0; i < requested.length; i++) {
      long v = requested[i];
      if (v == -1) {
        ctx.require(stretch == -1, "new shape %s has more than one -1", java.util.Arrays.toString(requested));
        stretch = i;
        continue;
      }
      ctx.require(v >= 0 && v <= Integer.MAX_VALUE, "new shape %s has an invalid dimension %d",
          java.util.Arrays.toString(requested), v);
      if (v == 0) {
        outEmpty = true;
      } else {
        outNonZero = Math.min(outNonZero * v, (long) Integer.MAX_VALUE + 1);
      }
    }
    long[] dims = requested.clone();
    if (stretch != -1) {
      dims[stretch] = inCount == 0 && !outEmpty ? 0 : inNonZero / outNonZero;
    }
    long outCount = 1;
    for (long d : dims) {
      outCount = Math.min(outCount * d, (long) Integer.MAX_VALUE + 1);
    }
    ctx.require(outCount == inCount, "cannot reshape %s (%d elements) to %s",
        java.util.Arrays.toString(inShape), inCount, java.util.Arrays.toString(requested));
    return OutputShapes.of(ctx, dims);
  }
}
