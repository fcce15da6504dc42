package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class SliceTest {
  private static OpModel slice(Object begin, Object size, DataType indexType, boolean constant) {
    OpModel m = new OpModel(BuiltinOperator.SLICE);
    m.input(DataType.INT32, new int[] {2, 3, 2}, IntStream.range(0, 12).toArray());
    if (constant) {
      m.constant(indexType, new int[] {3}, begin);
      m.constant(indexType, new int[] {3}, size);
    } else {
      m.input(indexType, new int[] {3}, begin);
      m.input(indexType, new int[] {3}, size);
    }
    m.output(DataType.INT32);
    return m;
  }

  @Test
  void slicesABoxWithMinusOneSize() {
    OpModel m = slice(new int[] {1, 0, 1}, new int[] {1, -1, 1}, DataType.INT32, true);
    m.run();
    assertArrayEquals(new int[] {1, 3, 1}, m.shape(0));
    // numpy: arange(12).reshape(2, 3, 2)[1:2, 0:3, 1:2]
    assertArrayEquals(new int[] {7, 9, 11}, m.ints(0));
  }

  @Test
  void slicesWithInt64AndNonConstantBeginAndSize() {
    OpModel m = slice(new long[] {0, 1, 0}, new long[] {2, 2, 1}, DataType.INT64, false);
    m.run();
    assertArrayEquals(new int[] {2, 2, 1}, m.shape(0));
    assertArrayEquals(new int[] {2, 4, 8, 10}, m.ints(0));
  }

  @Test
  void slicesFloat16AsBytes() {
    OpModel m = new OpModel(BuiltinOperator.SLICE);
    m.input(DataType.FLOAT16, new int[] {3}, new short[] {0x3c00, 0x4000, 0x4200});
    m.constant(DataType.INT32, new int[] {1}, new int[] {1});
    m.constant(DataType.INT32, new int[] {1}, new int[] {2});
    m.output(DataType.FLOAT16);
    m.run();
    assertArrayEquals(new byte[] {0x00, 0x40, 0x00, 0x42}, m.bytes(0));
  }

  @Test
  void rejectsOutOfRangeBoxes() {
    assertThrows(ModelFormatException.class,
        () -> slice(new int[] {1, 0, 0}, new int[] {2, 1, 1}, DataType.INT32, true).run());
    assertThrows(ModelFormatException.class,
        () -> slice(new int[] {-1, 0, 0}, new int[] {1, 1, 1}, DataType.INT32, false).run());
    assertThrows(ModelFormatException.class,
        () -> slice(new int[] {0, 0, 0}, new int[] {1, -2, 1}, DataType.INT32, true).run());
    assertThrows(ModelFormatException.class,
        () -> slice(new float[] {0, 0, 0}, new float[] {1, 1, 1}, DataType.FLOAT32, true).run());
  }
}
