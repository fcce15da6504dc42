package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** MAXIMUM and MINIMUM: the same kernel shape with the comparison reversed. */
class MaximumMinimumTest {
  private static OpModel run(int op, DataType type, int[] shapeA, Object a, int[] shapeB, Object b) {
    OpModel m = new OpModel(op);
    m.input(type, shapeA, a);
    m.input(type, shapeB, b);
    m.output(type);
    m.run();
    return m;
  }

  @Test
  void floatNaNFollowsTfLiteTernary() {
    // max = a > b ? a : b, min = a < b ? a : b: a NaN in b is kept, a NaN in a is dropped.
    float[] a = {1f, Float.NaN, 2f, 5f};
    float[] b = {Float.NaN, 3f, 2f, -1f};
    assertArrayEquals(new float[] {Float.NaN, 3f, 2f, 5f},
        run(BuiltinOperator.MAXIMUM, DataType.FLOAT32, new int[] {4}, a, new int[] {4}, b).floats(0), 0f);
    assertArrayEquals(new float[] {Float.NaN, 3f, 2f, -1f},
        run(BuiltinOperator.MINIMUM, DataType.FLOAT32, new int[] {4}, a, new int[] {4}, b).floats(0), 0f);
  }

  @Test
  void int32Broadcast() {
    int[] a = {1, 5, -3, 8};
    int[] b = {2, 4};
    OpModel max = run(BuiltinOperator.MAXIMUM, DataType.INT32, new int[] {2, 2}, a, new int[] {2}, b);
    assertArrayEquals(new int[] {2, 2}, max.shape(0));
    assertArrayEquals(new int[] {2, 5, 2, 8}, max.ints(0));
    assertArrayEquals(new int[] {1, 4, -3, 4},
        run(BuiltinOperator.MINIMUM, DataType.INT32, new int[] {2, 2}, a, new int[] {2}, b).ints(0));
  }

  @Test
  void int64() {
    long[] a = {5_000_000_000L, -1L};
    long[] b = {0L};
    assertArrayEquals(new long[] {5_000_000_000L, 0L},
        run(BuiltinOperator.MAXIMUM, DataType.INT64, new int[] {2}, a, new int[] {1}, b).longs(0));
    assertArrayEquals(new long[] {0L, -1L},
        run(BuiltinOperator.MINIMUM, DataType.INT64, new int[] {2}, a, new int[] {1}, b).longs(0));
  }

  @Test
  void int8AndUint8CompareRawValuesWithTheirSign() {
    byte[] a = {-128, 5, 100};
    byte[] b = {0};
    assertArrayEquals(new byte[] {0, 5, 100},
        run(BuiltinOperator.MAXIMUM, DataType.INT8, new int[] {3}, a, new int[] {1}, b).bytes(0));
    assertArrayEquals(new byte[] {-128, 0, 0},
        run(BuiltinOperator.MINIMUM, DataType.INT8, new int[] {3}, a, new int[] {1}, b).bytes(0));
    // uint8 200 is the byte -56: unsigned it is the larger.
    byte[] u = {(byte) 200, 10};
    byte[] v = {100};
    assertArrayEquals(new byte[] {(byte) 200, 100},
        run(BuiltinOperator.MAXIMUM, DataType.UINT8, new int[] {2}, u, new int[] {1}, v).bytes(0));
    assertArrayEquals(new byte[] {100, 10},
        run(BuiltinOperator.MINIMUM, DataType.UINT8, new int[] {2}, u, new int[] {1}, v).bytes(0));
  }

  @Test
  void int16() {
    OpModel m = run(BuiltinOperator.MAXIMUM, DataType.INT16, new int[] {2}, new short[] {-300, 7},
        new int[] {1}, new short[] {5});
    ByteBuffer out = ByteBuffer.wrap(m.bytes(0)).order(ByteOrder.LITTLE_ENDIAN);
    assertArrayEquals(new short[] {5, 7}, new short[] {out.getShort(0), out.getShort(2)});
  }

  @Test
  void rejectsBoolAndBadShapes() {
    OpModel bool = new OpModel(BuiltinOperator.MINIMUM);
    bool.input(DataType.BOOL, new int[] {1}, new boolean[] {true});
    bool.input(DataType.BOOL, new int[] {1}, new boolean[] {false});
    bool.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, bool::run);

    OpModel shapes = new OpModel(BuiltinOperator.MAXIMUM);
    shapes.input(new int[] {2, 3}, new float[6]);
    shapes.input(new int[] {3, 2}, new float[6]);
    shapes.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shapes::run);
  }
}
