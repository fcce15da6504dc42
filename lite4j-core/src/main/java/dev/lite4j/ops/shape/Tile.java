package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * TILE: repeats the input {@code multiples[d]} times along each dimension d (multiples: an int32/int64
 * vector of one entry per dimension, each >= 0). Any element type; non-constant multiples make the
 * output dynamic. The output is the input seen as [1, d0, 1, d1, ...] broadcast to
 * [m0, d0, m1, d1, ...], which is one strided walk.
 */
public final class Tile extends StridedCopy {
  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer[] inputs = checkInputs(ctx, "input", "multiples");
    TensorBuffer in = inputs[0];
    TensorBuffer multiples = inputs[1];
    IntTensors.requireIndexType(ctx, multiples, "multiples");
    ctx.require(multiples.rank() == 1 && multiples.dim(0) == in.rank(),
        "multiples shape %s does not match input rank %d", Arrays.toString(multiples.shape()), in.rank());
    counter = new int[2 * in.rank()];
    shapeOutput(ctx, multiples.isConstant());
  }

  @Override
  int[] plan(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int rank = in.rank();
    int[] multiples = IntTensors.read(ctx, ctx.input(1), "multiples");
    long[] out = new long[rank];
    int[] strides = Shapes.strides(in.shape());
    count = new int[2 * rank];
    step = new int[2 * rank];
    for (int d = 0; d < rank; d++) {
      long m = multiples[d];
      ctx.require(m >= 0 && m <= Integer.MAX_VALUE, "multiple %d of dimension %d is out of range", m, d);
      out[d] = m * in.dim(d);
    }
    int[] shape = OutputShapes.of(ctx, out);
    for (int d = 0; d < rank; d++) {
      count[2 * d] = (int) multiples[d];
      count[2 * d + 1] = in.dim(d);
      step[2 * d + 1] = strides[d];
    }
    return shape;
  }
}
