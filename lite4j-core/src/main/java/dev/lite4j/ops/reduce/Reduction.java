package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.ReducerOptions;

/**
 * What MEAN, SUM, REDUCE_PROD, REDUCE_MAX and REDUCE_MIN share: input, axis tensor and keep_dims
 * (ReducerOptions), the output shape (resolved at run time when the axis tensor is not constant), and
 * the type check: float32, int32 and int64, and int8/uint8/int16 for the reductions with an integer path
 * ({@link #integers}).
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
      case INT8, UINT8, INT16 -> {
        if (!integers()) {
          throw ctx.unsupported("type " + type + " is not supported");
        }
      }
      default -> throw ctx.unsupported("type " + type + " is not supported");
    }
    ctx.require(ctx.output(0).type() == type, "output type %s differs from input type %s", ctx.output(0).type(),
        type);
    keepDims = ctx.options(new ReducerOptions()).keepDims();
    if (QuantizedTensors.isQuantizedType(type)) {
      QuantizedTensors.scale(ctx, in, "input");
      QuantizedTensors.zeroPoint(ctx, in, "input");
      QuantizedTensors.scale(ctx, ctx.output(0), "output");
      QuantizedTensors.zeroPoint(ctx, ctx.output(0), "output");
      prepareQuantized(ctx, in, ctx.output(0));
    }
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
      case INT8, UINT8, INT16 -> reduceQuantized(ctx, in, out, walk);
      case FLOAT32 -> reduceFloat(in, out, walk);
      case INT32 -> reduceInt(in, out, walk);
      default -> reduceLong(in, out, walk);
    }
  }

  /** Whether this reduction has TensorFlow Lite's int8/uint8/int16 kernel. */
  boolean integers() {
    return false;
  }

  /** Checks an integer node's quantization (scales and zero points are already read and valid). */
  void prepareQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out) {}

  void reduceQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out, ReduceWalk walk) {
    throw new IllegalStateException("no integer path");
  }

  /**
   * TF Lite's generic integer reductions (EvalLogic: SUM without rescaling, REDUCE_MAX, REDUCE_MIN) work on
   * the stored integers and require the output to share the input's scale and zero point.
   */
  static void requireSameQuantization(OpContext ctx, TensorBuffer in, TensorBuffer out) {
    ctx.require(in.quantization().scale() == out.quantization().scale()
        && in.quantization().zeroPoint() == out.quantization().zeroPoint(),
        "input '%s' (%s) and output '%s' (%s) must share scale and zero point", in.name(), in.quantization(),
        out.name(), out.quantization());
  }

  /** The sum of output {@code o}'s reduced stored integers, each minus {@code offset}, in int (TF Lite's int32). */
  static int sum(TensorBuffer in, ReduceWalk w, int o, int offset) {
    int acc = 0;
    for (int outer : w.outerOffsets) {
      int p = w.bases[o] + outer;
      for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
        acc += QuantizedTensors.get(in, p) - offset;
      }
    }
    return acc;
  }

  abstract void reduceFloat(TensorBuffer in, TensorBuffer out, ReduceWalk walk);

  abstract void reduceInt(TensorBuffer in, TensorBuffer out, ReduceWalk walk);

  abstract void reduceLong(TensorBuffer in, TensorBuffer out, ReduceWalk walk);
}
