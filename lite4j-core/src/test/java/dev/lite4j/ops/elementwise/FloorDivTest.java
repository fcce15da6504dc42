package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class FloorDivTest {
  private static OpModel floorDiv(DataType type, int[] shapeA, Object a, int[] shapeB, Object b) {
    OpModel m = new OpModel(BuiltinOperator.FLOOR_DIV);
    m.input(type, shapeA, a);
    m.input(type, shapeB, b);
    m.output(type);
    return m;
  }

  @Test
  void float32RoundsDown() {
    OpModel m = floorDiv(DataType.FLOAT32, new int[] {5}, new float[] {7f, -7f, 7f, -7f, 0.75f},
        new int[] {5}, new float[] {2f, 2f, -2f, -2f, 0.25f});
    m.run();
    assertArrayEquals(new float[] {3f, -4f, -4f, 3f, 3f}, m.floats(0), 0f);
  }

  @Test
  void int32RoundsDownWithBroadcast() {
    // 5/3 = 1.67 -> 1, -5/4 = -1.25 -> -2, 9/3 = 3, -9/4 = -2.25 -> -3.
    OpModel m = floorDiv(DataType.INT32, new int[] {2, 2}, new int[] {5, -5, 9, -9},
        new int[] {2}, new int[] {3, 4});
    m.run();
    assertArrayEquals(new int[] {1, -2, 3, -3}, m.ints(0));
  }

  @Test
  void int64() {
    OpModel m = floorDiv(DataType.INT64, new int[] {2}, new long[] {-7_000_000_001L, 7_000_000_001L},
        new int[] {1}, new long[] {2L});
    m.run();
    assertArrayEquals(new long[] {-3_500_000_001L, 3_500_000_000L}, m.longs(0));
  }

  @Test
  void zeroDivisorIsAnErrorForEveryType() {
    // TF Lite checks every divisor element first, floats included.
    OpModel f = floorDiv(DataType.FLOAT32, new int[] {2}, new float[] {1f, 2f}, new int[] {2},
        new float[] {1f, -0f});
    assertThrows(ModelFormatException.class, f::run);
    OpModel i = floorDiv(DataType.INT32, new int[] {1}, new int[] {1}, new int[] {1}, new int[] {0});
    assertThrows(ModelFormatException.class, i::run);
    OpModel l = floorDiv(DataType.INT64, new int[] {1}, new long[] {1}, new int[] {1}, new long[] {0});
    assertThrows(ModelFormatException.class, l::run);
  }

  @Test
  void rejectsInt8AndBadShapes() {
    OpModel int8 = floorDiv(DataType.INT8, new int[] {1}, new byte[] {1}, new int[] {1}, new byte[] {1});
    assertThrows(UnsupportedOperatorException.class, int8::run);
    OpModel shapes = floorDiv(DataType.INT32, new int[] {2}, new int[] {1, 2}, new int[] {3},
        new int[] {1, 2, 3});
    assertThrows(ModelFormatException.class, shapes::run);
  }
}
