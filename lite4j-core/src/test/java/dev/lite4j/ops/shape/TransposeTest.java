package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class TransposeTest {
  @Test
  void transposesAMatrix() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE);
    m.input(new int[] {2, 3}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.constant(DataType.INT32, new int[] {2}, new int[] {1, 0});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3, 2}, m.shape(0));
    assertArrayEquals(new float[] {1f, 4f, 2f, 5f, 3f, 6f}, m.floats(0), 0f);
  }

  @Test
  void permutesThreeDimensionsOfInt8WithInt64Perm() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE);
    byte[] in = new byte[24];
    for (int i = 0; i < 24; i++) {
      in[i] = (byte) i;
    }
    m.input(DataType.INT8, new int[] {2, 3, 4}, in);
    m.constant(DataType.INT64, new int[] {3}, new long[] {2, 0, 1});
    m.output(DataType.INT8);
    m.run();
    assertArrayEquals(new int[] {4, 2, 3}, m.shape(0));
    // numpy: arange(24).reshape(2, 3, 4).transpose(2, 0, 1)
    assertArrayEquals(new byte[] {0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15,
        19, 23}, m.bytes(0));
  }

  @Test
  void reversesSixDimensionsWithANonConstantPerm() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE);
    m.input(DataType.INT32, new int[] {1, 2, 2, 2, 2, 4}, IntStream.range(0, 64).toArray());
    m.input(DataType.INT32, new int[] {6}, new int[] {5, 4, 3, 2, 1, 0});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {4, 2, 2, 2, 2, 1}, m.shape(0));
    // numpy: arange(64).reshape(1, 2, 2, 2, 2, 4).transpose(5, 4, 3, 2, 1, 0)
    assertArrayEquals(new int[] {0, 32, 16, 48, 8, 40, 24, 56, 4, 36, 20, 52, 12, 44, 28, 60, 1, 33, 17, 49, 9,
        41, 25, 57, 5, 37, 21, 53, 13, 45, 29, 61, 2, 34, 18, 50, 10, 42, 26, 58, 6, 38, 22, 54, 14, 46, 30, 62,
        3, 35, 19, 51, 11, 43, 27, 59, 7, 39, 23, 55, 15, 47, 31, 63}, m.ints(0));
  }

  @Test
  void rejectsBadPermutations() {
    OpModel dup = new OpModel(BuiltinOperator.TRANSPOSE);
    dup.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    dup.constant(DataType.INT32, new int[] {2}, new int[] {0, 0});
    dup.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, dup::run);

    OpModel range = new OpModel(BuiltinOperator.TRANSPOSE);
    range.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    range.input(DataType.INT32, new int[] {2}, new int[] {0, 2});
    range.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, range::run);

    OpModel length = new OpModel(BuiltinOperator.TRANSPOSE);
    length.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    length.constant(DataType.INT32, new int[] {3}, new int[] {0, 1, 2});
    length.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, length::run);

    OpModel rank7 = new OpModel(BuiltinOperator.TRANSPOSE);
    rank7.input(new int[] {1, 1, 1, 1, 1, 1, 1}, 1f);
    rank7.constant(DataType.INT32, new int[] {7}, new int[] {0, 1, 2, 3, 4, 5, 6});
    rank7.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, rank7::run);
  }

  @Test
  void transposesInt16AndBool() {
    // [[1 2 3] [4 5 6]]^T = [[1 4] [2 5] [3 6]]; INT16 read back as little-endian bytes.
    OpModel s = new OpModel(BuiltinOperator.TRANSPOSE);
    s.input(DataType.INT16, new int[] {2, 3}, new short[] {1, 2, 3, 4, 5, 6});
    s.constant(DataType.INT32, new int[] {2}, new int[] {1, 0});
    s.output(DataType.INT16);
    s.run();
    assertArrayEquals(new int[] {3, 2}, s.shape(0));
    assertArrayEquals(new byte[] {1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6, 0}, s.bytes(0));

    OpModel b = new OpModel(BuiltinOperator.TRANSPOSE);
    b.input(DataType.BOOL, new int[] {2, 3}, new boolean[] {true, true, false, false, true, true});
    b.constant(DataType.INT32, new int[] {2}, new int[] {1, 0});
    b.output(DataType.BOOL);
    b.run();
    assertArrayEquals(new boolean[] {true, false, true, true, false, true}, b.bools(0));
  }
}
