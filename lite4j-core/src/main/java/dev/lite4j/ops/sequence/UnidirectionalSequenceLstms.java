package dev.lite4j.ops.sequence;

import dev.lite4j.kernels.LstmCell;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.ops.TypeDispatch;
import dev.lite4j.ops.TypeDispatch.Arithmetic;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM's implementations, picked from the node's types at the first prepare:
 * float, integer (int8 input) or hybrid (float input, int8 weights).
 * A class rather than a lambda: nothing on the interpreter's start path bootstraps invokedynamic.
 */
public final class UnidirectionalSequenceLstms implements TypeDispatch.Chooser {
  private static final UnidirectionalSequenceLstms CHOOSER = new UnidirectionalSequenceLstms();

  private UnidirectionalSequenceLstms() {}

  public static Kernel create() {
    return new TypeDispatch(CHOOSER, BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM);
  }

  @Override
  public Kernel choose(int builtinCode, OpContext ctx) {
    return switch (Arithmetic.of(ctx, 0, LstmCell.INPUT_TO_OUTPUT_WEIGHTS)) {
      case INTEGER -> new UnidirectionalSequenceLstmInteger();
      case HYBRID -> new UnidirectionalSequenceLstmHybrid();
      case FLOAT -> new UnidirectionalSequenceLstm();
    };
  }
}
