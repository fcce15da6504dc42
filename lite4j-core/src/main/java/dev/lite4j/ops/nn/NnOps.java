package dev.lite4j.ops.nn;

import dev.lite4j.ops.OpRegistry;

/** Rows of the operator table for pooling, softmax, normalisations, dequantize, densify and sequence (LSTM) operators. */
public final class NnOps {
  private NnOps() {}

  public static void register(OpRegistry.Builder b) {
  }
}
