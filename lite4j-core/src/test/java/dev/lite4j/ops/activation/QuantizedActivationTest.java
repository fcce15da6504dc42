package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.LeakyReluOptionsT;

/**
 * Integer LOGISTIC, TANH, RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH, ELU and PRELU: every 8-bit input
 * value against the real function on the dequantized input (within one output step), hand-computed values,
 * INT16 LOGISTIC/TANH, and refused quantization. Bit-exactness: QuantizedOpGoldenTest.
 */
class QuantizedActivationTest {
  interface Real {
    double f(double x);
  }

  /** Runs a unary op on every value of {@code type}; returns the outputs widened. */
  static int[] runAll(int op, int version, Object options, DataType type, float si, int zi, float so, int zo) {
    int n = type == DataType.INT16 ? 65536 : 256;
    int min = type == DataType.UINT8 ? 0 : type == DataType.INT8 ? -128 : -32768;
    OpModel m = new OpModel(op).version(version).options(options);
    Object values;
    if (type == DataType.INT16) {
      short[] s = new short[n];
      for (int i = 0; i < n; i++) {
        s[i] = (short) (min + i);
      }
      values = s;
    } else {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) (min + i);
      }
      values = b;
    }
    int t = m.input(type, new int[] {n}, values);
    m.builder().setQuantization(t, si, zi);
    int o = m.output(type);
    m.builder().setQuantization(o, so, zo);
    m.run();
    byte[] raw = m.bytes(0);
    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = switch (type) {
        case INT16 -> bb.getShort(2 * i);
        case UINT8 -> raw[i] & 0xff;
        default -> raw[i];
      };
    }
    return out;
  }

  static void assertWithinOneStep(String what, int op, Object options, Real real, DataType type, float si, int zi,
      float so, int zo) {
    boolean v1Only = op == BuiltinOperator.HARD_SWISH || op == BuiltinOperator.ELU;
    int[] got = runAll(op, type == DataType.UINT8 || v1Only ? 1 : 2, options, type, si, zi, so, zo);
    int min = type == DataType.UINT8 ? 0 : -128;
    int max = type == DataType.UINT8 ? 255 : 127;
    for (int i = 0; i < got.length; i++) {
      int q = min + i;
      double ideal = Math.max(min, Math.min(max, real.f(si * (q - zi)) / so + zo));
      assertTrue(Math.abs(got[i] - ideal) <= 1.0, what + " " + type + " input " + q + ": " + got[i] + " vs " + ideal);
    }
  }

  private static LeakyReluOptionsT alpha(float a) {
    LeakyReluOptionsT o = new LeakyReluOptionsT();
    o.setAlpha(a);
    return o;
  }

  @Test
  void everyEightBitInputIsWithinOneStepOfTheRealFunction() {
    Real logistic = x -> 1 / (1 + Math.exp(-x));
    Real relu6 = x -> Math.min(6, Math.max(0, x));
    Real hardSwish = x -> x * Math.min(6, Math.max(0, x + 3)) / 6;
    for (DataType type : new DataType[] {DataType.UINT8, DataType.INT8}) {
      int z = type == DataType.UINT8 ? 128 : 0;
      int lowest = type == DataType.UINT8 ? 0 : -128;
      assertWithinOneStep("LOGISTIC", BuiltinOperator.LOGISTIC, null, logistic, type, 0.07f, z, 1 / 256f, lowest);
      assertWithinOneStep("TANH", BuiltinOperator.TANH, null, Math::tanh, type, 0.03f, z - 3, 1 / 128f, z);
      assertWithinOneStep("RELU", BuiltinOperator.RELU, null, x -> Math.max(0, x), type, 0.05f, z + 5, 0.03f,
          lowest + 2);
      assertWithinOneStep("RELU6", BuiltinOperator.RELU6, null, relu6, type, 0.06f, z, 6 / 255f, lowest);
      assertWithinOneStep("LEAKY_RELU", BuiltinOperator.LEAKY_RELU, alpha(0.25f), x -> x > 0 ? x : 0.25 * x, type,
          0.05f, z, 0.04f, z - 7);
    }
    assertWithinOneStep("HARD_SWISH", BuiltinOperator.HARD_SWISH, null, hardSwish, DataType.INT8, 0.05f, 3, 0.04f,
        -60);
    assertWithinOneStep("ELU", BuiltinOperator.ELU, null, x -> x >= 0 ? x : Math.expm1(x), DataType.INT8, 0.05f,
        10, 0.04f, -60);
  }

  @Test
  void handComputedValues() {
    // LOGISTIC uint8, input scale 1/16 zero 128: logistic(0) = 0.5 -> 128; logistic(-8) = 0.000335 -> 0.
    int[] logistic = runAll(BuiltinOperator.LOGISTIC, 1, null, DataType.UINT8, 1 / 16f, 128, 1 / 256f, 0);
    assertEquals(128, logistic[128]);
    assertEquals(0, logistic[0]);
    assertEquals(255, logistic[255], "logistic(7.94) = 0.99964 rounds to 256 and clamps");
    // RELU6 int8, same scale in and out (0.1, zero 0): 6.0 is 60, so 100 -> 60, -5 -> 0, 33 -> 33.
    int[] relu6 = runAll(BuiltinOperator.RELU6, 2, null, DataType.INT8, 0.1f, 0, 0.1f, 0);
    assertEquals(60, relu6[128 + 100]);
    assertEquals(0, relu6[128 - 5]);
    assertEquals(33, relu6[128 + 33]);
    // INT16 LOGISTIC: Q3.12 in, Q0.15 out; 0 -> 1/2, 4096 (1.0) -> 0.7311 * 32768 = 23955.
    int[] l16 = runAll(BuiltinOperator.LOGISTIC, 3, null, DataType.INT16, 0x1p-12f, 0, 0x1p-15f, 0);
    assertEquals(16384, l16[32768]);
    assertTrue(Math.abs(l16[32768 + 4096] - 23955) <= 6, "logistic(1) = " + l16[32768 + 4096]);
    // INT16 TANH with input scale 2^-11 (the input is doubled first): 2048 is 1.0 -> 0.7616 * 32768 = 24956.
    int[] t16 = runAll(BuiltinOperator.TANH, 3, null, DataType.INT16, 0x1p-11f, 0, 0x1p-15f, 0);
    assertEquals(0, t16[32768]);
    assertTrue(Math.abs(t16[32768 + 2048] - 24956) <= 12, "tanh(1) = " + t16[32768 + 2048]);
  }

  @Test
  void quantizedPreluUsesAlphaPerChannel() {
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    int in = m.input(DataType.INT8, new int[] {2, 2}, new byte[] {-10, 10, -20, -4});
    m.builder().setQuantization(in, 0.1f, 0);
    int a = m.constant(DataType.INT8, new int[] {2}, new byte[] {5, -10}); // alpha 0.5, -1.0 at scale 0.1
    m.builder().setQuantization(a, 0.1f, 0);
    int out = m.output(DataType.INT8);
    m.builder().setQuantization(out, 0.1f, 0);
    m.run();
    // -1.0 * 0.5 = -0.5 -> -5; 1.0 -> 10; -2.0 * 0.5 = -1 -> -10; -0.4 * -1 = 0.4 -> 4
    assertArrayEquals(new byte[] {-5, 10, -10, 4}, m.bytes(0));
  }

  @Test
  void refusesQuantizationTfLiteRefuses() {
    // LOGISTIC int8 output must be 1/256 with zero point -128 (TF checks the scale).
    assertThrows(ModelFormatException.class,
        () -> runAll(BuiltinOperator.LOGISTIC, 2, null, DataType.INT8, 0.1f, 0, 1 / 128f, -128));
    // INT16 LOGISTIC needs input scale 2^-12 exactly (TF Lite's int16 logistic does not shift its input).
    assertThrows(ModelFormatException.class,
        () -> runAll(BuiltinOperator.LOGISTIC, 3, null, DataType.INT16, 0x1p-11f, 0, 0x1p-15f, 0));
    // INT16 TANH needs zero points 0.
    assertThrows(ModelFormatException.class,
        () -> runAll(BuiltinOperator.TANH, 3, null, DataType.INT16, 0x1p-12f, 3, 0x1p-15f, 0));
  }
}
