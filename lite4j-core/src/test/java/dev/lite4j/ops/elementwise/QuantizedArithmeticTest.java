package dev.lite4j.ops.elementwise;

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
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.MulOptionsT;
import org.tensorflow.lite.schema.SubOptionsT;

/**
 * Integer ADD, SUB, MUL, SQUARED_DIFFERENCE and comparisons: hand-computed cases, random cases against the
 * real arithmetic on dequantized inputs (within one output step), broadcasting, fused activations, INT16,
 * and bad quantization. Bit-exactness against TF Lite 2.6.2 is QuantizedOpGoldenTest's job.
 */
class QuantizedArithmeticTest {
  /** Quantization of one tensor. */
  record Q(float scale, int zero) {
    float real(int q) {
      return scale * (q - zero);
    }
  }

  private static Object options(int op, byte activation, boolean pot) {
    switch (op) {
      case BuiltinOperator.ADD -> {
        AddOptionsT o = new AddOptionsT();
        o.setFusedActivationFunction(activation);
        o.setPotScaleInt16(pot);
        return o;
      }
      case BuiltinOperator.SUB -> {
        SubOptionsT o = new SubOptionsT();
        o.setFusedActivationFunction(activation);
        o.setPotScaleInt16(pot);
        return o;
      }
      case BuiltinOperator.MUL -> {
        MulOptionsT o = new MulOptionsT();
        o.setFusedActivationFunction(activation);
        return o;
      }
      default -> {
        return null;
      }
    }
  }

  private static Object values(DataType type, int[] v) {
    if (type == DataType.INT16) {
      short[] s = new short[v.length];
      for (int i = 0; i < v.length; i++) {
        s[i] = (short) v[i];
      }
      return s;
    }
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  /** Runs a two-input op on quantized tensors; returns the output widened. */
  static int[] run(int op, byte activation, boolean pot, DataType type, int[] shapeA, int[] a, Q qa, int[] shapeB,
      int[] b, Q qb, DataType outType, Q qo) {
    OpModel m = new OpModel(op).options(options(op, activation, pot));
    int ta = m.input(type, shapeA, values(type, a));
    int tb = m.input(type, shapeB, values(type, b));
    int to = m.output(outType);
    if (qa != null) {
      m.builder().setQuantization(ta, qa.scale, qa.zero);
    }
    if (qb != null) {
      m.builder().setQuantization(tb, qb.scale, qb.zero);
    }
    if (qo != null) {
      m.builder().setQuantization(to, qo.scale, qo.zero);
    }
    m.run();
    byte[] raw = m.bytes(0);
    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int n = outType == DataType.INT16 ? raw.length / 2 : raw.length;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = switch (outType) {
        case INT16 -> bb.getShort(2 * i);
        case UINT8, BOOL -> raw[i] & 0xff;
        default -> raw[i];
      };
    }
    return out;
  }

  static int[] same(int op, DataType type, int[] a, Q qa, int[] b, Q qb, Q qo, byte activation) {
    int[] s = {a.length};
    return run(op, activation, false, type, s, a, qa, s, b, qb, type, qo);
  }

  @Test
  void handComputedUint8AddSubMul() {
    Q half = new Q(0.5f, 128);
    // 1.0 + 1.5 = 2.5 -> 128 + 5; -2 + 0.5 = -1.5 -> 125
    assertArrayEquals(new int[] {133, 125}, same(BuiltinOperator.ADD, DataType.UINT8, new int[] {130, 124}, half,
        new int[] {131, 129}, half, half, ActivationFunctionType.NONE));
    // 1.0 - 1.5 = -0.5 -> 127; -2 - 0.5 = -2.5 -> 123
    assertArrayEquals(new int[] {127, 123}, same(BuiltinOperator.SUB, DataType.UINT8, new int[] {130, 124}, half,
        new int[] {131, 129}, half, half, ActivationFunctionType.NONE));
    // 1.0 * 1.5 = 1.5 -> 131; -2 * 0.5 = -1 -> 126
    assertArrayEquals(new int[] {131, 126}, same(BuiltinOperator.MUL, DataType.UINT8, new int[] {130, 124}, half,
        new int[] {131, 129}, half, half, ActivationFunctionType.NONE));
  }

  @Test
  void handComputedInt8WithDifferentScalesAndRelu6() {
    Q a = new Q(0.1f, -10);
    Q b = new Q(0.25f, 4);
    Q o = new Q(0.05f, -128);
    // 0.5 + 1.0 = 1.5 -> -128 + 30 = -98; 5.0 + 2.0 = 7 clamps to 6 -> -8; -1 + -1 = -2 clamps to 0 -> -128
    assertArrayEquals(new int[] {-98, -8, -128}, same(BuiltinOperator.ADD, DataType.INT8, new int[] {-5, 40, -20},
        a, new int[] {8, 12, 0}, b, o, ActivationFunctionType.RELU6));
  }

