package dev.lite4j.ops.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.CumsumOptionsT;

/** CUMSUM with every exclusive/reverse combination (TF Lite's kernel-test values). */
class CumsumTest {
  private static final float[] IN = {1, 2, 3, 4, 5, 6, 7, 8};

  private static OpModel cumsum(boolean exclusive, boolean reverse) {
    CumsumOptionsT o = new CumsumOptionsT();
    o.setExclusive(exclusive);
    o.setReverse(reverse);
    return new OpModel(BuiltinOperator.CUMSUM).options(o);
  }

  private static float[] run(boolean exclusive, boolean reverse, int axis) {
    OpModel m = cumsum(exclusive, reverse);
    m.input(new int[] {2, 4}, IN);
    m.constant(DataType.INT32, new int[] {1}, new int[] {axis});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 4}, m.shape(0));
    return m.floats(0);
  }

  @Test
  void inclusiveExclusiveReverse() {
    assertArrayEquals(new float[] {1, 3, 6, 10, 5, 11, 18, 26}, run(false, false, 1), 0f);
    assertArrayEquals(new float[] {0, 1, 3, 6, 0, 5, 11, 18}, run(true, false, 1), 0f);
    assertArrayEquals(new float[] {10, 9, 7, 4, 26, 21, 15, 8}, run(false, true, -1), 0f);
    assertArrayEquals(new float[] {9, 7, 4, 0, 21, 15, 8, 0}, run(true, true, 1), 0f);
  }

  @Test
  void firstAxis() {
    assertArrayEquals(new float[] {1, 2, 3, 4, 6, 8, 10, 12}, run(false, false, 0), 0f);
    assertArrayEquals(new float[] {1, 2, 3, 4, 6, 8, 10, 12}, run(false, false, -2), 0f);
    assertArrayEquals(new float[] {5, 6, 7, 8, 0, 0, 0, 0}, run(true, true, 0), 0f);
  }

  @Test
  void floatAccumulatesInOrder() {
    // The running sum is sequential: (1e8 + 0.3) rounds back to 1e8, so the last sum is 0, not 0.3.
    OpModel m = cumsum(false, false);
    m.input(new int[] {3}, 1e8f, 0.3f, -1e8f);
    m.constant(DataType.INT32, new int[] {1}, new int[] {0});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {1e8f, 1e8f, 0f}, m.floats(0), 0f);
  }

  @Test
  void integers() {
    OpModel m = cumsum(true, false);
    m.input(DataType.INT32, new int[] {3}, new int[] {Integer.MAX_VALUE, 1, 5});
    m.constant(DataType.INT32, new int[] {1}, new int[] {0});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {0, Integer.MAX_VALUE, Integer.MIN_VALUE}, m.ints(0));
    OpModel l = cumsum(false, true);
    l.input(DataType.INT64, new int[] {1, 3}, new long[] {1L << 40, 2, 3});
    l.input(DataType.INT32, new int[] {1}, new int[] {1});
    l.output(DataType.INT64);
    l.run();
    assertArrayEquals(new long[] {(1L << 40) + 5, 5, 3}, l.longs(0));
  }

  @Test
  void rejectsBadAxisAndType() {
    assertThrows(ModelFormatException.class, () -> run(false, false, 2));
    OpModel r = cumsum(false, false);
    r.input(new int[] {2, 4}, IN);
    r.input(DataType.INT32, new int[] {1}, new int[] {-3});
    r.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, r::run);
    OpModel two = cumsum(false, false);
    two.input(new int[] {2, 4}, IN);
    two.constant(DataType.INT32, new int[] {2}, new int[] {0, 1});
    two.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, two::run);
    OpModel b = cumsum(false, false);
    b.input(DataType.INT8, new int[] {2}, new byte[] {1, 2});
    b.constant(DataType.INT32, new int[] {1}, new int[] {0});
    b.output(DataType.INT8);
    assertThrows(UnsupportedOperatorException.class, b::run);
  }
}
