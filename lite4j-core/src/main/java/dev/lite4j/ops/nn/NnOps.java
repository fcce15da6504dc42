package dev.lite4j.ops.nn;

import dev.lite4j.ops.OpRegistry;
import dev.lite4j.ops.normalization.L2Normalization;
import dev.lite4j.ops.normalization.LocalResponseNormalization;
import dev.lite4j.ops.pool.AveragePool2D;
import dev.lite4j.ops.pool.L2Pool2D;
import dev.lite4j.ops.pool.MaxPool2D;
import dev.lite4j.ops.sequence.UnidirectionalSequenceLstm;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for pooling, softmax, normalisations, dequantize, densify and sequence (LSTM)
 * operators. Versions are TensorFlow Lite's register.cc maxima; kernels refuse the quantized variants of
 * those versions they do not implement yet.
 */
public final class NnOps {
  private NnOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.AVERAGE_POOL_2D, 3, AveragePool2D::new);
    b.add(BuiltinOperator.MAX_POOL_2D, 3, MaxPool2D::new);
    b.add(BuiltinOperator.L2_POOL_2D, 1, L2Pool2D::new);
    b.add(BuiltinOperator.SOFTMAX, 3, Softmax::new);
    b.add(BuiltinOperator.LOG_SOFTMAX, 2, LogSoftmax::new);
    b.add(BuiltinOperator.L2_NORMALIZATION, 2, L2Normalization::new);
    b.add(BuiltinOperator.LOCAL_RESPONSE_NORMALIZATION, 1, LocalResponseNormalization::new);
    b.add(BuiltinOperator.DEQUANTIZE, 6, Dequantize::new);
    b.add(BuiltinOperator.DENSIFY, 1, Densify::new);
    b.add(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, 4, UnidirectionalSequenceLstm::new);
  }
}