  @Test
  void int16GeneralAndPowerOfTwoAdd() {
    // General: 0.001 * 1000 + 0.002 * 250 = 1.5 -> 1.5 / 0.0005 = 3000.
    assertArrayEquals(new int[] {3000, -3000}, same(BuiltinOperator.ADD, DataType.INT16, new int[] {1000, -1000},
        new Q(0.001f, 0), new int[] {250, -250}, new Q(0.002f, 0), new Q(0.0005f, 0), ActivationFunctionType.NONE));
    // Power of two: input 1 at 2^-12 is rounded right by 2 onto the output's 2^-10; the sum saturates.
    int[] s = {3};
    assertArrayEquals(new int[] {100 + 3, 32767, -2}, run(BuiltinOperator.ADD, ActivationFunctionType.NONE, true,
        DataType.INT16, s, new int[] {10, 4000, -6}, new Q(0x1p-12f, 0), s, new int[] {100, 32000, 0},
        new Q(0x1p-10f, 0), DataType.INT16, new Q(0x1p-10f, 0)));
    // SUB on the power-of-two path: 100 - round(10 / 4) = 97.
    assertArrayEquals(new int[] {97}, run(BuiltinOperator.SUB, ActivationFunctionType.NONE, true, DataType.INT16,
        new int[] {1}, new int[] {100}, new Q(0x1p-10f, 0), new int[] {1}, new int[] {10}, new Q(0x1p-12f, 0),
        DataType.INT16, new Q(0x1p-10f, 0)));
  }

  @Test
  void randomCasesAgreeWithRealArithmeticWithinOneStep() {
    SplittableRandom r = new SplittableRandom(5);
    int[] ops = {BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.MUL, BuiltinOperator.SQUARED_DIFFERENCE};
    DataType[] types = {DataType.UINT8, DataType.INT8, DataType.INT16};
    for (int trial = 0; trial < 60; trial++) {
      int op = ops[trial % ops.length];
      DataType type = types[(trial / ops.length) % types.length];
      if (op == BuiltinOperator.SQUARED_DIFFERENCE && type != DataType.INT8) {
        continue;
      }
      int min = type == DataType.UINT8 ? 0 : type == DataType.INT8 ? -128 : -32768;
      int max = type == DataType.UINT8 ? 255 : type == DataType.INT8 ? 127 : 32767;
      boolean symmetric = type == DataType.INT16;
      Q qa = new Q((float) (0.01 + r.nextDouble() * 0.2) / (symmetric ? 256 : 1),
          symmetric ? 0 : r.nextInt(min + 20, max - 20));
      Q qb = new Q((float) (0.01 + r.nextDouble() * 0.2) / (symmetric ? 256 : 1),
          symmetric ? 0 : r.nextInt(min + 20, max - 20));
      int[] a = new int[64];
      int[] b = new int[64];
      float[] real = new float[64];
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      for (int i = 0; i < 64; i++) {
        a[i] = r.nextInt(min, max + 1);
        b[i] = r.nextInt(min, max + 1);
        float x = qa.real(a[i]);
        float y = qb.real(b[i]);
        real[i] = switch (op) {
          case BuiltinOperator.ADD -> x + y;
          case BuiltinOperator.SUB -> x - y;
          case BuiltinOperator.MUL -> x * y;
          default -> (x - y) * (x - y);
        };
        lo = Math.min(lo, real[i]);
        hi = Math.max(hi, real[i]);
      }
      // An output scale that covers most of the range (some values saturate, which is checked too).
      float so = (float) ((hi - lo) / (max - min) * 0.9);
      int zo = symmetric ? 0 : Math.max(min, Math.min(max, (int) Math.round(min - lo / so)));
      Q qo = new Q(so, zo);
      int[] got = same(op, type, a, qa, b, qb, qo, ActivationFunctionType.NONE);
      for (int i = 0; i < 64; i++) {
        double ideal = Math.max(min, Math.min(max, real[i] / so + zo));
        assertTrue(Math.abs(got[i] - ideal) <= 1.0, "op " + op + " " + type + " element " + i + ": " + got[i]
            + " vs " + ideal);
      }
    }
  }

