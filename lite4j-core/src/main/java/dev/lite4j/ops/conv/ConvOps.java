package dev.lite4j.ops.conv;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpRegistry;

/**
 * Rows of the operator table for convolutions and matrix products. Versions are the highest that
 * TensorFlow Lite's op versioning defines; the kernels refuse, as unsupported, the data types behind
 * the versions they do not implement (quantized, hybrid, int4, sparse).
 */
public final class ConvOps implements OpRegistry.Family {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case CONV_2D -> row.upTo(8) ? new Conv2D() : null;
      case DEPTHWISE_CONV_2D -> row.upTo(7) ? new DepthwiseConv2D() : null;
      case TRANSPOSE_CONV -> row.upTo(5) ? new TransposeConv() : null;
      case FULLY_CONNECTED -> row.upTo(13) ? new FullyConnected() : null;
      case BATCH_MATMUL -> row.upTo(4) ? new BatchMatMul() : null;
      default -> null;
    };
  }
}
