package dev.lite4j.ops.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** TOPK_V2: sorted descending, equal values lower index first. */
class TopKV2Test {
  private static OpModel topK(DataType type, int[] shape, Object in, int k) {
    OpModel m = new OpModel(BuiltinOperator.TOPK_V2);
    m.input(type, shape, in);
    m.constant(DataType.INT32, new int[] {1}, new int[] {k});
    m.output(type);
    m.output(DataType.INT32);
    m.run();
    return m;
  }

  @Test
  void floatRows() {
    OpModel m = topK(DataType.FLOAT32, new int[] {2, 2}, new float[] {-2f, 0.2f, 0.8f, 0.1f}, 2);
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new int[] {2, 2}, m.shape(1));
    assertArrayEquals(new float[] {0.2f, -2f, 0.8f, 0.1f}, m.floats(0), 0f);
    assertArrayEquals(new int[] {1, 0, 0, 1}, m.ints(1));
  }

  @Test
  void tiesComeLowerIndexFirst() {
    OpModel m = topK(DataType.FLOAT32, new int[] {5}, new float[] {1, 3, 3, 2, 3}, 4);
    assertArrayEquals(new float[] {3, 3, 3, 2}, m.floats(0), 0f);
    assertArrayEquals(new int[] {1, 2, 4, 3}, m.ints(1));
    // -0.0 and 0.0 are equal: index order, values copied as they are.
    OpModel z = topK(DataType.FLOAT32, new int[] {3}, new float[] {-0f, 0f, -1f}, 2);
    assertArrayEquals(new int[] {0, 1}, z.ints(1));
    assertArrayEquals(new int[] {Float.floatToRawIntBits(-0f), 0},
        new int[] {Float.floatToRawIntBits(z.floats(0)[0]), Float.floatToRawIntBits(z.floats(0)[1])});
  }

  @Test
  void integerTypes() {
    OpModel u = topK(DataType.UINT8, new int[] {4}, new byte[] {100, (byte) 200, 3, (byte) 250}, 2);
    assertArrayEquals(new byte[] {(byte) 250, (byte) 200}, u.bytes(0));
    assertArrayEquals(new int[] {3, 1}, u.ints(1));
    OpModel s = topK(DataType.INT8, new int[] {4}, new byte[] {100, -100, 3, 101}, 3);
    assertArrayEquals(new byte[] {101, 100, 3}, s.bytes(0));
    assertArrayEquals(new int[] {3, 0, 2}, s.ints(1));
    OpModel i = topK(DataType.INT32, new int[] {2, 3}, new int[] {5, -1, 5, 0, 9, -9}, 1);
    assertArrayEquals(new int[] {2, 1}, i.shape(0));
    assertArrayEquals(new int[] {5, 9}, i.ints(0));
    assertArrayEquals(new int[] {0, 1}, i.ints(1));
    OpModel l = topK(DataType.INT64, new int[] {3}, new long[] {(1L << 53) + 1, 1L << 53, (1L << 53) + 2}, 3);
    assertArrayEquals(new long[] {(1L << 53) + 2, (1L << 53) + 1, 1L << 53}, l.longs(0));
    assertArrayEquals(new int[] {2, 0, 1}, l.ints(1));
  }

  @Test
  void kZeroGivesEmptyOutputs() {
    OpModel m = topK(DataType.FLOAT32, new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}, 0);
    assertArrayEquals(new int[] {2, 0}, m.shape(0));
    assertArrayEquals(new int[] {2, 0}, m.shape(1));
  }

  @Test
  void runTimeKAndInt16Indices() {
    OpModel m = new OpModel(BuiltinOperator.TOPK_V2).version(3);
    m.input(new int[] {1, 4}, 4f, 1f, 3f, 2f);
    m.input(DataType.INT32, new int[] {1}, new int[] {3});
    m.output(DataType.FLOAT32);
    m.output(DataType.INT16);
    m.run();
    assertArrayEquals(new int[] {1, 3}, m.shape(0));
    assertArrayEquals(new float[] {4, 3, 2}, m.floats(0), 0f);
    assertArrayEquals(new byte[] {0, 0, 2, 0, 3, 0}, m.bytes(1));
    m.feed(1, new int[] {1});
    m.run();
    assertArrayEquals(new int[] {1, 1}, m.shape(1));
    assertArrayEquals(new float[] {4}, m.floats(0), 0f);
    m.feed(1, new int[] {5});
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsBadK() {
    assertThrows(ModelFormatException.class,
        () -> topK(DataType.FLOAT32, new int[] {3}, new float[] {1, 2, 3}, 4));
    assertThrows(ModelFormatException.class,
        () -> topK(DataType.FLOAT32, new int[] {3}, new float[] {1, 2, 3}, -1));
    OpModel two = new OpModel(BuiltinOperator.TOPK_V2);
    two.input(new int[] {3}, 1f, 2f, 3f);
    two.constant(DataType.INT32, new int[] {2}, new int[] {1, 1});
    two.output(DataType.FLOAT32);
    two.output(DataType.INT32);
    assertThrows(ModelFormatException.class, two::run);
    OpModel scalar = new OpModel(BuiltinOperator.TOPK_V2);
    scalar.input(new int[0], 1f);
    scalar.constant(DataType.INT32, new int[] {1}, new int[] {1});
    scalar.output(DataType.FLOAT32);
    scalar.output(DataType.INT32);
    assertThrows(ModelFormatException.class, scalar::run);
  }

  @Test
  void rejectsBoolInput() {
    assertThrows(UnsupportedOperatorException.class,
        () -> topK(DataType.BOOL, new int[] {2}, new boolean[] {true, false}, 1));
  }
}