  @Test
  void broadcastingMatchesTheElementwiseResult() {
    Q q = new Q(0.1f, 3);
    int[] a = {10, 20, 30, 40, 50, 60};
    int[] row = {-5, 7, 100};
    int[] got = run(BuiltinOperator.ADD, ActivationFunctionType.NONE, false, DataType.INT8, new int[] {2, 3}, a, q,
        new int[] {3}, row, q, DataType.INT8, q);
    int[] full = same(BuiltinOperator.ADD, DataType.INT8, a, q, new int[] {-5, 7, 100, -5, 7, 100}, q, q,
        ActivationFunctionType.NONE);
    assertArrayEquals(full, got);
  }

  @Test
  void quantizedComparisonsRescaleFirst() {
    // 1.0 (10 at 0.1) against 1.0 (20 at 0.05), 1.05 (21) and 0.95 (19).
    Q a = new Q(0.1f, 0);
    Q b = new Q(0.05f, 0);
    int[] s = {3};
    int[] x = {10, 10, 10};
    int[] y = {20, 21, 19};
    assertArrayEquals(new int[] {1, 0, 0}, run(BuiltinOperator.EQUAL, (byte) 0, false, DataType.INT8, s, x, a, s,
        y, b, DataType.BOOL, null));
    assertArrayEquals(new int[] {0, 1, 0}, run(BuiltinOperator.LESS, (byte) 0, false, DataType.INT8, s, x, a, s, y,
        b, DataType.BOOL, null));
    assertArrayEquals(new int[] {1, 0, 1}, run(BuiltinOperator.GREATER_EQUAL, (byte) 0, false, DataType.INT8, s, x,
        a, s, y, b, DataType.BOOL, null));
    // uint8 with zero points: 138 at (0.1, 128) is 1.0, 20 at (0.05, 0) is 1.0.
    assertArrayEquals(new int[] {0}, run(BuiltinOperator.NOT_EQUAL, (byte) 0, false, DataType.UINT8, new int[] {1},
        new int[] {138}, new Q(0.1f, 128), new int[] {1}, new int[] {20}, b, DataType.BOOL, null));
  }

  @Test
  void badQuantizationGivesClearErrors() {
    int[] s = {1};
    Q q = new Q(0.5f, 0);
    ModelFormatException missing = assertThrows(ModelFormatException.class, () -> run(BuiltinOperator.SUB,
        (byte) 0, false, DataType.INT8, s, new int[] {1}, q, s, new int[] {1}, null, DataType.INT8, q));
    assertTrue(missing.getMessage().contains("input 2") && missing.getMessage().contains("node 0"),
        missing.getMessage());
    // INT16 MUL needs zero points 0.
    assertThrows(ModelFormatException.class, () -> run(BuiltinOperator.MUL, (byte) 0, false, DataType.INT16, s,
        new int[] {1}, new Q(0.5f, 3), s, new int[] {1}, q, DataType.INT16, q));
    // Power-of-two INT16 ADD: both inputs finer than the output is not supported by TF Lite either.
    assertThrows(ModelFormatException.class, () -> run(BuiltinOperator.ADD, (byte) 0, true, DataType.INT16, s,
        new int[] {1}, new Q(0x1p-12f, 0), s, new int[] {1}, new Q(0x1p-12f, 0), DataType.INT16,
        new Q(0x1p-10f, 0)));
    // ... nor does it broadcast.
    assertThrows(ModelFormatException.class, () -> run(BuiltinOperator.ADD, (byte) 0, true, DataType.INT16,
        new int[] {2}, new int[] {1, 2}, new Q(0x1p-10f, 0), s, new int[] {1}, new Q(0x1p-10f, 0), DataType.INT16,
        new Q(0x1p-10f, 0)));
    // Comparisons take QuantizeMultiplierSmallerThanOneExp of the scale itself: scales of 1 or more are refused.
    assertThrows(ModelFormatException.class, () -> run(BuiltinOperator.LESS, (byte) 0, false, DataType.INT8, s,
        new int[] {1}, new Q(2f, 0), s, new int[] {1}, q, DataType.BOOL, null));
    // INT16 comparisons and UINT8 SQUARED_DIFFERENCE have no TF Lite 2.6 kernel.
    assertThrows(UnsupportedOperatorException.class, () -> run(BuiltinOperator.LESS, (byte) 0, false,
        DataType.INT16, s, new int[] {1}, q, s, new int[] {1}, q, DataType.BOOL, null));
    assertThrows(UnsupportedOperatorException.class, () -> run(BuiltinOperator.SQUARED_DIFFERENCE, (byte) 0, false,
        DataType.UINT8, s, new int[] {1}, q, s, new int[] {1}, q, DataType.UINT8, q));
  }
}
