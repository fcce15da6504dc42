package dev.lite4j.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** DEQUANTIZE from float16 and from int8/uint8/int16 with per-tensor and per-channel parameters. */
class DequantizeTest {
  @Test
  void float16ConstantWidensExactly() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(3);
    // All exactly representable in half precision: 2^-14 is the smallest normal, 65504 the largest.
    m.constant(DataType.FLOAT16, new int[] {2, 2}, new float[] {1.5f, -2f, 65504f, 0.00006103515625f});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new float[] {1.5f, -2f, 65504f, 0.00006103515625f}, m.floats(0), 0f);
  }

  @Test
  void float16RunTimeInput() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(3);
    // 0x3C00 = 1.0, 0xC500 = -5.0, 0x3555 = 0.333251953125, 0x7C00 = +inf
    m.input(DataType.FLOAT16, new int[] {4}, new short[] {0x3C00, (short) 0xC500, 0x3555, 0x7C00});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {1f, -5f, 0.333251953125f, Float.POSITIVE_INFINITY}, m.floats(0), 0f);
  }

  @Test
  void int8PerTensor() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(2);
    int t = m.input(DataType.INT8, new int[] {4}, new byte[] {-128, -1, 0, 127});
    m.builder().setQuantization(t, 0.5f, -1);
    m.output(DataType.FLOAT32);
    m.run();
    // 0.5 * (q + 1)
    assertArrayEquals(new float[] {-63.5f, 0f, 0.5f, 64f}, m.floats(0), 0f);
  }

  @Test
  void uint8PerTensor() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE);
    int t = m.input(DataType.UINT8, new int[] {3}, new byte[] {0, (byte) 128, (byte) 255});
    m.builder().setQuantization(t, 0.25f, 128);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-32f, 0f, 31.75f}, m.floats(0), 0f);
  }

  @Test
  void int16PerTensor() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(3);
    int t = m.input(DataType.INT16, new int[] {3}, new short[] {4, -32768, 32767});
    m.builder().setQuantization(t, 0.125f, 0);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0.5f, -4096f, 4095.875f}, m.floats(0), 0f);
  }

  @Test
  void int16NeedsZeroPointZero() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(3);
    int t = m.input(DataType.INT16, new int[] {1}, new short[] {4});
    m.builder().setQuantization(t, 0.125f, 3);
    m.output(DataType.FLOAT32);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void int8PerChannelAlongFirstDimension() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(5);
    int t = m.constant(DataType.INT8, new int[] {2, 3}, new byte[] {1, 2, 3, 2, 4, -2});
    m.builder().setQuantization(t, new float[] {1f, 0.5f}, new long[] {0, 2}, 0);
    m.output(DataType.FLOAT32);
    m.run();
    // Row 0: 1 * q; row 1: 0.5 * (q - 2)
    assertArrayEquals(new float[] {1f, 2f, 3f, 0f, 1f, -2f}, m.floats(0), 0f);
  }

  @Test
  void int8PerChannelAlongLastDimension() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(5);
    int t = m.constant(DataType.INT8, new int[] {2, 2}, new byte[] {1, 1, 2, 2});
    m.builder().setQuantization(t, new float[] {2f, 3f}, new long[] {0, 1}, 1);
    m.output(DataType.FLOAT32);
    m.run();
    // Column 0: 2 * q; column 1: 3 * (q - 1)
    assertArrayEquals(new float[] {2f, 0f, 4f, 3f}, m.floats(0), 0f);
  }

  @Test
  void rejectsChannelCountThatDoesNotMatchTheDimension() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(5);
    int t = m.constant(DataType.INT8, new int[] {2, 2}, new byte[] {1, 1, 2, 2});
    m.builder().setQuantization(t, new float[] {2f, 3f, 4f}, new long[] {0, 0, 0}, 0);
    m.output(DataType.FLOAT32);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void rejectsInt8WithoutScale() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE).version(2);
    m.input(DataType.INT8, new int[] {1}, new byte[] {1});
    m.output(DataType.FLOAT32);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void refusesInt32Input() {
    OpModel m = new OpModel(BuiltinOperator.DEQUANTIZE);
    m.input(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.FLOAT32);
    System.out.println("MSG " + assertThrows(UnsupportedOperatorException.class, m::run).getMessage());
  }
}
