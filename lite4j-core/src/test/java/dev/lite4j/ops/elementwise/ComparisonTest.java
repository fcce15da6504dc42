package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL. */
class ComparisonTest {
  private static final boolean T = true;
  private static final boolean F = false;

  private static boolean[] compare(int op, DataType type, int[] shapeA, Object a, int[] shapeB, Object b) {
    OpModel m = new OpModel(op);
    m.input(type, shapeA, a);
    m.constant(type, shapeB, b);
    m.output(DataType.BOOL);
    m.run();
    return m.bools(0);
  }

  @Test
  void floatWithNaNAndSignedZero() {
    int[] s = {4};
    float[] a = {1f, 2f, Float.NaN, -0f};
    float[] b = {2f, 2f, Float.NaN, 0f};
    assertArrayEquals(new boolean[] {T, F, F, F}, compare(BuiltinOperator.LESS, DataType.FLOAT32, s, a, s, b));
    assertArrayEquals(new boolean[] {T, T, F, T},
        compare(BuiltinOperator.LESS_EQUAL, DataType.FLOAT32, s, a, s, b));
    assertArrayEquals(new boolean[] {F, F, F, F}, compare(BuiltinOperator.GREATER, DataType.FLOAT32, s, a, s, b));
    assertArrayEquals(new boolean[] {F, T, F, T},
        compare(BuiltinOperator.GREATER_EQUAL, DataType.FLOAT32, s, a, s, b));
    assertArrayEquals(new boolean[] {F, T, F, T}, compare(BuiltinOperator.EQUAL, DataType.FLOAT32, s, a, s, b));
    assertArrayEquals(new boolean[] {T, F, T, F},
        compare(BuiltinOperator.NOT_EQUAL, DataType.FLOAT32, s, a, s, b));
  }

  @Test
  void int32Broadcast() {
    int[] sa = {2, 3};
    int[] a = {1, 2, 3, 4, 5, 6};
    int[] sb = {3};
    int[] b = {3, 3, 6};
    assertArrayEquals(new boolean[] {T, T, T, F, F, F}, compare(BuiltinOperator.LESS, DataType.INT32, sa, a, sb, b));
    assertArrayEquals(new boolean[] {T, T, T, F, F, T},
        compare(BuiltinOperator.LESS_EQUAL, DataType.INT32, sa, a, sb, b));
    assertArrayEquals(new boolean[] {F, F, F, T, T, F},
        compare(BuiltinOperator.GREATER, DataType.INT32, sa, a, sb, b));
    assertArrayEquals(new boolean[] {F, F, F, T, T, T},
        compare(BuiltinOperator.GREATER_EQUAL, DataType.INT32, sa, a, sb, b));
    assertArrayEquals(new boolean[] {F, F, F, F, F, T}, compare(BuiltinOperator.EQUAL, DataType.INT32, sa, a, sb, b));
    assertArrayEquals(new boolean[] {T, T, T, T, T, F},
        compare(BuiltinOperator.NOT_EQUAL, DataType.INT32, sa, a, sb, b));
  }

  @Test
  void int64BeyondDoublePrecision() {
    // 2^53 + 1 and 2^53 are one double: they must be compared as longs.
    int[] s = {2};
    long[] a = {9007199254740993L, -5L};
    long[] b = {9007199254740992L, -5L};
    assertArrayEquals(new boolean[] {F, F}, compare(BuiltinOperator.LESS, DataType.INT64, s, a, s, b));
    assertArrayEquals(new boolean[] {F, T}, compare(BuiltinOperator.LESS_EQUAL, DataType.INT64, s, a, s, b));
    assertArrayEquals(new boolean[] {T, F}, compare(BuiltinOperator.GREATER, DataType.INT64, s, a, s, b));
    assertArrayEquals(new boolean[] {T, T}, compare(BuiltinOperator.GREATER_EQUAL, DataType.INT64, s, a, s, b));
    assertArrayEquals(new boolean[] {F, T}, compare(BuiltinOperator.EQUAL, DataType.INT64, s, a, s, b));
    assertArrayEquals(new boolean[] {T, F}, compare(BuiltinOperator.NOT_EQUAL, DataType.INT64, s, a, s, b));
  }

  @Test
  void boolEqualityWithScalarBroadcast() {
    int[] s = {4};
    boolean[] a = {T, T, F, F};
    boolean[] b = {T, F, T, F};
    assertArrayEquals(new boolean[] {T, F, F, T}, compare(BuiltinOperator.EQUAL, DataType.BOOL, s, a, s, b));
    assertArrayEquals(new boolean[] {F, T, T, F}, compare(BuiltinOperator.NOT_EQUAL, DataType.BOOL, s, a, s, b));
    assertArrayEquals(new boolean[] {F, F, T, T},
        compare(BuiltinOperator.EQUAL, DataType.BOOL, s, a, new int[] {}, new boolean[] {F}));
  }

  @Test
  void rejectsOrderingOfBoolsQuantizedTypesWrongOutputAndBadShapes() {
    int[] s = {1};
    assertThrows(UnsupportedOperatorException.class,
        () -> compare(BuiltinOperator.LESS, DataType.BOOL, s, new boolean[] {T}, s, new boolean[] {F}));
    // INT8 without quantization parameters: TF Lite would rescale by scale 0; Lite4j refuses clearly.
    assertThrows(ModelFormatException.class,
        () -> compare(BuiltinOperator.EQUAL, DataType.INT8, s, new byte[] {1}, s, new byte[] {1}));
    assertThrows(ModelFormatException.class, () -> compare(BuiltinOperator.GREATER, DataType.FLOAT32,
        new int[] {2}, new float[] {1f, 2f}, new int[] {3}, new float[] {1f, 2f, 3f}));

    OpModel wrongOut = new OpModel(BuiltinOperator.LESS);
    wrongOut.input(new int[] {1}, 1f);
    wrongOut.input(new int[] {1}, 2f);
    wrongOut.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, wrongOut::run);
  }
}
