package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.CastOptionsT;
import org.tensorflow.lite.schema.TensorType;

class CastTest {
  private static OpModel cast(DataType from, Object values, DataType to) {
    OpModel m = new OpModel(BuiltinOperator.CAST).version(5);
    int n = switch (values) {
      case float[] f when from == DataType.COMPLEX64 -> f.length / 2;
      case float[] f -> f.length;
      case int[] i -> i.length;
      case long[] l -> l.length;
      case short[] s -> s.length;
      case byte[] b -> b.length;
      case boolean[] b -> b.length;
      default -> throw new IllegalArgumentException();
    };
    m.input(from, new int[] {n}, values);
    m.output(to);
    m.run();
    return m;
  }

  private static short[] halves(OpModel m) {
    byte[] b = m.bytes(0);
    short[] s = new short[b.length / 2];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }

  private static float[] floatsOf(byte[] b) {
    float[] f = new float[b.length / 4];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
    return f;
  }

  @Test
  void floatToInt32TruncatesAndSaturates() {
    OpModel m = cast(DataType.FLOAT32, new float[] {1.9f, -1.9f, 0.5f, -0f, 3e9f, -3e9f, Float.NaN,
        2147483520f, 2147483648f}, DataType.INT32);
    assertArrayEquals(new int[] {1, -1, 0, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE,
        2147483520, Integer.MAX_VALUE}, m.ints(0));
  }

  @Test
  void floatToInt64() {
    OpModel m = cast(DataType.FLOAT32, new float[] {1.9f, -2.5f, 1e10f, Float.NaN, 1e20f}, DataType.INT64);
    assertArrayEquals(new long[] {1, -2, 10_000_000_000L, Long.MIN_VALUE, Long.MIN_VALUE}, m.longs(0));
  }

  @Test
  void floatToInt16AndUint8Clamp() {
    OpModel s = cast(DataType.FLOAT32, new float[] {40000f, -40000f, -1.7f, 12.9f, Float.NaN}, DataType.INT16);
    assertArrayEquals(new short[] {32767, -32768, -1, 12, 0}, halves(s));
    OpModel u = cast(DataType.FLOAT32, new float[] {300f, -5f, 254.9f, 1.5f, Float.NaN}, DataType.UINT8);
    assertArrayEquals(new byte[] {(byte) 255, 0, (byte) 254, 1, 0}, u.bytes(0));
  }

  @Test
  void floatToInt8TruncatesThenWraps() {
    OpModel m = cast(DataType.FLOAT32, new float[] {127.9f, -128.5f, 200f, -1.5f, 3e9f}, DataType.INT8);
    assertArrayEquals(new byte[] {127, -128, -56, -1, 0}, m.bytes(0));
  }

  @Test
  void floatToBool() {
    OpModel m = cast(DataType.FLOAT32, new float[] {0f, -0f, 0.1f, Float.NaN, -3f}, DataType.BOOL);
    assertArrayEquals(new boolean[] {false, false, true, true, true}, m.bools(0));
  }

  @Test
  void float16BothWays() {
    OpModel h = cast(DataType.FLOAT32, new float[] {1f, 0.1f, 65520f, -2.5f, 1e-8f, 65504f}, DataType.FLOAT16);
    assertArrayEquals(new short[] {0x3c00, 0x2e66, 0x7c00, (short) 0xc100, 0, 0x7bff}, halves(h));

    OpModel f = cast(DataType.FLOAT16, new short[] {0x3c00, 0x3555, (short) 0xc100, 0x7c00}, DataType.FLOAT32);
    assertArrayEquals(new float[] {1f, 0.333251953125f, -2.5f, Float.POSITIVE_INFINITY}, f.floats(0), 0f);

    OpModel i = cast(DataType.FLOAT16, new short[] {0x3e00, (short) 0xc500}, DataType.INT32);
    assertArrayEquals(new int[] {1, -5}, i.ints(0));

    OpModel fromInt = cast(DataType.INT32, new int[] {3, -70000}, DataType.FLOAT16);
    assertArrayEquals(new short[] {0x4200, (short) 0xfc00}, halves(fromInt)); // 3.0, -inf
  }

