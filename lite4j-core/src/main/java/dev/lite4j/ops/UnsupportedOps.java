package dev.lite4j.ops;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

/**
 * Builtin operators Lite4j leaves out on purpose, each group with its reason. A model using one gets
 * an {@link dev.lite4j.UnsupportedOperatorException} naming op, version, node and output.
 */
final class UnsupportedOps {
  private UnsupportedOps() {}

  static void register(OpRegistry.Builder b) {
    // FAKE_QUANT: a training-time op the converter folds away; TF Lite's kernel is float-only emulation.
    b.unsupported(FAKE_QUANT);
    // Control flow and multi-subgraph ops: Lite4j runs the primary subgraph only.
    b.unsupported(IF, WHILE, CALL, CALL_ONCE, DELEGATE, PLACEHOLDER_FOR_GREATER_OP_CODES);
    // Custom operators have no standard semantics (e.g. TFLite_Detection_PostProcess, MediaPipe's).
    b.unsupported(CUSTOM);
    // Legacy recurrent and embedding ops the current converter no longer emits.
    b.unsupported(LSTM, RNN, UNIDIRECTIONAL_SEQUENCE_RNN, BIDIRECTIONAL_SEQUENCE_RNN,
        BIDIRECTIONAL_SEQUENCE_LSTM, EMBEDDING_LOOKUP, EMBEDDING_LOOKUP_SPARSE, HASHTABLE_LOOKUP,
        LSH_PROJECTION, CONCAT_EMBEDDINGS, SKIP_GRAM);
    // Resource variables and hash tables (stateful graphs).
    b.unsupported(VAR_HANDLE, READ_VARIABLE, ASSIGN_VARIABLE, HASHTABLE, HASHTABLE_FIND, HASHTABLE_IMPORT,
        HASHTABLE_SIZE);
    // Random number generators: no reproducible reference to match.
    b.unsupported(RANDOM_STANDARD_NORMAL, RANDOM_UNIFORM, MULTINOMIAL);
    // Complex numbers and FFT (yamnet's front end): later.
    b.unsupported(RFFT2D, IMAG, REAL, COMPLEX_ABS);
    // 3-D convolutions: later.
    b.unsupported(CONV_3D, CONV_3D_TRANSPOSE);
    // Other ops outside the float scope of the first release; candidates for a later issue.
    b.unsupported(SPARSE_TO_DENSE, ONE_HOT, REDUCE_ANY, REDUCE_ALL, UNIQUE, REVERSE_V2, ADD_N, WHERE, RANK,
        REVERSE_SEQUENCE, MATRIX_DIAG, MATRIX_SET_DIAG, NON_MAX_SUPPRESSION_V4, NON_MAX_SUPPRESSION_V5,
        SCATTER_ND, SEGMENT_SUM, BROADCAST_ARGS, BUCKETIZE, DYNAMIC_UPDATE_SLICE, UNSORTED_SEGMENT_PROD,
        UNSORTED_SEGMENT_MAX, UNSORTED_SEGMENT_SUM, UNSORTED_SEGMENT_MIN, ATAN2, SIGN, BITCAST, BITWISE_XOR,
        RIGHT_SHIFT);
  }
}
