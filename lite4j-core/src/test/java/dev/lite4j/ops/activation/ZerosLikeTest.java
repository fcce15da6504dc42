package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class ZerosLikeTest {
  @Test
  void float32KeepsShape() {
    OpModel m = new OpModel(BuiltinOperator.ZEROS_LIKE);
    m.input(new int[] {3, 1}, 1f, Float.NaN, -2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3, 1}, m.shape(0));
    assertArrayEquals(new float[] {0f, 0f, 0f}, m.floats(0), 0f);
  }

  @Test
  void int32AndInt64() {
    OpModel m = new OpModel(BuiltinOperator.ZEROS_LIKE);
    m.input(DataType.INT32, new int[] {3}, new int[] {1, -1, 7});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {0, 0, 0}, m.ints(0));

    OpModel l = new OpModel(BuiltinOperator.ZEROS_LIKE);
    l.input(DataType.INT64, new int[] {2}, new long[] {Long.MAX_VALUE, -1});
    l.output(DataType.INT64);
    l.run();
    assertArrayEquals(new long[] {0, 0}, l.longs(0));
  }

  @Test
  void rejectsBoolAndMismatchedOutput() {
    OpModel m = new OpModel(BuiltinOperator.ZEROS_LIKE);
    m.input(DataType.BOOL, new int[] {1}, new boolean[] {true});
    m.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, m::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.ZEROS_LIKE)::run);
  }
}
