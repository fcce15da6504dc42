package dev.lite4j.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * QUANTIZE: float to INT8/UINT8/INT16 (per tensor and per channel), requantize between integer types,
 * hand-computed and random cases, and refused pairs. Bit-exactness against TF Lite 2.6.2:
 * QuantizedOpGoldenTest (quantize_f32_*, requantize_*).
 */
class QuantizeTest {
  private static int[] widen(byte[] raw, DataType type) {
    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int size = type == DataType.INT16 ? 2 : type == DataType.INT32 ? 4 : 1;
    int[] out = new int[raw.length / size];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (type) {
        case INT16 -> bb.getShort(2 * i);
        case INT32 -> bb.getInt(4 * i);
        case UINT8 -> raw[i] & 0xff;
        default -> raw[i];
      };
    }
    return out;
  }

  static int[] quantize(float[] x, DataType to, float scale, int zero) {
    OpModel m = new OpModel(BuiltinOperator.QUANTIZE).version(2);
    m.input(new int[] {x.length}, x);
    int o = m.output(to);
    m.builder().setQuantization(o, scale, zero);
    m.run();
    return widen(m.bytes(0), to);
  }

  static int[] requantize(DataType from, Object values, int n, float si, int zi, DataType to, float so, int zo) {
    OpModel m = new OpModel(BuiltinOperator.QUANTIZE).version(2);
    int t = m.input(from, new int[] {n}, values);
    m.builder().setQuantization(t, si, zi);
    int o = m.output(to);
    m.builder().setQuantization(o, so, zo);
    m.run();
    return widen(m.bytes(0), to);
  }

  @Test
  void floatToInt8RoundsHalfAwayAndSaturates() {
    // scale 0.5, zero -1: 1.0 -> 1; 0.25 -> round(0.5) = 1 -> 0; -0.25 -> -1 -> -2; 100 -> 127; -100 -> -128
    assertArrayEquals(new int[] {1, 0, -2, 127, -128, -1},
        quantize(new float[] {1f, 0.25f, -0.25f, 100f, -100f, 0f}, DataType.INT8, 0.5f, -1));
    // Quotients beyond int32 convert as x86 does (INT_MIN), then add the zero point: with zero -1 the sum wraps
    // to INT_MAX and clamps to 127 -- for -1e10 as for +1e10, as TF Lite 2.6.2 gives (golden quantize_f32_i8).
    assertArrayEquals(new int[] {127, 127}, quantize(new float[] {1e10f, -1e10f}, DataType.INT8, 0.5f, -1));
    assertArrayEquals(new int[] {0, 0}, quantize(new float[] {1e10f, -1e10f}, DataType.UINT8, 0.5f, 3));
  }

  @Test
  void floatToUint8AndInt16() {
    assertArrayEquals(new int[] {128, 129, 255, 0}, quantize(new float[] {0f, 0.2f, 1000f, -1000f}, DataType.UINT8,
        0.25f, 128));
    assertArrayEquals(new int[] {1000, -1000, 32767, -32768},
        quantize(new float[] {1f, -1f, 40f, -40f}, DataType.INT16, 0.001f, 0));
  }

  @Test
  void randomFloatsWithinHalfAStep() {
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[500];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 20 - 10);
    }
    int[] q = quantize(x, DataType.INT8, 0.07f, 5);
    for (int i = 0; i < x.length; i++) {
      double ideal = Math.max(-128, Math.min(127, x[i] / 0.07 + 5));
      assertTrue(Math.abs(q[i] - ideal) <= 0.5 + 1e-6, x[i] + " -> " + q[i]);
    }
  }

  @Test
  void perChannelFloatToInt8() {
    OpModel m = new OpModel(BuiltinOperator.QUANTIZE).version(2);
    m.input(new int[] {2, 3}, 1f, 1f, 1f, -1f, -1f, -1f);
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, new float[] {0.1f, 0.5f, 1f}, new long[] {0, 2, -3}, 1);
    m.run();
    assertArrayEquals(new byte[] {10, 4, -2, -10, 0, -4}, m.bytes(0));
  }

  @Test
  void requantizeBetweenIntegerTypes() {
    // int8 -> uint8 with the same scale and zero points 128 apart: q + 128.
    assertArrayEquals(new int[] {0, 128, 255},
        requantize(DataType.INT8, new byte[] {-128, 0, 127}, 3, 0.5f, 0, DataType.UINT8, 0.5f, 128));
    // uint8 (0.1, 100) -> int8 (0.2, -3): (q - 100) / 2, then - 3. The rounding doubling high multiply rounds
    // ties up: 1.5 -> 2 but -0.5 -> 0 (not -1); 155 / 2 = 77.5 -> 78, so 255 -> 75.
    assertArrayEquals(new int[] {-3, -1, -3, 75},
        requantize(DataType.UINT8, new byte[] {100, 103, 99, (byte) 255}, 4, 0.1f, 100, DataType.INT8, 0.2f, -3));
    // int16 -> int8 saturates; int16 -> int32 (TF Lite Micro's "quantized int32 output").
    assertArrayEquals(new int[] {10, 127, -128},
        requantize(DataType.INT16, new short[] {100, 30000, -30000}, 3, 0.01f, 0, DataType.INT8, 0.1f, 0));
    assertArrayEquals(new int[] {1005, -995},
        requantize(DataType.INT16, new short[] {100, -100}, 2, 0.01f, 0, DataType.INT32, 0.001f, 5));
    // int8 -> int16: a TF Lite Micro pair (TF Lite 2.6 refuses it).
    assertArrayEquals(new int[] {500, -500},
        requantize(DataType.INT8, new byte[] {10, -10}, 2, 0.05f, 0, DataType.INT16, 0.001f, 0));
  }

  @Test
  void refusedPairsAndBadQuantization() {
    assertThrows(UnsupportedOperatorException.class, () -> quantize(new float[] {1f}, DataType.INT32, 0.5f, 0));
    assertThrows(UnsupportedOperatorException.class,
        () -> requantize(DataType.UINT8, new byte[] {1}, 1, 0.5f, 0, DataType.INT16, 0.5f, 0));
    // INT16 to INT16 needs zero points 0.
    assertThrows(ModelFormatException.class,
        () -> requantize(DataType.INT16, new short[] {1}, 1, 0.5f, 3, DataType.INT16, 0.5f, 0));
    // An output without quantization parameters.
    OpModel m = new OpModel(BuiltinOperator.QUANTIZE).version(2);
    m.input(new int[] {1}, 1f);
    m.output(DataType.INT8);
    ModelFormatException e = assertThrows(ModelFormatException.class, m::run);
    assertTrue(e.getMessage().contains("no quantization scale") && e.getMessage().contains("node 0"),
        e.getMessage());
  }
}
