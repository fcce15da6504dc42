package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class NegTest {
  @Test
  void float32() {
    assertArrayEquals(new float[] {1.5f, -0f, -2f, 0f},
        UnaryModels.runFloat(BuiltinOperator.NEG, -1.5f, 0f, 2f, -0f), 0f);
  }

  @Test
  void int32AndInt64() {
    OpModel m = new OpModel(BuiltinOperator.NEG);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, -2, 0, Integer.MIN_VALUE});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new int[] {-1, 2, 0, Integer.MIN_VALUE}, m.ints(0));

    OpModel l = new OpModel(BuiltinOperator.NEG);
    l.input(DataType.INT64, new int[] {3}, new long[] {5_000_000_000L, -3, Long.MIN_VALUE});
    l.output(DataType.INT64);
    l.run();
    assertArrayEquals(new long[] {-5_000_000_000L, 3, Long.MIN_VALUE}, l.longs(0));
  }

  @Test
  void rejectsBoolAndMismatchedOutput() {
    OpModel m = new OpModel(BuiltinOperator.NEG);
    m.input(DataType.BOOL, new int[] {1}, new boolean[] {true});
    m.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, m::run);
    assertThrows(ModelFormatException.class, UnaryModels.mismatchedOutput(BuiltinOperator.NEG)::run);
  }
}
