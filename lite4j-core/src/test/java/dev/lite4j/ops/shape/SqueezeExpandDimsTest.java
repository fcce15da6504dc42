package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.SqueezeOptionsT;

class SqueezeExpandDimsTest {
  private static OpModel squeeze(int... dims) {
    SqueezeOptionsT o = new SqueezeOptionsT();
    o.setSqueezeDims(dims);
    return new OpModel(BuiltinOperator.SQUEEZE).options(o);
  }

  @Test
  void squeezesAllSizeOneDimensionsByDefault() {
    OpModel m = squeeze();
    m.input(new int[] {1, 2, 1, 3}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, m.floats(0), 0f);
  }

  @Test
  void squeezesListedDimensionsWithNegativeIndex() {
    OpModel m = squeeze(-2);
    m.input(DataType.INT64, new int[] {1, 2, 1, 1}, new long[] {7, 8});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new int[] {1, 2, 1}, m.shape(0));
    assertArrayEquals(new long[] {7, 8}, m.longs(0));
  }

  @Test
  void rejectsSqueezingAWideOrMissingDimension() {
    OpModel wide = squeeze(1);
    wide.input(new int[] {1, 2}, 1f, 2f);
    wide.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, wide::run);

    OpModel missing = squeeze(2);
    missing.input(new int[] {1, 2}, 1f, 2f);
    missing.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, missing::run);
  }

  private static int[] expand(Object axis, DataType axisType, boolean constant) {
    OpModel m = new OpModel(BuiltinOperator.EXPAND_DIMS);
    m.input(DataType.INT32, new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6});
    if (constant) {
      m.constant(axisType, new int[] {1}, axis);
    } else {
      m.input(axisType, new int[] {1}, axis);
    }
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, m.ints(0));
    return m.shape(0);
  }

  @Test
  void expandsAtEveryPosition() {
    assertArrayEquals(new int[] {1, 2, 3}, expand(new int[] {0}, DataType.INT32, true));
    assertArrayEquals(new int[] {2, 1, 3}, expand(new long[] {1}, DataType.INT64, true));
    assertArrayEquals(new int[] {2, 3, 1}, expand(new int[] {2}, DataType.INT32, true));
    assertArrayEquals(new int[] {2, 3, 1}, expand(new int[] {-1}, DataType.INT32, true));
    assertArrayEquals(new int[] {1, 2, 3}, expand(new int[] {-3}, DataType.INT32, true));
  }

  @Test
  void nonConstantAxisMakesTheOutputDynamic() {
    assertArrayEquals(new int[] {2, 1, 3}, expand(new int[] {1}, DataType.INT32, false));
  }

  @Test
  void rejectsAxisOutOfRangeOrOfBadType() {
    assertThrows(ModelFormatException.class, () -> expand(new int[] {3}, DataType.INT32, true));
    assertThrows(ModelFormatException.class, () -> expand(new int[] {-4}, DataType.INT32, false));
    assertThrows(ModelFormatException.class, () -> expand(new float[] {0f}, DataType.FLOAT32, true));
  }
}
