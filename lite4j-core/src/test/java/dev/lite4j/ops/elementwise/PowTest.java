package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class PowTest {
  @Test
  void float32() {
    OpModel m = new OpModel(BuiltinOperator.POW);
    m.input(new int[] {3}, 2f, 9f, 4f);
    m.input(new int[] {3}, 3f, 0.5f, -1f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {8f, 3f, 0.25f}, m.floats(0), 0f);
  }

  @Test
  void floatScalarExponentBroadcast() {
    OpModel m = new OpModel(BuiltinOperator.POW);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, -4f);
    m.constant(new int[] {}, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new float[] {1f, 4f, 9f, 16f}, m.floats(0), 0f);
  }

  @Test
  void int32() {
    OpModel m = new OpModel(BuiltinOperator.POW);
    m.input(DataType.INT32, new int[] {5}, new int[] {2, -3, 0, 7, 2});
    m.input(DataType.INT32, new int[] {5}, new int[] {10, 3, 0, 1, 31});
    m.output(DataType.INT32);
    m.run();
    // 2^31 does not fit: the x86-64 double-to-int conversion TF Lite relies on gives INT_MIN.
    assertArrayEquals(new int[] {1024, -27, 1, 7, Integer.MIN_VALUE}, m.ints(0));
  }

  @Test
  void int32NegativeExponentIsAnError() {
    OpModel m = new OpModel(BuiltinOperator.POW);
    m.input(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.input(DataType.INT32, new int[] {2}, new int[] {1, -1});
    m.output(DataType.INT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsInt64AndBadShapes() {
    OpModel int64 = new OpModel(BuiltinOperator.POW);
    int64.input(DataType.INT64, new int[] {1}, new long[] {1});
    int64.input(DataType.INT64, new int[] {1}, new long[] {1});
    int64.output(DataType.INT64);
    assertThrows(UnsupportedOperatorException.class, int64::run);

    OpModel shapes = new OpModel(BuiltinOperator.POW);
    shapes.input(new int[] {2}, 1f, 2f);
    shapes.input(new int[] {3}, 1f, 2f, 3f);
    shapes.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shapes::run);
  }
}
