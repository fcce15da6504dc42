package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class SelectV2Test {
  private static final boolean T = true;
  private static final boolean F = false;

  private static OpModel select(int[] condShape, boolean[] cond, DataType type, int[] xShape, Object x,
      int[] yShape, Object y) {
    OpModel m = new OpModel(BuiltinOperator.SELECT_V2);
    m.input(DataType.BOOL, condShape, cond);
    m.input(type, xShape, x);
    m.input(type, yShape, y);
    m.output(type);
    return m;
  }

  @Test
  void broadcastsAllThree() {
    // cond [2,1] picks per row; x [1,3] repeats down; y is a scalar.
    OpModel m = select(new int[] {2, 1}, new boolean[] {T, F}, DataType.FLOAT32, new int[] {1, 3},
        new float[] {1f, 2f, 3f}, new int[] {}, new float[] {0f});
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 3f, 0f, 0f, 0f}, m.floats(0), 0f);
  }

  @Test
  void conditionAlongLastDimension() {
    // cond [3] per column, x [2,1] per row, y full [2,3].
    OpModel m = select(new int[] {3}, new boolean[] {T, F, T}, DataType.INT32, new int[] {2, 1},
        new int[] {10, 20}, new int[] {2, 3}, new int[] {-1, -2, -3, -4, -5, -6});
    m.run();
    assertArrayEquals(new int[] {10, -2, 10, 20, -5, 20}, m.ints(0));
  }

  @Test
  void int64AndBoolData() {
    OpModel l = select(new int[] {2}, new boolean[] {F, T}, DataType.INT64, new int[] {1},
        new long[] {7_000_000_000L}, new int[] {2}, new long[] {1, 2});
    l.run();
    assertArrayEquals(new long[] {1, 7_000_000_000L}, l.longs(0));
    OpModel b = select(new int[] {}, new boolean[] {T}, DataType.BOOL, new int[] {2}, new boolean[] {T, F},
        new int[] {2}, new boolean[] {F, T});
    b.run();
    assertArrayEquals(new boolean[] {T, F}, b.bools(0));
  }

  @Test
  void rejectsShapesThatDoNotBroadcastAndMixedTypes() {
    assertThrows(ModelFormatException.class, () -> select(new int[] {2}, new boolean[2], DataType.FLOAT32,
        new int[] {3}, new float[3], new int[] {1}, new float[1]).run());
    OpModel mixed = new OpModel(BuiltinOperator.SELECT_V2);
    mixed.input(DataType.BOOL, new int[] {1}, new boolean[] {T});
    mixed.input(new int[] {1}, 1f);
    mixed.input(DataType.INT32, new int[] {1}, new int[] {1});
    mixed.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, mixed::run);
  }
}
