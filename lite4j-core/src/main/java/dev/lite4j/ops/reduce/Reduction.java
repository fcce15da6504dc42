package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.ReducerOptions;

/**
 * What MEAN, SUM, REDUCE_PROD, REDUCE_MAX and REDUCE_MIN share: input, axis tensor and keep_dims
 * (ReducerOptions), the output shape (resolved at run time when the axis tensor is not constant), and
 * the type check: float32, int32 and int64; quantized int8/uint8/int16 paths are not implemented yet.
 */
abstract class Reduction implements Kernel {
  private boolean keepDims;
  private boolean dynamic;
  private ReduceWalk walk;

  @Override
  public final void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer axis = ctx.input(1);
    ctx.require(in != null && axis != null && ctx.outputCount() >= 1, "needs an input, an axis and an output");
    DataType type = in.type();
    switch (type) {
      case FLOAT32, INT32, INT64 -> { }
      case INT8, UINT8, INT16 -> throw ctx.unsupported("quantized " + type + " reductions are not implemented yet");
      default -> throw ctx.unsupported("type " + type + " is not supported");
    }
    ctx.require(ctx.output(0).type() == type, "output type %s differs from input type %s", ctx.output(0).type(),
        type);
    keepDims = ctx.options(new ReducerOptions()).keepDims();
    dynamic = !axis.isConstant();
    if (dynamic) {
      IntTensors.requireIndexType(ctx, axis, "axis");
      ctx.setOutputDynamic(0);
    } else {
      walk = ReduceWalk.of(ctx, in, axis, keepDims);
      ctx.setOutputShape(0, walk.outputShape);
    }
  }

  @Override
  public final void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    if (dynamic) {
      walk = ReduceWalk.of(ctx, in, ctx.input(1), keepDims);
      ctx.resizeDynamicOutput(0, walk.outputShape);
    }
    TensorBuffer out = ctx.output(0);
    switch (in.type()) {
      case FLOAT32 -> reduceFloat(in, out, walk);
      case INT32 -> reduceInt(in, out, walk);
      default -> reduceLong(in, out, walk);
    }
  }

  abstract void reduceFloat(TensorBuffer in, TensorBuffer out, ReduceWalk walk);

  abstract void reduceInt(TensorBuffer in, TensorBuffer out, ReduceWalk walk);

  abstract void reduceLong(TensorBuffer in, TensorBuffer out, ReduceWalk walk);
}
