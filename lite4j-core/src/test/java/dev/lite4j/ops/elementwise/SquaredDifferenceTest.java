package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class SquaredDifferenceTest {
  @Test
  void float32() {
    OpModel m = new OpModel(BuiltinOperator.SQUARED_DIFFERENCE);
    m.input(new int[] {3}, 1f, 2.5f, -3f);
    m.input(new int[] {3}, 4f, 0.5f, 1f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {9f, 4f, 16f}, m.floats(0), 0f);
  }

  @Test
  void floatBroadcastAndNoClampWithoutActivation() {
    // No fused activation here: an overflow stays inf (TF Lite applies no clamp to this op).
    OpModel m = new OpModel(BuiltinOperator.SQUARED_DIFFERENCE);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, 3e30f);
    m.constant(new int[] {2}, 1f, -1f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0f, 9f, 4f, Float.POSITIVE_INFINITY}, m.floats(0), 0f);
  }

  @Test
  void int32() {
    OpModel m = new OpModel(BuiltinOperator.SQUARED_DIFFERENCE);
    m.input(DataType.INT32, new int[] {2}, new int[] {5, -3});
    m.input(DataType.INT32, new int[] {1}, new int[] {2});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {9, 25}, m.ints(0));
  }

  @Test
  void rejectsInt64AndBadShapes() {
    OpModel int64 = new OpModel(BuiltinOperator.SQUARED_DIFFERENCE);
    int64.input(DataType.INT64, new int[] {1}, new long[] {1});
    int64.input(DataType.INT64, new int[] {1}, new long[] {1});
    int64.output(DataType.INT64);
    assertThrows(UnsupportedOperatorException.class, int64::run);

    OpModel shapes = new OpModel(BuiltinOperator.SQUARED_DIFFERENCE);
    shapes.input(new int[] {2}, 1f, 2f);
    shapes.input(new int[] {3}, 1f, 2f, 3f);
    shapes.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shapes::run);
  }
}
