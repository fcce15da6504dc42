package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** LOGICAL_AND, LOGICAL_OR, LOGICAL_NOT. */
class LogicalTest {
  private static final boolean T = true;
  private static final boolean F = false;

  private static OpModel binary(int op) {
    // [2,2] with [2,1]: row 0 meets true, row 1 meets false.
    OpModel m = new OpModel(op);
    m.input(DataType.BOOL, new int[] {2, 2}, new boolean[] {T, F, T, F});
    m.input(DataType.BOOL, new int[] {2, 1}, new boolean[] {T, F});
    m.output(DataType.BOOL);
    m.run();
    return m;
  }

  @Test
  void andBroadcast() {
    OpModel m = binary(BuiltinOperator.LOGICAL_AND);
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new boolean[] {T, F, F, F}, m.bools(0));
  }

  @Test
  void orBroadcast() {
    assertArrayEquals(new boolean[] {T, T, T, F}, binary(BuiltinOperator.LOGICAL_OR).bools(0));
  }

  @Test
  void not() {
    OpModel m = new OpModel(BuiltinOperator.LOGICAL_NOT);
    m.input(DataType.BOOL, new int[] {3, 1}, new boolean[] {T, F, T});
    m.output(DataType.BOOL);
    m.run();
    assertArrayEquals(new int[] {3, 1}, m.shape(0));
    assertArrayEquals(new boolean[] {F, T, F}, m.bools(0));
  }

  @Test
  void rejectsNonBoolInputsAndBadShapes() {
    OpModel f = new OpModel(BuiltinOperator.LOGICAL_AND);
    f.input(new int[] {1}, 1f);
    f.input(new int[] {1}, 1f);
    f.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, f::run);

    OpModel notInt = new OpModel(BuiltinOperator.LOGICAL_NOT);
    notInt.input(DataType.INT32, new int[] {1}, new int[] {1});
    notInt.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, notInt::run);

    OpModel shapes = new OpModel(BuiltinOperator.LOGICAL_OR);
    shapes.input(DataType.BOOL, new int[] {2}, new boolean[] {T, F});
    shapes.input(DataType.BOOL, new int[] {3}, new boolean[] {T, F, T});
    shapes.output(DataType.BOOL);
    assertThrows(ModelFormatException.class, shapes::run);
  }
}
