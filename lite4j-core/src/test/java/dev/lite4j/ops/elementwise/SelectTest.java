package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** SELECT (v1 shape rules). */
class SelectTest {
  private static final boolean T = true;
  private static final boolean F = false;

  private static OpModel select(int[] condShape, boolean[] cond, DataType type, int[] xShape, Object x,
      int[] yShape, Object y) {
    OpModel m = new OpModel(BuiltinOperator.SELECT);
    m.input(DataType.BOOL, condShape, cond);
    m.input(type, xShape, x);
    m.input(type, yShape, y);
    m.output(type);
    return m;
  }

  @Test
  void elementwiseFloat() {
    OpModel m = select(new int[] {3}, new boolean[] {T, F, T}, DataType.FLOAT32, new int[] {3},
        new float[] {1f, 2f, 3f}, new int[] {3}, new float[] {-1f, -2f, -3f});
    m.run();
    assertArrayEquals(new float[] {1f, -2f, 3f}, m.floats(0), 0f);
  }

  @Test
  void rankOneConditionPicksRows() {
    int[] s = {2, 3};
    OpModel m = select(new int[] {2}, new boolean[] {F, T}, DataType.INT32, s, new int[] {1, 2, 3, 4, 5, 6},
        s, new int[] {-1, -2, -3, -4, -5, -6});
    m.run();
    assertArrayEquals(s, m.shape(0));
    assertArrayEquals(new int[] {-1, -2, -3, 4, 5, 6}, m.ints(0));
  }

  @Test
  void scalarConditionPicksAWholeTensor() {
    int[] s = {2, 2};
    OpModel m = select(new int[] {}, new boolean[] {F}, DataType.INT64, s, new long[] {1, 2, 3, 4}, s,
        new long[] {5_000_000_000L, 6, 7, 8});
    m.run();
    assertArrayEquals(new long[] {5_000_000_000L, 6, 7, 8}, m.longs(0));
  }

  @Test
  void movesBytesOfEveryType() {
    int[] s = {2};
    boolean[] c = {T, F};
    OpModel i8 = select(s, c, DataType.INT8, s, new byte[] {-1, -2}, s, new byte[] {3, 4});
    i8.run();
    assertArrayEquals(new byte[] {-1, 4}, i8.bytes(0));
    OpModel u8 = select(s, c, DataType.UINT8, s, new byte[] {(byte) 200, 1}, s, new byte[] {2, (byte) 255});
    u8.run();
    assertArrayEquals(new byte[] {(byte) 200, (byte) 255}, u8.bytes(0));
    OpModel bool = select(s, c, DataType.BOOL, s, new boolean[] {F, F}, s, new boolean[] {T, T});
    bool.run();
    assertArrayEquals(new boolean[] {F, T}, bool.bools(0));
  }

  @Test
  void rejectsBadShapesAndTypes() {
    // Rank 1 condition must match x's first dimension; nothing broadcasts beyond that in v1.
    assertThrows(ModelFormatException.class, () -> select(new int[] {3}, new boolean[3], DataType.FLOAT32,
        new int[] {2, 3}, new float[6], new int[] {2, 3}, new float[6]).run());
    assertThrows(ModelFormatException.class, () -> select(new int[] {1, 3}, new boolean[3], DataType.FLOAT32,
        new int[] {2, 3}, new float[6], new int[] {2, 3}, new float[6]).run());
    assertThrows(ModelFormatException.class, () -> select(new int[] {2}, new boolean[2], DataType.FLOAT32,
        new int[] {2, 3}, new float[6], new int[] {1, 3}, new float[3]).run());
    // The condition must be BOOL.
    OpModel floatCond = new OpModel(BuiltinOperator.SELECT);
    floatCond.input(new int[] {1}, 1f);
    floatCond.input(new int[] {1}, 1f);
    floatCond.input(new int[] {1}, 2f);
    floatCond.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, floatCond::run);
    // FLOAT16 data is not a type TF Lite selects.
    OpModel half = new OpModel(BuiltinOperator.SELECT);
    half.input(DataType.BOOL, new int[] {1}, new boolean[] {T});
    half.constant(DataType.FLOAT16, new int[] {1}, new float[] {1f});
    half.constant(DataType.FLOAT16, new int[] {1}, new float[] {2f});
    half.output(DataType.FLOAT16);
    assertThrows(UnsupportedOperatorException.class, half::run);
  }
}
