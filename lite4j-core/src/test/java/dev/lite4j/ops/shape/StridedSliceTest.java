package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.StridedSliceOptionsT;

/** Expected values are NumPy slicing of arange(n).reshape(shape) with the same spec. */
class StridedSliceTest {
  private int beginMask;
  private int endMask;
  private int ellipsisMask;
  private int newAxisMask;
  private int shrinkMask;
  private boolean offset;
  private boolean constantBegin = true;

  private OpModel slice(int[] shape, int[] begin, int[] end, int[] strides) {
    StridedSliceOptionsT o = new StridedSliceOptionsT();
    o.setBeginMask(beginMask);
    o.setEndMask(endMask);
    o.setEllipsisMask(ellipsisMask);
    o.setNewAxisMask(newAxisMask);
    o.setShrinkAxisMask(shrinkMask);
    o.setOffset(offset);
    OpModel m = new OpModel(BuiltinOperator.STRIDED_SLICE).options(o);
    int n = IntStream.of(shape).reduce(1, (a, b) -> a * b);
    m.input(DataType.INT32, shape, IntStream.range(0, n).toArray());
    int[] spec = {begin.length};
    if (constantBegin) {
      m.constant(DataType.INT32, spec, begin);
    } else {
      m.input(DataType.INT32, spec, begin);
    }
    m.constant(DataType.INT32, spec, end);
    m.constant(DataType.INT32, spec, strides);
    m.output(DataType.INT32);
    return m;
  }

  private void check(OpModel m, int[] shape, int... values) {
    m.run();
    assertArrayEquals(shape, m.shape(0));
    assertArrayEquals(values, m.ints(0));
  }

  @Test
  void slicesOneDimension() {
    // a[1:3]
    check(slice(new int[] {4}, new int[] {1}, new int[] {3}, new int[] {1}), new int[] {2}, 1, 2);
  }

  @Test
  void negativeStrideWalksBackwards() {
    // a[-1:-5:-1]: begin 3, end clamps to -1
    check(slice(new int[] {4}, new int[] {-1}, new int[] {-5}, new int[] {-1}), new int[] {4}, 3, 2, 1, 0);
  }

  @Test
  void stridesOfTwoInTwoDimensions() {
    // a.reshape(3, 4)[::2, 1::2]
    endMask = 1;
    check(slice(new int[] {3, 4}, new int[] {0, 1}, new int[] {0, 4}, new int[] {2, 2}), new int[] {2, 2},
        1, 3, 9, 11);
  }

  @Test
  void beginAndEndMasksTakeTheWholeRange() {
    // a.reshape(2, 3)[:2, 0:2] with the first begin ignored
    beginMask = 1;
    check(slice(new int[] {2, 3}, new int[] {1, 0}, new int[] {2, 2}, new int[] {1, 1}), new int[] {2, 2},
        0, 1, 3, 4);
  }

  @Test
  void shrinkAxisDropsTheDimension() {
    // a.reshape(2, 3)[1, :]
    shrinkMask = 1;
    check(slice(new int[] {2, 3}, new int[] {1, 0}, new int[] {2, 3}, new int[] {1, 1}), new int[] {3}, 3, 4, 5);
  }

  @Test
  void shrinkWithNegativeIndicesAndReversedAxes() {
    // a.reshape(2, 3, 4)[1, ::-1, -1:-4:-2]
    shrinkMask = 1;
    beginMask = 2;
    endMask = 2;
    check(slice(new int[] {2, 3, 4}, new int[] {1, 0, -1}, new int[] {2, 0, -4}, new int[] {1, -1, -2}),
        new int[] {3, 2}, 23, 21, 19, 17, 15, 13);
  }

