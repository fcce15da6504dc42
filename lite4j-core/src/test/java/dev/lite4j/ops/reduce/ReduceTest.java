package dev.lite4j.ops.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ReducerOptionsT;

/**
 * MEAN, SUM, REDUCE_PROD, REDUCE_MAX, REDUCE_MIN. The 4x3x2 cases are TF Lite's kernel-test cases;
 * values whose float rounding depends on the order were worked out in float32 (numpy) in C order.
 */
class ReduceTest {
  private static final float[] ONE_TO_24 = new float[24];

  static {
    for (int i = 0; i < 24; i++) {
      ONE_TO_24[i] = i + 1;
    }
  }

  private static OpModel reduce(int op, boolean keepDims) {
    ReducerOptionsT o = new ReducerOptionsT();
    o.setKeepDims(keepDims);
    return new OpModel(op).options(o);
  }

  /** Runs {@code op} on a float input with a constant int32 axis tensor. */
  private static OpModel runFloat(int op, boolean keepDims, int[] shape, float[] in, int... axes) {
    OpModel m = reduce(op, keepDims);
    m.input(shape, in);
    m.constant(DataType.INT32, new int[] {axes.length}, axes);
    m.output(DataType.FLOAT32);
    m.run();
    return m;
  }

  @Test
  void meanWithDuplicateAndNegativeAxes() {
    OpModel m = runFloat(BuiltinOperator.MEAN, false, new int[] {4, 3, 2}, ONE_TO_24, 1, 0, -3, -3);
    assertArrayEquals(new int[] {2}, m.shape(0));
    assertArrayEquals(new float[] {12, 13}, m.floats(0), 0f);
    OpModel k = runFloat(BuiltinOperator.MEAN, true, new int[] {4, 3, 2}, ONE_TO_24, 0, 2);
    assertArrayEquals(new int[] {1, 3, 1}, k.shape(0));
    assertArrayEquals(new float[] {10.5f, 12.5f, 14.5f}, k.floats(0), 0f);
  }

  @Test
  void meanSpatialAxesKeepDims() {
    float[] in = {1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60, 7, 70, 8, 80};
    OpModel m = runFloat(BuiltinOperator.MEAN, true, new int[] {2, 2, 2, 2}, in, 1, 2);
    assertArrayEquals(new int[] {2, 1, 1, 2}, m.shape(0));
    assertArrayEquals(new float[] {2.5f, 25, 6.5f, 65}, m.floats(0), 0f);
  }

  @Test
  void meanSumsInFloatInInputOrder() {
    // Row 1: ((1e8 + -1e8) + 0.3) / 3; summing 0.3 into 1e8 first would lose it.
    OpModel m = runFloat(BuiltinOperator.MEAN, false, new int[] {2, 3},
        new float[] {0.1f, 0.2f, 0.7f, 1e8f, -1e8f, 0.3f}, 1);
    assertArrayEquals(new float[] {0.3333333432674408f, 0.10000000149011612f}, m.floats(0), 0f);
    // Along a strided axis the order is still the input's: column 1 is (0.3 + 1e8) - 1e8 = 0.
    OpModel c = runFloat(BuiltinOperator.MEAN, false, new int[] {3, 2},
        new float[] {1e8f, 0.3f, -1e8f, 1e8f, 0.3f, -1e8f}, 0);
    assertArrayEquals(new float[] {0.10000000149011612f, 0f}, c.floats(0), 0f);
  }

