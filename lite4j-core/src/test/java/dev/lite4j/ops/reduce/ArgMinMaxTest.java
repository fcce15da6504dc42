package dev.lite4j.ops.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ArgMaxOptionsT;
import org.tensorflow.lite.schema.ArgMinOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.TensorType;

/** ARG_MAX and ARG_MIN (ties and NaN follow TF Lite's strict comparison: first index wins). */
class ArgMinMaxTest {
  private static OpModel argMax(byte outputType) {
    ArgMaxOptionsT o = new ArgMaxOptionsT();
    o.setOutputType(outputType);
    return new OpModel(BuiltinOperator.ARG_MAX).options(o);
  }

  private static OpModel argMin(byte outputType) {
    ArgMinOptionsT o = new ArgMinOptionsT();
    o.setOutputType(outputType);
    return new OpModel(BuiltinOperator.ARG_MIN).options(o);
  }

  private static int[] run(OpModel m, DataType type, int[] shape, Object in, int axis) {
    m.input(type, shape, in);
    m.constant(DataType.INT32, new int[] {1}, new int[] {axis});
    m.output(DataType.INT32);
    m.run();
    return m.ints(0);
  }

  @Test
  void lastAxis() {
    OpModel m = argMax(TensorType.INT32);
    assertArrayEquals(new int[] {3, 1}, run(m, DataType.FLOAT32, new int[] {1, 1, 2, 4},
        new float[] {1, 2, 7, 8, 1, 9, 7, 3}, 3));
    assertArrayEquals(new int[] {1, 1, 2}, m.shape(0));
    assertArrayEquals(new int[] {0, 0}, run(argMin(TensorType.INT32), DataType.FLOAT32, new int[] {1, 1, 2, 4},
        new float[] {1, 2, 7, 8, 1, 9, 7, 3}, 3));
  }

  @Test
  void firstAndNegativeAxis() {
    float[] in = {1, 5, 3, 4, 2, 9};
    assertArrayEquals(new int[] {1, 0, 1}, run(argMax(TensorType.INT32), DataType.FLOAT32, new int[] {2, 3}, in, 0));
    assertArrayEquals(new int[] {1, 0, 1}, run(argMax(TensorType.INT32), DataType.FLOAT32, new int[] {2, 3}, in, -2));
    assertArrayEquals(new int[] {0, 1, 0}, run(argMin(TensorType.INT32), DataType.FLOAT32, new int[] {2, 3}, in, 0));
  }

  @Test
  void tiesGiveFirstIndexAndNanDoesNotWin() {
    assertArrayEquals(new int[] {1}, run(argMax(TensorType.INT32), DataType.FLOAT32, new int[] {4},
        new float[] {2, 5, 5, 1}, 0));
    assertArrayEquals(new int[] {1}, run(argMin(TensorType.INT32), DataType.FLOAT32, new int[] {4},
        new float[] {3, 1, 1, 4}, 0));
    assertArrayEquals(new int[] {0}, run(argMax(TensorType.INT32), DataType.FLOAT32, new int[] {3},
        new float[] {Float.NaN, 1, 2}, 0));
    assertArrayEquals(new int[] {2}, run(argMax(TensorType.INT32), DataType.FLOAT32, new int[] {3},
        new float[] {1, Float.NaN, 3}, 0));
  }

  @Test
  void integerAndBoolInputs() {
    byte[] u8 = {(byte) 200, 100, (byte) 255, 3};
    assertArrayEquals(new int[] {2}, run(argMax(TensorType.INT32), DataType.UINT8, new int[] {4}, u8, 0));
    assertArrayEquals(new int[] {3}, run(argMin(TensorType.INT32), DataType.UINT8, new int[] {4}, u8, 0));
    byte[] i8 = {-128, 127, 5};
    assertArrayEquals(new int[] {1}, run(argMax(TensorType.INT32).version(2), DataType.INT8, new int[] {3}, i8, 0));
    assertArrayEquals(new int[] {0}, run(argMin(TensorType.INT32), DataType.INT8, new int[] {3}, i8, 0));
    boolean[] b = {false, true, true};
    assertArrayEquals(new int[] {1}, run(argMax(TensorType.INT32).version(3), DataType.BOOL, new int[] {3}, b, 0));
    assertArrayEquals(new int[] {0}, run(argMin(TensorType.INT32), DataType.BOOL, new int[] {3}, b, 0));
    assertArrayEquals(new int[] {0, 1}, run(argMax(TensorType.INT32), DataType.INT32, new int[] {2, 2},
        new int[] {7, -7, 6, 8}, 1));
  }

  @Test
  void int64OutputAndInt64Axis() {
    OpModel m = argMin(TensorType.INT64);
    m.input(new int[] {2, 2}, 4f, -1f, -3f, 0f);
    m.constant(DataType.INT64, new int[] {1}, new long[] {1});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new int[] {2}, m.shape(0));
    assertArrayEquals(new long[] {1, 0}, m.longs(0));
  }

  @Test
  void runTimeAxis() {
    OpModel m = argMax(TensorType.INT32);
    m.input(new int[] {2, 3}, 1f, 5f, 3f, 4f, 2f, 9f);
    m.input(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {2}, m.shape(0));
    assertArrayEquals(new int[] {1, 2}, m.ints(0));
    m.feed(1, new int[] {0});
    m.run();
    assertArrayEquals(new int[] {3}, m.shape(0));
    assertArrayEquals(new int[] {1, 0, 1}, m.ints(0));
    m.feed(1, new int[] {2});
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsBadAxisAndOutputType() {
    assertThrows(ModelFormatException.class,
        () -> run(argMax(TensorType.INT32), DataType.FLOAT32, new int[] {2}, new float[] {1, 2}, 1));
    OpModel two = argMax(TensorType.INT32);
    two.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    two.constant(DataType.INT32, new int[] {2}, new int[] {0, 1});
    two.output(DataType.INT32);
    assertThrows(ModelFormatException.class, two::run);
    // output_type FLOAT32 (the schema default when options are missing).
    OpModel noType = argMax(TensorType.FLOAT32);
    noType.input(new int[] {2}, 1f, 2f);
    noType.constant(DataType.INT32, new int[] {1}, new int[] {0});
    noType.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, noType::run);
    // output_type INT64 but an int32 output tensor.
    OpModel mismatch = argMax(TensorType.INT64);
    mismatch.input(new int[] {2}, 1f, 2f);
    mismatch.constant(DataType.INT32, new int[] {1}, new int[] {0});
    mismatch.output(DataType.INT32);
    assertThrows(ModelFormatException.class, mismatch::run);
  }

  @Test
  void rejectsUnsupportedInputType() {
    assertThrows(UnsupportedOperatorException.class,
        () -> run(argMax(TensorType.INT32), DataType.INT64, new int[] {2}, new long[] {1, 2}, 0));
  }
}
