package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.MulOptionsT;

class MulTest {
  private static OpModel mul(byte activation) {
    MulOptionsT o = new MulOptionsT();
    o.setFusedActivationFunction(activation);
    return new OpModel(BuiltinOperator.MUL).options(o);
  }

  @Test
  void floatColumnBroadcast() {
    OpModel m = mul(ActivationFunctionType.NONE);
    m.input(new int[] {2, 3}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.constant(new int[] {2, 1}, 2f, -0.5f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {2f, 4f, 6f, -2f, -2.5f, -3f}, m.floats(0), 0f);
  }

  @Test
  void floatWithRelu6() {
    OpModel m = mul(ActivationFunctionType.RELU6);
    m.input(new int[] {4}, 1f, 2f, 3.5f, -1f);
    m.input(new int[] {1}, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {2f, 4f, 6f, 0f}, m.floats(0), 0f);
  }

  @Test
  void int32WithReluAndWrap() {
    OpModel m = mul(ActivationFunctionType.RELU);
    m.input(DataType.INT32, new int[] {3}, new int[] {3, -4, 65536});
    m.input(DataType.INT32, new int[] {3}, new int[] {-5, -5, 65536});
    m.output(DataType.INT32);
    m.run();
    // 65536 * 65536 = 2^32 wraps to 0 in int32.
    assertArrayEquals(new int[] {0, 20, 0}, m.ints(0));
  }

  @Test
  void int64() {
    OpModel m = mul(ActivationFunctionType.NONE);
    m.input(DataType.INT64, new int[] {2}, new long[] {3_000_000_000L, -7L});
    m.constant(DataType.INT64, new int[] {}, new long[] {3L});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new long[] {9_000_000_000L, -21L}, m.longs(0));
  }

  @Test
  void rejectsBadShapesAndTypes() {
    OpModel shapes = mul(ActivationFunctionType.NONE);
    shapes.input(new int[] {2, 2}, new float[4]);
    shapes.input(new int[] {3, 1}, new float[3]);
    shapes.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shapes::run);

    OpModel uint8 = mul(ActivationFunctionType.NONE);
    uint8.input(DataType.UINT8, new int[] {1}, new byte[] {1});
    uint8.input(DataType.UINT8, new int[] {1}, new byte[] {1});
    uint8.output(DataType.UINT8);
    assertThrows(ModelFormatException.class, uint8::run); // no quantization parameters
  }

  @Test
  void floatWithReluN1To1() {
    // (0.5, -3, 0.25, 4) * -0.5 = (-0.25, 1.5, -0.125, -2) clamped to [-1, 1].
    OpModel m = mul(ActivationFunctionType.RELU_N1_TO_1);
    m.input(new int[] {4}, 0.5f, -3f, 0.25f, 4f);
    m.constant(new int[] {1}, -0.5f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-0.25f, 1f, -0.125f, -1f}, m.floats(0), 0f);
  }
}
