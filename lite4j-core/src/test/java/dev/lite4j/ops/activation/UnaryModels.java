package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.testutil.OpModel;

/** One-op models for the unary operators of this family. */
final class UnaryModels {
  private UnaryModels() {}

  /** Runs {@code op} (version 1, options as given or null) on a float32 vector and returns its output. */
  static float[] runFloatWith(int op, Object options, float... values) {
    OpModel m = new OpModel(op).options(options);
    m.input(new int[] {values.length}, values);
    m.output(DataType.FLOAT32);
    m.run();
    return m.floats(0);
  }

  static float[] runFloat(int op, float... values) {
    return runFloatWith(op, null, values);
  }

  /** A model whose input is an int8 tensor quantized with scale 0.5, zero point 0. */
  static OpModel quantizedInt8(int op, int version) {
    OpModel m = new OpModel(op).version(version);
    int t = m.input(DataType.INT8, new int[] {2}, new byte[] {1, -1});
    m.builder().setQuantization(t, 0.5f, 0);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 0.5f, 0);
    return m;
  }

  /** A one-input model of {@code type} (INT16 or UINT8) with scale 0.5 and zero point 0 on both tensors. */
  static OpModel quantized(int op, int version, DataType type) {
    OpModel m = new OpModel(op).version(version);
    int t = type == DataType.INT16 ? m.input(type, new int[] {2}, new short[] {1, -1})
        : m.input(type, new int[] {2}, new byte[] {1, 2});
    m.builder().setQuantization(t, 0.5f, 0);
    int o = m.output(type);
    m.builder().setQuantization(o, 0.5f, 0);
    return m;
  }

  /** A model whose float32 input feeds an output of another type (a type mismatch). */
  static OpModel mismatchedOutput(int op) {
    OpModel m = new OpModel(op);
    m.input(new int[] {2}, 1f, 2f);
    m.output(DataType.INT32);
    return m;
  }
}
