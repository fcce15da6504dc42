package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ShapeOptionsT;
import org.tensorflow.lite.schema.TensorType;

class ShapeFillRangeTest {
  private static OpModel shape(Byte outType, DataType output) {
    OpModel m = new OpModel(BuiltinOperator.SHAPE);
    if (outType != null) {
      ShapeOptionsT o = new ShapeOptionsT();
      o.setOutType(outType);
      m.options(o);
    }
    m.input(new int[] {2, 3, 4}, new float[24]);
    m.output(output);
    return m;
  }

  @Test
  void shapeGivesTheDimensions() {
    OpModel m = shape(TensorType.INT32, DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {3}, m.shape(0));
    assertArrayEquals(new int[] {2, 3, 4}, m.ints(0));

    OpModel l = shape(TensorType.INT64, DataType.INT64);
    l.run();
    assertArrayEquals(new long[] {2, 3, 4}, l.longs(0));

    OpModel none = shape(null, DataType.INT32);
    none.run();
    assertArrayEquals(new int[] {2, 3, 4}, none.ints(0));
  }

  @Test
  void shapeRejectsOtherTypes() {
    assertThrows(ModelFormatException.class, () -> shape(TensorType.INT64, DataType.INT32).run());
    assertThrows(UnsupportedOperatorException.class, () -> shape(TensorType.FLOAT32, DataType.FLOAT32).run());
  }

  private static OpModel fill(Object dims, boolean constant, DataType valueType, Object value) {
    OpModel m = new OpModel(BuiltinOperator.FILL);
    DataType dimsType = dims instanceof long[] ? DataType.INT64 : DataType.INT32;
    int rank = dims instanceof long[] l ? l.length : ((int[]) dims).length;
    if (constant) {
      m.constant(dimsType, new int[] {rank}, dims);
    } else {
      m.input(dimsType, new int[] {rank}, dims);
    }
    m.input(valueType, new int[0], value);
    m.output(valueType);
    return m;
  }

  @Test
  void fillsWithAScalar() {
    OpModel m = fill(new int[] {2, 3}, true, DataType.FLOAT32, new float[] {7.5f});
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {7.5f, 7.5f, 7.5f, 7.5f, 7.5f, 7.5f}, m.floats(0), 0f);

    OpModel l = fill(new long[] {2}, false, DataType.INT64, new long[] {-1L << 40});
    l.run();
    assertArrayEquals(new long[] {-1L << 40, -1L << 40}, l.longs(0));

    OpModel b = fill(new int[] {1, 3}, false, DataType.BOOL, new boolean[] {true});
    b.run();
    assertArrayEquals(new boolean[] {true, true, true}, b.bools(0));

    OpModel h = fill(new int[] {2}, true, DataType.FLOAT16, new short[] {(short) 0xbc00});
    h.run();
    assertArrayEquals(new byte[] {0x00, (byte) 0xbc, 0x00, (byte) 0xbc}, h.bytes(0));
  }

  @Test
  void fillRejectsBadDimsAndValues() {
    assertThrows(ModelFormatException.class,
        () -> fill(new int[] {2, -1}, true, DataType.FLOAT32, new float[] {1f}).run());
    assertThrows(ModelFormatException.class,
        () -> fill(new int[] {1 << 16, 1 << 16}, false, DataType.FLOAT32, new float[] {1f}).run());
    OpModel vector = new OpModel(BuiltinOperator.FILL);
    vector.constant(DataType.INT32, new int[] {1}, new int[] {2});
    vector.input(new int[] {1}, 1f);
    vector.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, vector::run);
  }

  private static OpModel range(DataType type, Object start, Object limit, Object delta, boolean constant) {
    OpModel m = new OpModel(BuiltinOperator.RANGE);
    for (Object v : new Object[] {start, limit, delta}) {
      if (constant) {
        m.constant(type, new int[0], v);
      } else {
        m.input(type, new int[0], v);
      }
    }
    m.output(type);
    return m;
  }

  @Test
  void rangesOverInt32() {
    OpModel m = range(DataType.INT32, new int[] {0}, new int[] {5}, new int[] {2}, true);
    m.run();
    assertArrayEquals(new int[] {3}, m.shape(0));
    assertArrayEquals(new int[] {0, 2, 4}, m.ints(0));
  }

  @Test
  void rangesDownwardOverNonConstantInt64() {
    OpModel m = range(DataType.INT64, new long[] {10}, new long[] {4}, new long[] {-3}, false);
    m.run();
    assertArrayEquals(new long[] {10, 7}, m.longs(0));
    m.feed(1, new long[] {3});
    m.run();
    assertArrayEquals(new long[] {10, 7, 4}, m.longs(0));
  }

  @Test
  void rangesOverFloatsByAccumulating() {
    OpModel m = range(DataType.FLOAT32, new float[] {1f}, new float[] {2f}, new float[] {0.3f}, true);
    m.run();
    // ceil(|(2 - 1) / 0.3|) = 4 values; v += 0.3f in float: numpy.float32 accumulation.
    assertArrayEquals(new float[] {1f, 1.2999999523162842f, 1.5999999046325684f, 1.8999998569488525f},
        m.floats(0), 0f);
  }

  @Test
  void emptyRangeWhenStartEqualsLimit() {
    OpModel m = range(DataType.INT32, new int[] {3}, new int[] {3}, new int[] {1}, true);
    m.run();
    assertArrayEquals(new int[] {0}, m.shape(0));
  }

  @Test
  void rangeRejectsZeroOrWrongWayDeltaAndBadTypes() {
    assertThrows(ModelFormatException.class,
        () -> range(DataType.INT32, new int[] {0}, new int[] {5}, new int[] {0}, true).run());
    assertThrows(ModelFormatException.class,
        () -> range(DataType.FLOAT32, new float[] {0}, new float[] {5}, new float[] {-1}, false).run());
    assertThrows(ModelFormatException.class,
        () -> range(DataType.INT32, new int[] {0}, new int[] {Integer.MAX_VALUE}, new int[] {1}, true).run());
    assertThrows(ModelFormatException.class, () -> range(DataType.INT64, new long[] {Long.MIN_VALUE},
        new long[] {Long.MAX_VALUE}, new long[] {1}, true).run());
    assertThrows(UnsupportedOperatorException.class,
        () -> range(DataType.INT8, new byte[] {0}, new byte[] {5}, new byte[] {1}, true).run());
  }
}
