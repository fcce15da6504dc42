package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptionsT;

class ConcatenationTest {
  private static OpModel concat(int axis, byte activation) {
    ConcatenationOptionsT o = new ConcatenationOptionsT();
    o.setAxis(axis);
    o.setFusedActivationFunction(activation);
    return new OpModel(BuiltinOperator.CONCATENATION).options(o);
  }

  private static OpModel concat(int axis) {
    return concat(axis, ActivationFunctionType.NONE);
  }

  @Test
  void concatenatesFloatsAlongInnerAxis() {
    OpModel m = concat(1);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    m.constant(new int[] {2, 1}, 5f, 6f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 5f, 3f, 4f, 6f}, m.floats(0), 0f);
  }

  @Test
  void negativeAxisCountsFromTheEnd() {
    OpModel m = concat(-1);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    m.input(new int[] {2, 1}, 5f, 6f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 5f, 3f, 4f, 6f}, m.floats(0), 0f);
  }

  @Test
  void concatenatesThreeInt32AlongOuterAxis() {
    OpModel m = concat(0);
    m.input(DataType.INT32, new int[] {1, 2}, new int[] {1, 2});
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {3, 4, 5, 6});
    m.input(DataType.INT32, new int[] {1, 2}, new int[] {7, 8});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {4, 2}, m.shape(0));
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, m.ints(0));
  }

  @Test
  void appliesFusedRelu6ToFloats() {
    OpModel m = concat(0, ActivationFunctionType.RELU6);
    m.input(new int[] {3}, -1f, 7f, 2f);
    m.input(new int[] {1}, 10f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0f, 6f, 2f, 6f}, m.floats(0), 0f);
  }

  @Test
  void concatenatesInt64AndBool() {
    OpModel m = concat(0);
    m.input(DataType.INT64, new int[] {1}, new long[] {1L << 40});
    m.input(DataType.INT64, new int[] {2}, new long[] {-1, 3});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new long[] {1L << 40, -1, 3}, m.longs(0));

    OpModel b = concat(1);
    b.input(DataType.BOOL, new int[] {2, 1}, new boolean[] {true, false});
    b.input(DataType.BOOL, new int[] {2, 1}, new boolean[] {false, true});
    b.output(DataType.BOOL);
    b.run();
    assertArrayEquals(new boolean[] {true, false, false, true}, b.bools(0));
  }

  @Test
  void concatenatesInt8WithSharedQuantization() {
    OpModel m = concat(0);
    int a = m.input(DataType.INT8, new int[] {2}, new byte[] {-128, 5});
    int b = m.input(DataType.INT8, new int[] {1}, new byte[] {127});
    int out = m.output(DataType.INT8);
    for (int t : new int[] {a, b, out}) {
      m.builder().setQuantization(t, 0.5f, -3);
    }
    m.run();
    assertArrayEquals(new byte[] {-128, 5, 127}, m.bytes(0));
  }

  @Test
  void requantizesUint8InputsToTheOutputScale() {
    OpModel m = concat(0);
    int a = m.input(DataType.UINT8, new int[] {2}, new byte[] {10, 20});
    int b = m.input(DataType.UINT8, new int[] {2}, new byte[] {30, 11});
    int c = m.input(DataType.UINT8, new int[] {1}, new byte[] {(byte) 200});
    int out = m.output(DataType.UINT8);
    m.builder().setQuantization(a, 1f, 0);
    // b: 0.5 * (q - 10): 30 -> 10, 11 -> 0.5 which rounds away from zero to 1.
    m.builder().setQuantization(b, 0.5f, 10);
    // c: 2 * 200 = 400, clamped to 255.
    m.builder().setQuantization(c, 2f, 0);
    m.builder().setQuantization(out, 1f, 0);
    m.run();
    assertArrayEquals(new byte[] {10, 20, 10, 1, (byte) 255}, m.bytes(0));
  }

  @Test
  void rejectsInt8InputsWithOtherQuantization() {
    OpModel m = concat(0);
    int a = m.input(DataType.INT8, new int[] {1}, new byte[] {1});
    int b = m.input(DataType.INT8, new int[] {1}, new byte[] {2});
    int out = m.output(DataType.INT8);
    m.builder().setQuantization(a, 0.5f, 0);
    m.builder().setQuantization(b, 0.25f, 0);
    m.builder().setQuantization(out, 0.5f, 0);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsMismatchedShapesAndBadAxis() {
    OpModel m = concat(0);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    m.input(new int[] {1, 3}, 5f, 6f, 7f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);

    OpModel axis = concat(2);
    axis.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    axis.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, axis::run);

    OpModel types = concat(0);
    types.input(new int[] {1}, 1f);
    types.input(DataType.INT32, new int[] {1}, new int[] {1});
    types.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, types::run);
  }

  @Test
  void rejectsActivationOnIntegersAndUnsupportedTypes() {
    OpModel m = concat(0, ActivationFunctionType.RELU);
    m.input(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.INT32);
    assertThrows(ModelFormatException.class, m::run);

    OpModel half = concat(0);
    half.input(DataType.FLOAT16, new int[] {1}, new short[] {0x3c00});
    half.output(DataType.FLOAT16);
    assertThrows(UnsupportedOperatorException.class, half::run);
  }

  @Test
  void appliesFusedReluN1To1AndReluToFloats() {
    OpModel m = concat(-1, ActivationFunctionType.RELU_N1_TO_1);
    m.input(new int[] {1, 2}, -2f, 0.5f);
    m.input(new int[] {1, 1}, 3f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-1f, 0.5f, 1f}, m.floats(0), 0f);

    OpModel r = concat(0, ActivationFunctionType.RELU);
    r.input(new int[] {2}, -2f, 0.5f);
    r.input(new int[] {1}, 30f);
    r.output(DataType.FLOAT32);
    r.run();
    assertArrayEquals(new float[] {0f, 0.5f, 30f}, r.floats(0), 0f);
  }
}
