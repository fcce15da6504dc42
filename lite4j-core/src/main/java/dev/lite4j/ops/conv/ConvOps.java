package dev.lite4j.ops.conv;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.ops.TypeDispatch;
import dev.lite4j.ops.TypeDispatch.Arithmetic;

/**
 * Rows of the operator table for convolutions and matrix products. Versions are the highest that
 * TensorFlow Lite's op versioning defines. Each node picks its kernel at prepare from its types: float,
 * integer (INT8/UINT8/INT16 activations) or hybrid (float activations, INT8 weights).
 */
public final class ConvOps implements OpRegistry.Family, TypeDispatch.Chooser {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case CONV_2D -> row.upTo(8) ? new TypeDispatch(this, CONV_2D) : null;
      case DEPTHWISE_CONV_2D -> row.upTo(7) ? new TypeDispatch(this, DEPTHWISE_CONV_2D) : null;
      case TRANSPOSE_CONV -> row.upTo(5) ? new TypeDispatch(this, TRANSPOSE_CONV) : null;
      case FULLY_CONNECTED -> row.upTo(13) ? new TypeDispatch(this, FULLY_CONNECTED) : null;
      case BATCH_MATMUL -> row.upTo(4) ? new TypeDispatch(this, BATCH_MATMUL) : null;
      default -> null;
    };
  }

  @Override
  public Kernel choose(int builtinCode, OpContext ctx) {
    // TRANSPOSE_CONV's data input is input 2 (0 is the output shape, 1 the filter).
    Arithmetic arithmetic = builtinCode == TRANSPOSE_CONV ? Arithmetic.of(ctx, 2, 1) : Arithmetic.of(ctx, 0, 1);
    return switch (builtinCode) {
      case CONV_2D -> switch (arithmetic) {
        case FLOAT -> new Conv2D();
        case INTEGER -> new QuantizedConv2D();
        case HYBRID -> new HybridConv2D();
      };
      case DEPTHWISE_CONV_2D -> switch (arithmetic) {
        case FLOAT -> new DepthwiseConv2D();
        case INTEGER -> new QuantizedDepthwiseConv2D();
        case HYBRID -> new HybridDepthwiseConv2D();
      };
      case TRANSPOSE_CONV -> arithmetic == Arithmetic.INTEGER ? new QuantizedTransposeConv() : new TransposeConv();
      case FULLY_CONNECTED -> switch (arithmetic) {
        case FLOAT -> new FullyConnected();
        case INTEGER -> new QuantizedFullyConnected();
        case HYBRID -> new HybridFullyConnected();
      };
      case BATCH_MATMUL -> switch (arithmetic) {
        case FLOAT -> new BatchMatMul();
        case INTEGER -> new QuantizedBatchMatMul();
        case HYBRID -> new HybridBatchMatMul();
      };
      default -> throw new IllegalStateException("not a convolution: " + builtinCode);
    };
  }
}