  @Test
  void int32ToOtherTypes() {
    int[] in = {16777217, -3, 0, 200, -129, 256, 70000, 300, -1};
    assertArrayEquals(new float[] {16777216f, -3f, 0f, 200f, -129f, 256f, 70000f, 300f, -1f},
        cast(DataType.INT32, in, DataType.FLOAT32).floats(0), 0f);
    assertArrayEquals(new byte[] {1, -3, 0, -56, 127, 0, 112, 44, -1}, cast(DataType.INT32, in, DataType.INT8).bytes(0));
    assertArrayEquals(new byte[] {1, -3, 0, -56, 127, 0, 112, 44, -1}, cast(DataType.INT32, in, DataType.UINT8).bytes(0));
    assertArrayEquals(new short[] {1, -3, 0, 200, -129, 256, 4464, 300, -1},
        halves(cast(DataType.INT32, in, DataType.INT16)));
    assertArrayEquals(new long[] {16777217, -3, 0, 200, -129, 256, 70000, 300, -1},
        cast(DataType.INT32, in, DataType.INT64).longs(0));
    assertArrayEquals(new boolean[] {true, true, false, true, true, true, true, true, true},
        cast(DataType.INT32, in, DataType.BOOL).bools(0));
  }

  @Test
  void int64ToInt32AndFloat() {
    long[] in = {0x1_0000_0005L, -1, (1L << 53) + 1};
    assertArrayEquals(new int[] {5, -1, 1}, cast(DataType.INT64, in, DataType.INT32).ints(0));
    assertArrayEquals(new float[] {4294967301f, -1f, 9007199254740992f},
        cast(DataType.INT64, in, DataType.FLOAT32).floats(0), 0f);
  }

  @Test
  void smallIntegerAndBoolSources() {
    assertArrayEquals(new int[] {200, 0, 255}, cast(DataType.UINT8, new byte[] {(byte) 200, 0, -1}, DataType.INT32).ints(0));
    assertArrayEquals(new byte[] {-56, -1}, cast(DataType.UINT8, new byte[] {(byte) 200, -1}, DataType.INT8).bytes(0));
    assertArrayEquals(new float[] {-56f, 127f}, cast(DataType.INT8, new byte[] {-56, 127}, DataType.FLOAT32).floats(0), 0f);
    assertArrayEquals(new byte[] {-1, 5}, cast(DataType.INT8, new byte[] {-1, 5}, DataType.UINT8).bytes(0));
    assertArrayEquals(new float[] {-300f, 32767f},
        cast(DataType.INT16, new short[] {-300, 32767}, DataType.FLOAT32).floats(0), 0f);
    assertArrayEquals(new float[] {1f, 0f}, cast(DataType.BOOL, new boolean[] {true, false}, DataType.FLOAT32).floats(0), 0f);
    assertArrayEquals(new long[] {1, 0}, cast(DataType.BOOL, new boolean[] {true, false}, DataType.INT64).longs(0));
  }

  @Test
  void complex64TakesTheRealPartAndGetsZeroImaginary() {
    float[] complex = {1.5f, 2f, -3.5f, 4f};
    assertArrayEquals(new float[] {1.5f, -3.5f}, cast(DataType.COMPLEX64, complex, DataType.FLOAT32).floats(0), 0f);
    assertArrayEquals(new int[] {1, -3}, cast(DataType.COMPLEX64, complex, DataType.INT32).ints(0));
    assertArrayEquals(complex, floatsOf(cast(DataType.COMPLEX64, complex, DataType.COMPLEX64).bytes(0)), 0f);
    assertArrayEquals(new float[] {7f, 0f, -1f, 0f},
        floatsOf(cast(DataType.INT32, new int[] {7, -1}, DataType.COMPLEX64).bytes(0)), 0f);
  }

  @Test
  void sameTypeCopiesAndOptionsAreIgnored() {
    CastOptionsT o = new CastOptionsT();
    o.setInDataType(TensorType.INT8); // wrong on purpose: TF Lite casts by the tensors' types
    o.setOutDataType(TensorType.INT8);
    OpModel m = new OpModel(BuiltinOperator.CAST).options(o);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, -2, 3, Integer.MIN_VALUE});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new int[] {1, -2, 3, Integer.MIN_VALUE}, m.ints(0));
  }

  @Test
  void rejectsStrings() {
    OpModel m = new OpModel(BuiltinOperator.CAST);
    m.input(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.STRING);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
