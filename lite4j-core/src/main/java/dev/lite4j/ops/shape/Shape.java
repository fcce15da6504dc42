package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.ShapeOptions;
import org.tensorflow.lite.schema.TensorType;

/**
 * SHAPE: the input's dimensions as an int32 or int64 vector ({@code out_type}). The input's shape is
 * known at prepare, so the output never is dynamic; its values are written when the node runs.
 */
public final class Shape implements Kernel {
  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 1, "expects 1 input, has %d", ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer in = Movement.input(ctx, 0, "input");
    DataType type = ctx.output(0).type();
    if (type != DataType.INT32 && type != DataType.INT64) {
      throw ctx.unsupported("output type " + type + " is not supported (int32 or int64)");
    }
    // Without options the output tensor's own type decides; with them, out_type must agree with it.
    if (ctx.op().optionsType() != 0) {
      byte outType = ctx.options(new ShapeOptions()).outType();
      ctx.require(outType == (type == DataType.INT32 ? TensorType.INT32 : TensorType.INT64),
          "out_type %d differs from the output tensor type %s", outType, type);
    }
    ctx.setOutputShape(0, in.rank());
  }

  @Override
  public void run(OpContext ctx) {
    int[] shape = ctx.input(0).shape();
    TensorBuffer out = ctx.output(0);
    for (int i = 0; i < shape.length; i++) {
      if (out.type() == DataType.INT32) {
        out.ints().put(i, shape[i]);
      } else {
        out.longs().put(i, shape[i]);
      }
    }
  }
}
