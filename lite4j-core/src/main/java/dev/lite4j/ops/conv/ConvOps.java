package dev.lite4j.ops.conv;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for convolutions and matrix products. Versions are the highest that
 * TensorFlow Lite's op versioning defines; the kernels refuse, as unsupported, the data types behind
 * the versions they do not implement (quantized, hybrid, int4, sparse).
 */
public final class ConvOps {
  private ConvOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.CONV_2D, 8, Conv2D::new);
    b.add(BuiltinOperator.DEPTHWISE_CONV_2D, 7, DepthwiseConv2D::new);
    b.add(BuiltinOperator.TRANSPOSE_CONV, 5, TransposeConv::new);
    b.add(BuiltinOperator.FULLY_CONNECTED, 13, FullyConnected::new);
    b.add(BuiltinOperator.BATCH_MATMUL, 4, BatchMatMul::new);
  }
}
