package dev.lite4j.ops.reduce;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for reductions, arg max/min, cumulative sum and top-k. Versions are the
 * highest TF Lite defines (tools/versioning/op_version.cc); the reductions' higher versions are their
 * quantized int8/int16 forms, which the kernels reject as not implemented yet.
 */
public final class ReduceOps {
  private ReduceOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.MEAN, 3, Mean::new);
    b.add(BuiltinOperator.SUM, 2, Sum::new);
    b.add(BuiltinOperator.REDUCE_MAX, 3, ReduceMax::new);
    b.add(BuiltinOperator.REDUCE_MIN, 3, ReduceMin::new);
    b.add(BuiltinOperator.REDUCE_PROD, 2, ReduceProd::new);
    // v2 is int8 input and v3 bool input, both handled.
    b.add(BuiltinOperator.ARG_MAX, 3, ArgMax::new);
    b.add(BuiltinOperator.ARG_MIN, 3, ArgMin::new);
    b.add(BuiltinOperator.CUMSUM, 1, Cumsum::new);
    // v2 is int8 input, v3 int16 input, k or indices, all handled.
    b.add(BuiltinOperator.TOPK_V2, 3, TopKV2::new);
  }
}
