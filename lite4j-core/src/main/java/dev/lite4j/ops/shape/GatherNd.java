package dev.lite4j.ops.shape;

import dev.lite4j.kernels.ElementBytes;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * GATHER_ND: each innermost row of {@code indices} (int32/int64/int16, length nd <= params rank)
 * addresses a slice params[i0, ..., i(nd-1), :]. Output shape: indices[:-1] + params[nd:]. Any element
 * type; an index outside its dimension is a model error when the node runs (gather_nd.cc).
 */
public final class GatherNd implements Kernel {
  private int nd;
  private int slices;
  private int sliceSize;
  private int[] strides;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 2, "expects 2 inputs, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer params = Movement.input(ctx, 0, "params");
    TensorBuffer indices = Movement.input(ctx, 1, "indices");
    Movement.requireMovable(ctx, params);
    Movement.requireSameType(ctx, params, ctx.output(0));
    Indices.requireType(ctx, indices);
    int[] p = params.shape();
    int[] ix = indices.shape();
    ctx.require(p.length >= 1, "params must be at least a vector");
    ctx.require(ix.length >= 1, "indices must be at least a vector");
    nd = ix[ix.length - 1];
    ctx.require(nd <= p.length, "index depth %d is over the params rank %d", nd, p.length);
    long[] shape = new long[ix.length - 1 + p.length - nd];
    int k = 0;
    for (int i = 0; i < ix.length - 1; i++) {
      shape[k++] = ix[i];
    }
    for (int i = nd; i < p.length; i++) {
      shape[k++] = p[i];
    }
    ctx.setOutputShape(0, OutputShapes.of(ctx, shape));
    slices = Shapes.product(ix, 0, ix.length - 1);
    sliceSize = Shapes.product(p, nd, p.length);
    strides = Shapes.strides(p);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer params = ctx.input(0);
    TensorBuffer indices = ctx.input(1);
    int[] p = params.shape();
    ByteBuffer src = params.bytes();
    ByteBuffer dst = ctx.output(0).bytes();
    int size = params.type().byteSize();
    for (int s = 0; s < slices; s++) {
      int from = 0;
      for (int j = 0; j < nd; j++) {
        long index = Indices.get(indices, s * nd + j);
        if (index < 0 || index >= p[j]) {
          throw ctx.error("index " + index + " of dimension " + j + " is outside [0, " + p[j] + ")");
        }
        from += (int) index * strides[j];
      }
      ElementBytes.copy(src, from, dst, s * sliceSize, sliceSize, size);
    }
  }
}