  @Test
  void ellipsisCoversTheUnnamedAxes() {
    // a.reshape(2, 2, 3)[..., 1]
    ellipsisMask = 1;
    shrinkMask = 2;
    check(slice(new int[] {2, 2, 3}, new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 1}), new int[] {2, 2},
        1, 4, 7, 10);
  }

  @Test
  void newAxisAddsADimension() {
    // a.reshape(2, 3)[newaxis, 0:1]
    newAxisMask = 1;
    check(slice(new int[] {2, 3}, new int[] {0, 0}, new int[] {0, 1}, new int[] {1, 1}), new int[] {1, 1, 3},
        0, 1, 2);
  }

  @Test
  void shorterSpecKeepsTrailingAxesWhole() {
    // a.reshape(3, 2)[1:]
    check(slice(new int[] {3, 2}, new int[] {1}, new int[] {3}, new int[] {1}), new int[] {2, 2}, 2, 3, 4, 5);
  }

  @Test
  void outOfRangeBeginGivesAnEmptySlice() {
    // a[5:] on four elements
    check(slice(new int[] {4}, new int[] {5}, new int[] {9}, new int[] {1}), new int[] {0});
  }

  @Test
  void offsetMeasuresEndFromBegin() {
    // end = begin + 3
    offset = true;
    check(slice(new int[] {5}, new int[] {1}, new int[] {3}, new int[] {1}), new int[] {3}, 1, 2, 3);
  }

  @Test
  void offsetWithNonConstantBeginKeepsAStaticShape() {
    offset = true;
    constantBegin = false;
    OpModel m = slice(new int[] {2, 5}, new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 1});
    check(m, new int[] {1, 2}, 7, 8);
    m.feed(1, new int[] {0, 3});
    check(m, new int[] {1, 2}, 3, 4);
    m.feed(1, new int[] {0, 4});
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void nonConstantBeginMakesTheOutputDynamic() {
    constantBegin = false;
    OpModel m = slice(new int[] {6}, new int[] {1}, new int[] {5}, new int[] {2});
    check(m, new int[] {2}, 1, 3);
    m.feed(1, new int[] {4});
    check(m, new int[] {1}, 4);
  }

  @Test
  void rejectsZeroStrideAndOutOfRangeShrink() {
    assertThrows(ModelFormatException.class,
        () -> slice(new int[] {4}, new int[] {0}, new int[] {4}, new int[] {0}).run());
    shrinkMask = 1;
    assertThrows(ModelFormatException.class,
        () -> slice(new int[] {4}, new int[] {4}, new int[] {5}, new int[] {1}).run());
    shrinkMask = 0;
    ellipsisMask = 3;
    assertThrows(ModelFormatException.class,
        () -> slice(new int[] {4, 4}, new int[] {0, 0}, new int[] {1, 1}, new int[] {1, 1}).run());
  }

  @Test
  void movesElementsOfEveryWidth() {
    // [[1 2 3] [4 5 6]][:, 2:0:-1] = [[3 2] [6 5]] for 1-, 2-, 4- and 8-byte elements.
    Object[] inputs = {new float[] {1, 2, 3, 4, 5, 6}, new long[] {1, 2, 3, 4, 5, 6}, new byte[] {1, 2, 3, 4, 5, 6},
        new short[] {1, 2, 3, 4, 5, 6}, new boolean[] {true, false, false, true, true, false}};
    DataType[] types = {DataType.FLOAT32, DataType.INT64, DataType.INT8, DataType.INT16, DataType.BOOL};
    for (int k = 0; k < types.length; k++) {
      OpModel m = new OpModel(BuiltinOperator.STRIDED_SLICE).options(new StridedSliceOptionsT());
      m.input(types[k], new int[] {2, 3}, inputs[k]);
      m.constant(DataType.INT32, new int[] {2}, new int[] {0, 2});
      m.constant(DataType.INT32, new int[] {2}, new int[] {2, 0});
      m.constant(DataType.INT32, new int[] {2}, new int[] {1, -1});
      m.output(types[k]);
      m.run();
      assertArrayEquals(new int[] {2, 2}, m.shape(0));
      switch (types[k]) {
        case FLOAT32 -> assertArrayEquals(new float[] {3, 2, 6, 5}, m.floats(0), 0f);
        case INT64 -> assertArrayEquals(new long[] {3, 2, 6, 5}, m.longs(0));
        case INT8 -> assertArrayEquals(new byte[] {3, 2, 6, 5}, m.bytes(0));
        case INT16 -> assertArrayEquals(new byte[] {3, 0, 2, 0, 6, 0, 5, 0}, m.bytes(0));
        default -> assertArrayEquals(new boolean[] {false, false, false, true}, m.bools(0));
      }
    }
  }
}
