package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class PadTest {
  @Test
  void padsFloatsWithZeros() {
    OpModel m = new OpModel(BuiltinOperator.PAD);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    m.constant(DataType.INT32, new int[] {2, 2}, new int[] {1, 0, 0, 2});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3, 4}, m.shape(0));
    assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0}, m.floats(0), 0f);
  }

  @Test
  void padsQuantizedInt8WithTheZeroPoint() {
    OpModel m = new OpModel(BuiltinOperator.PAD);
    int in = m.input(DataType.INT8, new int[] {1, 2}, new byte[] {5, 6});
    m.constant(DataType.INT64, new int[] {2, 2}, new long[] {0, 0, 1, 1});
    int out = m.output(DataType.INT8);
    m.builder().setQuantization(in, 0.5f, -3);
    m.builder().setQuantization(out, 0.5f, -3);
    m.run();
    assertArrayEquals(new byte[] {-3, 5, 6, -3}, m.bytes(0));
  }

  @Test
  void padsInt32InThreeDimensionsWithNonConstantPaddings() {
    OpModel m = new OpModel(BuiltinOperator.PAD);
    m.input(DataType.INT32, new int[] {1, 1, 2}, new int[] {7, 8});
    m.input(DataType.INT32, new int[] {3, 2}, new int[] {0, 1, 1, 0, 0, 1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {2, 2, 3}, m.shape(0));
    assertArrayEquals(new int[] {0, 0, 0, 7, 8, 0, 0, 0, 0, 0, 0, 0}, m.ints(0));
  }

  @Test
  void padV2UsesTheConstantValue() {
    OpModel m = new OpModel(BuiltinOperator.PADV2);
    m.input(new int[] {2}, 1f, 2f);
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {2, 1});
    m.constant(new int[0], 9f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {9f, 9f, 1f, 2f, 9f}, m.floats(0), 0f);
  }

  @Test
  void padV2WithQuantizedUint8Value() {
    OpModel m = new OpModel(BuiltinOperator.PADV2);
    int in = m.input(DataType.UINT8, new int[] {1}, new byte[] {(byte) 200});
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {1, 1});
    int value = m.constant(DataType.UINT8, new int[0], new byte[] {(byte) 130});
    int out = m.output(DataType.UINT8);
    for (int t : new int[] {in, value, out}) {
      m.builder().setQuantization(t, 0.1f, 128);
    }
    m.run();
    assertArrayEquals(new byte[] {(byte) 130, (byte) 200, (byte) 130}, m.bytes(0));
  }

  @Test
  void padV2WithoutValueActsAsPad() {
    OpModel m = new OpModel(BuiltinOperator.PADV2);
    m.input(DataType.INT64, new int[] {1}, new long[] {5});
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {0, 2});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new long[] {5, 0, 0}, m.longs(0));
  }

  @Test
  void rejectsBadPaddings() {
    OpModel negative = new OpModel(BuiltinOperator.PAD);
    negative.input(new int[] {2}, 1f, 2f);
    negative.constant(DataType.INT32, new int[] {1, 2}, new int[] {-1, 0});
    negative.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, negative::run);

    OpModel shape = new OpModel(BuiltinOperator.PAD);
    shape.input(new int[] {2}, 1f, 2f);
    shape.constant(DataType.INT32, new int[] {2, 2}, new int[] {0, 0, 0, 0});
    shape.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shape::run);

    OpModel huge = new OpModel(BuiltinOperator.PAD);
    huge.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    huge.input(DataType.INT32, new int[] {2, 2}, new int[] {1 << 30, 1 << 30, 1 << 30, 0});
    huge.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, huge::run);

    OpModel valueType = new OpModel(BuiltinOperator.PADV2);
    valueType.input(new int[] {2}, 1f, 2f);
    valueType.constant(DataType.INT32, new int[] {1, 2}, new int[] {1, 1});
    valueType.constant(DataType.INT32, new int[0], new int[] {1});
    valueType.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, valueType::run);
  }

  @Test
  void rejectsBoolInput() {
    OpModel m = new OpModel(BuiltinOperator.PAD);
    m.input(DataType.BOOL, new int[] {1}, new boolean[] {true});
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {1, 1});
    m.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
