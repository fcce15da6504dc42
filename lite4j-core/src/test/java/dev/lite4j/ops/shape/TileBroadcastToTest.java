package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class TileBroadcastToTest {
  private static OpModel tile(Object multiples, DataType type, boolean constant) {
    OpModel m = new OpModel(BuiltinOperator.TILE);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, 2, 3, 4});
    if (constant) {
      m.constant(type, new int[] {2}, multiples);
    } else {
      m.input(type, new int[] {2}, multiples);
    }
    m.output(DataType.INT32);
    return m;
  }

  @Test
  void tilesBothDimensions() {
    OpModel m = tile(new int[] {2, 3}, DataType.INT32, true);
    m.run();
    assertArrayEquals(new int[] {4, 6}, m.shape(0));
    // numpy.tile([[1, 2], [3, 4]], (2, 3))
    assertArrayEquals(new int[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4},
        m.ints(0));
  }

  @Test
  void tilesWithNonConstantInt64Multiples() {
    OpModel m = tile(new long[] {1, 2}, DataType.INT64, false);
    m.run();
    assertArrayEquals(new int[] {2, 4}, m.shape(0));
    assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4, 3, 4}, m.ints(0));
    m.feed(1, new long[] {0, 1});
    m.run();
    assertArrayEquals(new int[] {0, 2}, m.shape(0));
  }

  @Test
  void tilesBoolsAlongOneAxis() {
    OpModel m = new OpModel(BuiltinOperator.TILE);
    m.input(DataType.BOOL, new int[] {2}, new boolean[] {true, false});
    m.constant(DataType.INT32, new int[] {1}, new int[] {2});
    m.output(DataType.BOOL);
    m.run();
    assertArrayEquals(new boolean[] {true, false, true, false}, m.bools(0));
  }

  @Test
  void rejectsAbsurdOrNegativeMultiples() {
    assertThrows(ModelFormatException.class, () -> tile(new int[] {1 << 30, 1 << 30}, DataType.INT32, true).run());
    assertThrows(ModelFormatException.class, () -> tile(new long[] {1L << 40, 1}, DataType.INT64, false).run());
    assertThrows(ModelFormatException.class, () -> tile(new int[] {-1, 1}, DataType.INT32, true).run());
    OpModel length = new OpModel(BuiltinOperator.TILE);
    length.input(new int[] {2}, 1f, 2f);
    length.constant(DataType.INT32, new int[] {2}, new int[] {1, 1});
    length.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, length::run);
  }

  private static OpModel broadcast(int[] inShape, float[] in, Object shape, int rank, boolean constant) {
    OpModel m = new OpModel(BuiltinOperator.BROADCAST_TO).version(2);
    m.input(inShape, in);
    DataType type = shape instanceof long[] ? DataType.INT64 : DataType.INT32;
    if (constant) {
      m.constant(type, new int[] {rank}, shape);
    } else {
      m.input(type, new int[] {rank}, shape);
    }
    m.output(DataType.FLOAT32);
    return m;
  }

  @Test
  void broadcastsARowAndAColumn() {
    OpModel row = broadcast(new int[] {3}, new float[] {1f, 2f, 3f}, new int[] {2, 3}, 2, true);
    row.run();
    assertArrayEquals(new int[] {2, 3}, row.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 3f, 1f, 2f, 3f}, row.floats(0), 0f);

    OpModel column = broadcast(new int[] {2, 1}, new float[] {1f, 2f}, new long[] {2, 3}, 2, false);
    column.run();
    assertArrayEquals(new float[] {1f, 1f, 1f, 2f, 2f, 2f}, column.floats(0), 0f);
  }

  @Test
  void broadcastsToRankEight() {
    OpModel m = broadcast(new int[] {2}, new float[] {1f, 2f}, new int[] {1, 1, 1, 1, 1, 1, 2, 2}, 8, true);
    m.run();
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 2, 2}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 1f, 2f}, m.floats(0), 0f);
  }

  @Test
  void rejectsIncompatibleShapes() {
    assertThrows(ModelFormatException.class,
        () -> broadcast(new int[] {3}, new float[] {1f, 2f, 3f}, new int[] {2, 2}, 2, true).run());
    assertThrows(ModelFormatException.class,
        () -> broadcast(new int[] {1, 3}, new float[] {1f, 2f, 3f}, new int[] {3}, 1, true).run());
    assertThrows(ModelFormatException.class,
        () -> broadcast(new int[] {1}, new float[] {1f}, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 9, true).run());
    assertThrows(ModelFormatException.class,
        () -> broadcast(new int[] {1}, new float[] {1f}, new int[] {1 << 16, 1 << 16}, 2, false).run());
  }
}
