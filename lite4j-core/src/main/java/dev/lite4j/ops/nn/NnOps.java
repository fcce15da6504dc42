package dev.lite4j.ops.nn;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.ops.TypeDispatch;
import dev.lite4j.ops.normalization.L2Normalization;
import dev.lite4j.ops.normalization.LocalResponseNormalization;
import dev.lite4j.ops.pool.AveragePool2D;
import dev.lite4j.ops.pool.L2Pool2D;
import dev.lite4j.ops.pool.MaxPool2D;
import dev.lite4j.ops.sequence.Svdf;
import dev.lite4j.ops.sequence.UnidirectionalSequenceLstms;

/**
 * Rows of the operator table for pooling, softmax, normalisations, dequantize, densify and sequence (LSTM, SVDF)
 * operators. Versions are TensorFlow Lite's register.cc maxima; integer inputs go to the integer kernels
 * (SOFTMAX and LOG_SOFTMAX choose theirs at prepare), and kernels refuse the type pairs TF Lite 2.6 refuses.
 */
public final class NnOps implements OpRegistry.Family, TypeDispatch.Chooser {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case AVERAGE_POOL_2D -> row.upTo(3) ? new AveragePool2D() : null;
      case MAX_POOL_2D -> row.upTo(3) ? new MaxPool2D() : null;
      case L2_POOL_2D -> row.upTo(1) ? new L2Pool2D() : null;
      case SOFTMAX -> row.upTo(3) ? new TypeDispatch(this, SOFTMAX) : null;
      case LOG_SOFTMAX -> row.upTo(2) ? new TypeDispatch(this, LOG_SOFTMAX) : null;
      case L2_NORMALIZATION -> row.upTo(2) ? new L2Normalization() : null;
      case LOCAL_RESPONSE_NORMALIZATION -> row.upTo(1) ? new LocalResponseNormalization() : null;
      case DEQUANTIZE -> row.upTo(6) ? new Dequantize() : null;
      case QUANTIZE -> row.upTo(2) ? new Quantize() : null;
      case DENSIFY -> row.upTo(1) ? new Densify() : null;
      case UNIDIRECTIONAL_SEQUENCE_LSTM -> row.upTo(4) ? UnidirectionalSequenceLstms.create() : null;
      case SVDF -> row.upTo(4) ? new Svdf() : null;
      default -> null;
    };
  }

  /** SOFTMAX and LOG_SOFTMAX: the float kernel, or the integer one for int8, uint8 and int16 inputs. */
  @Override
  public Kernel choose(int builtinCode, OpContext ctx) {
    boolean integer = ctx.inputCount() > 0 && ctx.input(0) != null
        && QuantizedTensors.isQuantizedType(ctx.input(0).type());
    return switch (builtinCode) {
      case SOFTMAX -> integer ? new QuantizedSoftmax() : new Softmax();
      case LOG_SOFTMAX -> integer ? new QuantizedLogSoftmax() : new LogSoftmax();
      default -> throw new IllegalStateException("not a softmax: " + builtinCode);
    };
  }
}
