package dev.lite4j.ops.reduce;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpRegistry;

/**
 * Rows of the operator table for reductions, arg max/min, cumulative sum and top-k. Versions are the
 * highest TF Lite defines (tools/versioning/op_version.cc); the reductions' higher versions are their
 * quantized int8/int16 forms, which the kernels reject as not implemented yet.
 */
public final class ReduceOps implements OpRegistry.Family {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case MEAN -> row.upTo(3) ? new Mean() : null;
      case SUM -> row.upTo(2) ? new Sum() : null;
      case REDUCE_MAX -> row.upTo(3) ? new ReduceMax() : null;
      case REDUCE_MIN -> row.upTo(3) ? new ReduceMin() : null;
      case REDUCE_PROD -> row.upTo(2) ? new ReduceProd() : null;
      // v2 is int8 input and v3 bool input, both handled.
      case ARG_MAX -> row.upTo(3) ? new ArgMax() : null;
      case ARG_MIN -> row.upTo(3) ? new ArgMin() : null;
      case CUMSUM -> row.upTo(1) ? new Cumsum() : null;
      // v2 is int8 input, v3 int16 input, k or indices, all handled.
      case TOPK_V2 -> row.upTo(3) ? new TopKV2() : null;
      default -> null;
    };
  }
}
