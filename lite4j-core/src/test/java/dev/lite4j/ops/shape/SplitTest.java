package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.SplitOptionsT;
import org.tensorflow.lite.schema.SplitVOptionsT;

class SplitTest {
  private static OpModel split(int num, int axis, boolean constantAxis, int outputs) {
    SplitOptionsT o = new SplitOptionsT();
    o.setNumSplits(num);
    OpModel m = new OpModel(BuiltinOperator.SPLIT).options(o);
    if (constantAxis) {
      m.constant(DataType.INT32, new int[] {1}, new int[] {axis});
    } else {
      m.input(DataType.INT32, new int[0], new int[] {axis});
    }
    m.input(new int[] {2, 4}, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f);
    for (int i = 0; i < outputs; i++) {
      m.output(DataType.FLOAT32);
    }
    return m;
  }

  @Test
  void splitsEvenlyAlongTheInnerAxis() {
    OpModel m = split(2, 1, true, 2);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 5f, 6f}, m.floats(0), 0f);
    assertArrayEquals(new float[] {3f, 4f, 7f, 8f}, m.floats(1), 0f);
  }

  @Test
  void splitsAlongANegativeNonConstantAxis() {
    OpModel m = split(4, -1, false, 4);
    m.run();
    assertArrayEquals(new int[] {2, 1}, m.shape(3));
    assertArrayEquals(new float[] {1f, 5f}, m.floats(0), 0f);
    assertArrayEquals(new float[] {4f, 8f}, m.floats(3), 0f);
  }

  @Test
  void splitsTheOuterAxis() {
    OpModel m = split(2, 0, true, 2);
    m.run();
    assertArrayEquals(new int[] {1, 4}, m.shape(1));
    assertArrayEquals(new float[] {5f, 6f, 7f, 8f}, m.floats(1), 0f);
  }

  @Test
  void rejectsUnevenSplitsAndMismatchedOutputs() {
    assertThrows(ModelFormatException.class, () -> split(3, 1, true, 3).run());
    assertThrows(ModelFormatException.class, () -> split(2, 1, true, 3).run());
    assertThrows(ModelFormatException.class, () -> split(2, 2, false, 2).run());
  }

  private static OpModel splitV(int[] sizes, int axis, boolean constant) {
    SplitVOptionsT o = new SplitVOptionsT();
    o.setNumSplits(sizes.length);
    OpModel m = new OpModel(BuiltinOperator.SPLIT_V).options(o);
    m.input(DataType.INT16, new int[] {2, 5}, new short[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    if (constant) {
      m.constant(DataType.INT32, new int[] {sizes.length}, sizes);
      m.constant(DataType.INT32, new int[] {1}, new int[] {axis});
    } else {
      m.input(DataType.INT32, new int[] {sizes.length}, sizes);
      m.input(DataType.INT32, new int[] {1}, new int[] {axis});
    }
    for (int i = 0; i < sizes.length; i++) {
      m.output(DataType.INT16);
    }
    return m;
  }

  /** Little-endian bytes of int16 values. */
  private static byte[] int16(int... v) {
    byte[] b = new byte[2 * v.length];
    for (int i = 0; i < v.length; i++) {
      b[2 * i] = (byte) v[i];
      b[2 * i + 1] = (byte) (v[i] >> 8);
    }
    return b;
  }

  @Test
  void splitVInfersTheMinusOneSize() {
    OpModel m = splitV(new int[] {1, -1, 2}, 1, true);
    m.run();
    assertArrayEquals(new int[] {2, 1}, m.shape(0));
    assertArrayEquals(new int[] {2, 2}, m.shape(1));
    assertArrayEquals(new int[] {2, 2}, m.shape(2));
    assertArrayEquals(int16(0, 5), m.bytes(0));
    assertArrayEquals(int16(1, 2, 6, 7), m.bytes(1));
    assertArrayEquals(int16(3, 4, 8, 9), m.bytes(2));
  }

  @Test
  void splitVWithNonConstantSizesAndNegativeAxis() {
    OpModel m = splitV(new int[] {2, 0}, -2, false);
    m.run();
    assertArrayEquals(new int[] {2, 5}, m.shape(0));
    assertArrayEquals(new int[] {0, 5}, m.shape(1));
    assertArrayEquals(int16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), m.bytes(0));
  }

  @Test
  void splitVRejectsBadSizes() {
    assertThrows(ModelFormatException.class, () -> splitV(new int[] {-1, -1}, 1, true).run());
    assertThrows(ModelFormatException.class, () -> splitV(new int[] {2, 2}, 1, true).run());
    assertThrows(ModelFormatException.class, () -> splitV(new int[] {6, -1}, 1, false).run());
    assertThrows(ModelFormatException.class, () -> splitV(new int[] {7, -2}, 1, true).run());
  }
}
