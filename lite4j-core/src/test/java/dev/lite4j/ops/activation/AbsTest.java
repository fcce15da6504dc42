package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class AbsTest {
  @Test
  void float32KeepsShape() {
    OpModel m = new OpModel(BuiltinOperator.ABS);
    m.input(new int[] {2, 1, 3}, -1.5f, 0f, 2f, -0f, -1e30f, Float.NEGATIVE_INFINITY);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 1, 3}, m.shape(0));
    assertArrayEquals(new float[] {1.5f, 0f, 2f, 0f, 1e30f, Float.POSITIVE_INFINITY}, m.floats(0), 0f);
  }

  @Test
  void int32WrapsTheMinimumLikeC() {
    OpModel m = new OpModel(BuiltinOperator.ABS).version(5);
    m.input(DataType.INT32, new int[] {4}, new int[] {-7, 7, 0, Integer.MIN_VALUE});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {7, 7, 0, Integer.MIN_VALUE}, m.ints(0));
  }

  @Test
  void nonQuantizedInt16() {
    OpModel m = new OpModel(BuiltinOperator.ABS).version(4);
    m.input(DataType.INT16, new int[] {3}, new short[] {-300, 5, Short.MIN_VALUE});
    m.output(DataType.INT16);
    m.run();
    // |-32768| = 32768 in int32, narrowed back to int16: -32768.
    assertArrayEquals(new byte[] {(byte) 0x2c, 1, 5, 0, 0, (byte) 0x80}, m.bytes(0));
  }

  @Test
  void rejectsQuantizedInt8AndInt16AndInt64() {
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.ABS, 2)::run);
    OpModel q = new OpModel(BuiltinOperator.ABS).version(3);
    int in = q.input(DataType.INT16, new int[] {1}, new short[] {-4});
    q.builder().setQuantization(in, 0.5f, 0);
    int out = q.output(DataType.INT16);
    q.builder().setQuantization(out, 0.5f, 0);
    assertThrows(UnsupportedOperatorException.class, q::run);
    OpModel m = new OpModel(BuiltinOperator.ABS);
    m.input(DataType.INT64, new int[] {1}, new long[] {-1});
    m.output(DataType.INT64);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void rejectsOutputOfAnotherType() {
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.ABS)::run);
  }
}
