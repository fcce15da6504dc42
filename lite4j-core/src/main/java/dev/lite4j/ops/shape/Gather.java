package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.GatherOptions;

/**
 * GATHER: picks slices of {@code params} along {@code axis} at the positions in {@code indices}
 * (int32/int64/int16), the first {@code batch_dims} dimensions of both being batch dimensions (gather.cc).
 * Output shape: params[:axis] + indices[batch_dims:] + params[axis+1:]. Any element type; an index
 * outside the axis is a model error when the node runs.
 */
public final class Gather implements Kernel {
  private int batch;
  private int outerPerBatch;
  private int axisSize;
  private int inner;
  private int coords;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer params = Movement.input(ctx, 0, "params");
    TensorBuffer indices = Movement.input(ctx, 1, "indices");
    Movement.requireMovable(ctx, params);
    Movement.requireSameType(ctx, params, ctx.output(0));
    Indices.requireType(ctx, indices);
    GatherOptions o = ctx.options(new GatherOptions());
    int[] p = params.shape();
    int[] ix = indices.shape();
    int axis = IntTensors.axis(ctx, o.axis(), p.length, "axis");
    long batchDims = o.batchDims() < 0 ? (long) o.batchDims() + ix.length : o.batchDims();
    ctx.require(batchDims >= 0 && batchDims <= axis && batchDims < p.length && batchDims <= ix.length,
        "batch_dims %d is out of range (axis %d, params rank %d, indices rank %d)", o.batchDims(), axis,
        p.length, ix.length);
    int bd = (int) batchDims;
    for (int i = 0; i < bd; i++) {
      ctx.require(p[i] == ix[i], "batch dimension %d differs: params %s, indices %s", i, Arrays.toString(p),
          Arrays.toString(ix));
    }
    long[] shape = new long[p.length + ix.length - 1 - bd];
    int k = 0;
    for (int i = 0; i < axis; i++) {
      shape[k++] = p[i];
    }
    for (int i = bd; i < ix.length; i++) {
      shape[k++] = ix[i];
    }
    for (int i = axis + 1; i < p.length; i++) {
      shape[k++] = p[i];
    }
    ctx.setOutputShape(0, OutputShapes.of(ctx, shape));
    batch = Shapes.product(p, 0, bd);
    outerPerBatch = Shapes.product(p, bd, axis);
    axisSize = p[axis];
    inner = Shapes.product(p, axis + 1, p.length);
    coords = Shapes.product(ix, bd, ix.length);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer params = ctx.input(0);
    TensorBuffer indices = ctx.input(1);
    ByteBuffer src = params.bytes();
    ByteBuffer dst = ctx.output(0).bytes();
    int size = params.type().byteSize();
    int to = 0;
    for (int b = 0; b < batch; b++) {
      for (int o = 0; o < outerPerBatch; o++) {
        int slab = (b * outerPerBatch + o) * axisSize;
        for (int i = 0; i < coords; i++) {
          long index = Indices.get(indices, b * coords + i);
          if (index < 0 || index >= axisSize) {
            throw ctx.error("index " + index + " is outside [0, " + axisSize + ")");
          }
          dev.lite4j.kernels.ElementBytes.copy(src, (slab + (int) index) * inner, dst, to, inner, size);
          to += inner;
        }
      }
    }
  }
}
