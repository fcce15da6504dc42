package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.UnpackOptions;

/**
 * UNPACK: splits the input along {@code axis} into its {@code num} slices, dropping that axis. Any
 * element type; as unpack.cc the input must not be empty and {@code num} must equal the axis size.
 */
public final class Unpack implements Kernel {
  private int outer;
  private int inner;
  private int num;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 1, "expects 1 input, has %d", ctx.inputCount());
    UnpackOptions o = ctx.options(new UnpackOptions());
    num = o.num();
    ctx.require(ctx.outputCount() == num, "num %d does not match the %d outputs", num, ctx.outputCount());
    TensorBuffer in = Movement.input(ctx, 0, "input");
    Movement.requireMovable(ctx, in);
    ctx.require(in.numElements() > 0, "input is empty");
    int[] shape = in.shape();
    int axis = IntTensors.axis(ctx, o.axis(), shape.length, "axis");
    ctx.require(shape[axis] == num, "num %d differs from dimension %d of size %d", num, axis, shape[axis]);
    int[] outShape = new int[shape.length - 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (d != axis) {
        outShape[j++] = shape[d];
      }
    }
    for (int i = 0; i < num; i++) {
      TensorBuffer out = ctx.output(i);
      Movement.requireSameType(ctx, in, out);
      if (Movement.isQuantizedType(in.type())) {
        Movement.requireSameQuantization(ctx, in, out);
      }
      ctx.setOutputShape(i, outShape);
    }
    outer = Shapes.product(shape, 0, axis);
    inner = Shapes.product(shape, axis + 1, shape.length);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int size = in.type().byteSize();
    for (int i = 0; i < num; i++) {
      Movement.copyBlocks(in.bytes(), num * inner, i * inner, ctx.output(i).bytes(), inner, 0, inner, outer, size);
    }
  }
}