  @Test
  void meanInt32TruncatesTowardZero() {
    OpModel m = reduce(BuiltinOperator.MEAN, false);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, 2, -3, -4});
    m.constant(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {1, -3}, m.ints(0));
    // The int32 mean sums in int64: no overflow.
    OpModel big = reduce(BuiltinOperator.MEAN, false);
    big.input(DataType.INT32, new int[] {2}, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 2});
    big.constant(DataType.INT64, new int[] {1}, new long[] {0});
    big.output(DataType.INT32);
    big.run();
    assertArrayEquals(new int[] {Integer.MAX_VALUE - 1}, big.ints(0));
  }

  @Test
  void meanInt64() {
    OpModel m = reduce(BuiltinOperator.MEAN, true);
    m.input(DataType.INT64, new int[] {1, 3}, new long[] {1L << 40, 1, 1});
    m.constant(DataType.INT32, new int[] {1}, new int[] {-1});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new int[] {1, 1}, m.shape(0));
    assertArrayEquals(new long[] {((1L << 40) + 2) / 3}, m.longs(0));
  }

  @Test
  void meanOfEmptyReductionIsNan() {
    OpModel m = runFloat(BuiltinOperator.MEAN, false, new int[] {2, 0}, new float[0], 1);
    assertArrayEquals(new int[] {2}, m.shape(0));
    assertEquals(Float.NaN, m.floats(0)[0]);
  }

  @Test
  void emptyAxisListCopiesAndScalarIgnoresAxes() {
    float[] in = {1.5f, -2, 3};
    OpModel m = reduce(BuiltinOperator.MEAN, false);
    m.input(new int[] {3}, in);
    // A run-time axis tensor: Lite4j's reader takes a zero-byte constant for a tensor without data.
    m.input(DataType.INT32, new int[] {0}, new int[0]);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3}, m.shape(0));
    assertArrayEquals(in, m.floats(0), 0f);
    OpModel s = reduce(BuiltinOperator.SUM, true);
    s.input(new int[0], 4.5f);
    s.constant(DataType.INT32, new int[] {1}, new int[] {7});
    s.output(DataType.FLOAT32);
    s.run();
    assertArrayEquals(new int[0], s.shape(0));
    assertArrayEquals(new float[] {4.5f}, s.floats(0), 0f);
  }

  @Test
  void sum() {
    OpModel m = runFloat(BuiltinOperator.SUM, false, new int[] {4, 3, 2}, ONE_TO_24, 1, 0, -3, -3);
    assertArrayEquals(new float[] {144, 156}, m.floats(0), 0f);
    OpModel k = runFloat(BuiltinOperator.SUM, true, new int[] {4, 3, 2}, ONE_TO_24, 0, 2);
    assertArrayEquals(new int[] {1, 3, 1}, k.shape(0));
    assertArrayEquals(new float[] {84, 100, 116}, k.floats(0), 0f);
  }

  @Test
  void sumInt32WrapsAndInt64() {
    OpModel m = reduce(BuiltinOperator.SUM, false);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {Integer.MAX_VALUE, 1, 5, -7});
    m.constant(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {Integer.MIN_VALUE, -2}, m.ints(0));
    OpModel l = reduce(BuiltinOperator.SUM, false);
    l.input(DataType.INT64, new int[] {2, 2}, new long[] {1L << 40, 1L << 40, 3, 4});
    l.constant(DataType.INT32, new int[] {1}, new int[] {0});
    l.output(DataType.INT64);
    l.run();
    assertArrayEquals(new long[] {(1L << 40) + 3, (1L << 40) + 4}, l.longs(0));
  }

  @Test
  void sumWithRunTimeAxis() {
    OpModel m = reduce(BuiltinOperator.SUM, false);
    m.input(new int[] {4, 3, 2}, ONE_TO_24);
    m.input(DataType.INT32, new int[] {2}, new int[] {0, 2});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3}, m.shape(0));
    assertArrayEquals(new float[] {84, 100, 116}, m.floats(0), 0f);
    m.feed(1, new int[] {2, 2});
    m.run();
    assertArrayEquals(new int[] {4, 3}, m.shape(0));
    assertEquals(3f, m.floats(0)[0]);
    m.feed(1, new int[] {0, 3});
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void prod() {
    // 1*3*5*...*23 and 2*4*...*24, multiplied in float in input order.
    OpModel m = runFloat(BuiltinOperator.REDUCE_PROD, false, new int[] {4, 3, 2}, ONE_TO_24, 1, 0, -3, -3);
    assertArrayEquals(new float[] {316234137600.0f, 1961990553600.0f}, m.floats(0), 0f);
    OpModel i = reduce(BuiltinOperator.REDUCE_PROD, true);
    i.input(DataType.INT32, new int[] {2, 3}, new int[] {2, -3, 4, 65536, 65536, 1});
    i.constant(DataType.INT32, new int[] {1}, new int[] {1});
    i.output(DataType.INT32);
    i.run();
    assertArrayEquals(new int[] {2, 1}, i.shape(0));
    assertArrayEquals(new int[] {-24, 0}, i.ints(0)); // 2^32 wraps to 0
  }

  @Test
  void maxAndMin() {
    OpModel max = runFloat(BuiltinOperator.REDUCE_MAX, false, new int[] {4, 3, 2}, ONE_TO_24, 1, 0, -3, -3);
    assertArrayEquals(new float[] {23, 24}, max.floats(0), 0f);
    OpModel maxKeep = runFloat(BuiltinOperator.REDUCE_MAX, true, new int[] {4, 3, 2}, ONE_TO_24, 0, 2);
    assertArrayEquals(new float[] {20, 22, 24}, maxKeep.floats(0), 0f);
    OpModel min = runFloat(BuiltinOperator.REDUCE_MIN, false, new int[] {4, 3, 2}, ONE_TO_24, 1, 0, -3, -3);
    assertArrayEquals(new float[] {1, 2}, min.floats(0), 0f);
    OpModel minKeep = runFloat(BuiltinOperator.REDUCE_MIN, true, new int[] {4, 3, 2}, ONE_TO_24, 0, 2);
    assertArrayEquals(new float[] {1, 3, 5}, minKeep.floats(0), 0f);
  }

  @Test
  void maxStartsFromLowestFiniteAsTfLite() {
    float ninf = Float.NEGATIVE_INFINITY;
    OpModel m = runFloat(BuiltinOperator.REDUCE_MAX, false, new int[] {2, 2}, new float[] {ninf, ninf, Float.NaN, 1},
        1);
    assertArrayEquals(new float[] {-Float.MAX_VALUE, 1}, m.floats(0), 0f);
    // Over every dimension TF Lite's ReduceAllDims starts from the first element instead.
    OpModel all = runFloat(BuiltinOperator.REDUCE_MAX, true, new int[] {1, 2}, new float[] {ninf, ninf}, 0, 1);
    assertArrayEquals(new int[] {1, 1}, all.shape(0));
    assertArrayEquals(new float[] {ninf}, all.floats(0), 0f);
    OpModel nan = runFloat(BuiltinOperator.REDUCE_MIN, false, new int[] {3}, new float[] {Float.NaN, 1, 2}, 0);
    assertEquals(Float.NaN, nan.floats(0)[0]);
    OpModel skipped = runFloat(BuiltinOperator.REDUCE_MIN, false, new int[] {1, 3}, new float[] {Float.NaN, 1, 2},
        1);
    assertArrayEquals(new float[] {1}, skipped.floats(0), 0f);
  }

  @Test
  void maxMinIntegers() {
    OpModel m = reduce(BuiltinOperator.REDUCE_MAX, false).version(1);
    m.input(DataType.INT64, new int[] {3}, new long[] {-5, Long.MIN_VALUE, -9});
    m.constant(DataType.INT32, new int[] {1}, new int[] {0});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new long[] {-5}, m.longs(0));
    OpModel n = reduce(BuiltinOperator.REDUCE_MIN, true);
    n.input(DataType.INT32, new int[] {2, 2}, new int[] {3, -1, 7, 2});
    n.constant(DataType.INT32, new int[] {1}, new int[] {0});
    n.output(DataType.INT32);
    n.run();
    assertArrayEquals(new int[] {1, 2}, n.shape(0));
    assertArrayEquals(new int[] {3, -1}, n.ints(0));
  }

  @Test
  void rejectsAxisOutOfRange() {
    assertThrows(ModelFormatException.class,
        () -> runFloat(BuiltinOperator.MEAN, false, new int[] {4, 3, 2}, ONE_TO_24, 3));
    assertThrows(ModelFormatException.class,
        () -> runFloat(BuiltinOperator.SUM, true, new int[] {4, 3, 2}, ONE_TO_24, -4));
  }

  @Test
  void rejectsFloatAxisAndMismatchedOutput() {
    OpModel m = reduce(BuiltinOperator.MEAN, false);
    m.input(new int[] {2}, 1f, 2f);
    m.constant(new int[] {1}, 0f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    OpModel o = reduce(BuiltinOperator.MEAN, false);
    o.input(new int[] {2}, 1f, 2f);
    o.constant(DataType.INT32, new int[] {1}, new int[] {0});
    o.output(DataType.INT32);
    assertThrows(ModelFormatException.class, o::run);
  }

  @Test
  void rejectsUnquantizedInt8AndBoolInputs() {
    // int8 without a scale (quantized reductions: QuantizedReduceTest)
    OpModel m = reduce(BuiltinOperator.MEAN, false).version(2);
    m.input(DataType.INT8, new int[] {2}, new byte[] {1, 2});
    m.constant(DataType.INT32, new int[] {1}, new int[] {0});
    m.output(DataType.INT8);
    assertThrows(ModelFormatException.class, m::run);
    OpModel b = reduce(BuiltinOperator.REDUCE_MAX, false);
    b.input(DataType.BOOL, new int[] {2}, new boolean[] {true, false});
    b.constant(DataType.INT32, new int[] {1}, new int[] {0});
    b.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, b::run);
  }
}
