package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class FloorModTest {
  private static OpModel floorMod(DataType type, int[] shapeA, Object a, int[] shapeB, Object b) {
    OpModel m = new OpModel(BuiltinOperator.FLOOR_MOD);
    m.input(type, shapeA, a);
    m.input(type, shapeB, b);
    m.output(type);
    return m;
  }

  @Test
  void int32TakesTheDivisorsSign() {
    OpModel m = floorMod(DataType.INT32, new int[] {4}, new int[] {7, -7, 7, -7}, new int[] {4},
        new int[] {3, 3, -3, -3});
    m.run();
    assertArrayEquals(new int[] {1, 2, -2, -1}, m.ints(0));
  }

  @Test
  void int32Broadcast() {
    // 5 mod 3 = 2, -5 mod 4 = 3, 9 mod 3 = 0, -9 mod 4 = 3.
    OpModel m = floorMod(DataType.INT32, new int[] {2, 2}, new int[] {5, -5, 9, -9}, new int[] {2},
        new int[] {3, 4});
    m.run();
    assertArrayEquals(new int[] {2, 3, 0, 3}, m.ints(0));
  }

  @Test
  void float32TakesTheDivisorsSignAndZeroDivisorGivesNaN() {
    // fmod(7.5, 2) = 1.5; fmod(-7.5, 2) = -1.5 -> +2 = 0.5; fmod(7.5, -2) = 1.5 -> -2 = -0.5;
    // fmod(-7.5, -2) = -1.5; fmod(6, 3) = 0; x mod 0 = NaN (no error for floats).
    OpModel m = floorMod(DataType.FLOAT32, new int[] {6}, new float[] {7.5f, -7.5f, 7.5f, -7.5f, 6f, 1f},
        new int[] {6}, new float[] {2f, 2f, -2f, -2f, 3f, 0f});
    m.run();
    assertArrayEquals(new float[] {1.5f, 0.5f, -0.5f, -1.5f, 0f, Float.NaN}, m.floats(0), 0f);
  }

  @Test
  void int64() {
    OpModel m = floorMod(DataType.INT64, new int[] {2}, new long[] {-10_000_000_001L, 10_000_000_001L},
        new int[] {1}, new long[] {10_000_000_000L});
    m.run();
    assertArrayEquals(new long[] {9_999_999_999L, 1L}, m.longs(0));
  }

  @Test
  void integerZeroDivisorIsAnError() {
    OpModel i = floorMod(DataType.INT32, new int[] {2}, new int[] {1, 2}, new int[] {2}, new int[] {1, 0});
    assertThrows(ModelFormatException.class, i::run);
    OpModel l = floorMod(DataType.INT64, new int[] {1}, new long[] {1}, new int[] {1}, new long[] {0});
    assertThrows(ModelFormatException.class, l::run);
  }

  @Test
  void rejectsBoolAndBadShapes() {
    OpModel bool = floorMod(DataType.BOOL, new int[] {1}, new boolean[] {true}, new int[] {1},
        new boolean[] {true});
    assertThrows(UnsupportedOperatorException.class, bool::run);
    OpModel shapes = floorMod(DataType.FLOAT32, new int[] {2}, new float[] {1f, 2f}, new int[] {3},
        new float[] {1f, 2f, 3f});
    assertThrows(ModelFormatException.class, shapes::run);
  }
}
