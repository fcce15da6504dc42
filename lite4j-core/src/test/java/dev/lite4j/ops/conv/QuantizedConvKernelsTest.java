package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;
import org.tensorflow.lite.schema.Padding;

/**
 * The integer CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED kernels: hand-computed cases, random cases
 * against the float kernels on dequantized operands (within one output step), and bad input. Bit-exactness
 * against TensorFlow Lite itself is {@link QuantizedConvGoldenTest}.
 */
class QuantizedConvKernelsTest {
  private static final DataType U8 = DataType.UINT8;
  private static final DataType I8 = DataType.INT8;
  private static final DataType I16 = DataType.INT16;

  static DepthwiseConv2DOptionsT dwOptions(byte padding, int strideH, int strideW, int dilation, int multiplier,
      byte act) {
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(strideH);
    o.setStrideW(strideW);
    o.setDilationHFactor(dilation);
    o.setDilationWFactor(dilation);
    o.setDepthMultiplier(multiplier);
    o.setFusedActivationFunction(act);
    return o;
  }

  static FullyConnectedOptionsT fcOptions(boolean keepNumDims, byte act) {
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setKeepNumDims(keepNumDims);
    o.setFusedActivationFunction(act);
    return o;
  }

  // ------------------------------------------------------------------------------------ hand-computed

  @Test
  void uint8ConvWithWeightZeroPointAndBias() {
    // input scale 0.5 zp 128: [130 132 134 136] = reals 1 2 3 4; weights scale 0.25 zp 100:
    // [104 96 108 100] = 1 -1 2 0; sum (x - 128)(w - 100) = 2*4 + 4*(-4) + 6*8 + 0 = 40, bias 24 -> 64;
    // multiplier 0.5 * 0.25 / 1 = 0.125 -> 8, plus output zero point 10 -> 18 (real 1 - 2 + 6 + 3 = 8).
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).version(3)
        .options(Conv2DTest.options(Padding.VALID, 1));
    int in = m.input(U8, new int[] {1, 2, 2, 1}, new byte[] {(byte) 130, (byte) 132, (byte) 134, (byte) 136});
    m.builder().setQuantization(in, 0.5f, 128);
    int f = m.constant(U8, new int[] {1, 2, 2, 1}, new byte[] {104, 96, 108, 100});
    m.builder().setQuantization(f, 0.25f, 100);
    int b = m.constant(DataType.INT32, new int[] {1}, new int[] {24});
    m.builder().setQuantization(b, 0.125f, 0);
    int o = m.output(U8);
    m.builder().setQuantization(o, 1f, 10);
    m.run();
    assertArrayEquals(new int[] {1, 1, 1, 1}, m.shape(0));
    assertEquals(18, m.bytes(0)[0] & 0xff);
  }

  @Test
  void int8DepthwisePerChannelSamePadding() {
    // 1x2x2x2 input (zp -1), 2x2 filter per channel with scales 1 and 0.5, input/output scale 1, output zp 0.
    // SAME, stride 1: output pixel (0,0) sees all 4 input pixels; (1,1) only itself.
    // channel 0: x = [1 2 3 4] - (-1) = [2 3 4 5], w = [1 1 1 1] -> (0,0) = 14, (0,1) = 3+5 = 8, (1,0) = 9, (1,1) = 5
    // channel 1: x = [0 0 0 0] + 1 = 1, w = [2 2 2 2] scale 0.5 -> (0,0) = 8 * 0.5 = 4, (0,1) 2, (1,0) 2, (1,1) 1
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D).version(3)
        .options(dwOptions(Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.NONE));
    int in = m.input(I8, new int[] {1, 2, 2, 2}, new byte[] {1, 0, 2, 0, 3, 0, 4, 0});
    m.builder().setQuantization(in, 1f, -1);
    int f = m.constant(I8, new int[] {1, 2, 2, 2}, new byte[] {1, 2, 1, 2, 1, 2, 1, 2});
    m.builder().setQuantization(f, new float[] {1f, 0.5f}, new long[] {0, 0}, 3);
    m.noInput();
    int o = m.output(I8);
    m.builder().setQuantization(o, 1f, 0);
    m.run();
    assertArrayEquals(new byte[] {14, 4, 8, 2, 9, 2, 5, 1}, m.bytes(0));
  }

  /**
   * A product of -1.5 output steps: TensorFlow Lite 2.6's int8 GEMM (ruy) rounds once, halves up, to -1;
   * its uint8 GEMM (gemmlowp) rounds twice, the last halves away from zero, to -2.
   */
  @Test
  void fullyConnectedRoundingFollowsTheBackendOfEachType() {
    // int8: x = -3, w = 2, multiplier 0.5 * 0.5 / 1 = 0.25 -> acc -6 * 0.25 = -1.5
    OpModel s = new OpModel(BuiltinOperator.FULLY_CONNECTED).version(4).options(fcOptions(false, (byte) 0));
    int in = s.input(I8, new int[] {1, 1}, new byte[] {-3});
    s.builder().setQuantization(in, 0.5f, 0);
    int f = s.constant(I8, new int[] {1, 1}, new byte[] {2});
    s.builder().setQuantization(f, 0.5f, 0);
    s.noInput();
    int o = s.output(I8);
    s.builder().setQuantization(o, 1f, 0);
    s.run();
    assertEquals(-1, s.bytes(0)[0]);
    // uint8: the same reals with zero points 128
    OpModel u = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(fcOptions(false, (byte) 0));
    in = u.input(U8, new int[] {1, 1}, new byte[] {125});
    u.builder().setQuantization(in, 0.5f, 128);
    f = u.constant(U8, new int[] {1, 1}, new byte[] {(byte) 130});
    u.builder().setQuantization(f, 0.5f, 128);
    u.noInput();
    o = u.output(U8);
    u.builder().setQuantization(o, 1f, 128);
    u.run();
    assertEquals(126, u.bytes(0)[0] & 0xff);
  }

  @Test
  void int16FullyConnectedWithInt64Bias() {
    // x = [1000, -2000], w = [3, 4], bias 5000: acc = 3000 - 8000 + 5000 = 0 -> +... use bias 9000 -> 4000;
    // multiplier 0.001 * 0.5 / 0.001 = 0.5 -> 2000.
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).version(7).options(fcOptions(false, (byte) 0));
    int in = m.input(I16, new int[] {1, 2}, new short[] {1000, -2000});
    m.builder().setQuantization(in, 0.001f, 0);
    int f = m.constant(I8, new int[] {1, 2}, new byte[] {3, 4});
    m.builder().setQuantization(f, 0.5f, 0);
    int b = m.constant(DataType.INT64, new int[] {1}, new long[] {9000});
    m.builder().setQuantization(b, 0.0005f, 0);
    int o = m.output(I16);
    m.builder().setQuantization(o, 0.001f, 0);
    m.run();
    assertArrayEquals(new int[] {2000}, QuantizedCase.read(I16, m.bytes(0)));
  }

  // ------------------------------------------------------------------------------- random vs float

  private static void conv(DataType type, boolean perChannel, byte padding, int stride, int dilation, byte act,
      long seed) {
    new QuantizedCase(BuiltinOperator.CONV_2D, 3, Conv2DTest.options(padding, stride, stride, dilation, dilation, act),
        type, new int[] {2, 9, 8, 6}, new int[] {5, 3, 3, 6}, 5, 0, perChannel, seed)
        .checkAgainstFloat(true, min(type), max(type));
  }

  private static int min(DataType t) {
    return t == U8 ? 0 : t == I8 ? -128 : -32768;
  }

  private static int max(DataType t) {
    return t == U8 ? 255 : t == I8 ? 127 : 32767;
  }

  @Test
  void convRandomAgainstFloat() {
    conv(U8, false, Padding.SAME, 1, 1, ActivationFunctionType.NONE, 1);
    conv(U8, false, Padding.VALID, 2, 1, ActivationFunctionType.RELU6, 2);
    conv(I8, true, Padding.SAME, 2, 1, ActivationFunctionType.NONE, 3);
    conv(I8, false, Padding.VALID, 1, 2, ActivationFunctionType.RELU, 4);
    conv(I8, true, Padding.SAME, 1, 2, ActivationFunctionType.RELU6, 5);
    conv(I16, true, Padding.SAME, 1, 1, ActivationFunctionType.NONE, 6);
    conv(I16, false, Padding.VALID, 2, 2, ActivationFunctionType.RELU, 7);
  }

  @Test
  void groupedConvRandomAgainstFloat() {
    // input 8 channels, filter 4 input channels: 2 groups of 3 output channels
    new QuantizedCase(BuiltinOperator.CONV_2D, 3, Conv2DTest.options(Padding.SAME, 1), I8, new int[] {1, 5, 6, 8},
        new int[] {6, 3, 3, 4}, 6, 0, true, 8).checkAgainstFloat(true, -128, 127);
  }

  @Test
  void convWithoutBias() {
    new QuantizedCase(BuiltinOperator.CONV_2D, 3, Conv2DTest.options(Padding.SAME, 1), U8, new int[] {1, 5, 6, 7},
        new int[] {9, 2, 2, 7}, 9, 0, false, 9).checkAgainstFloat(false, 0, 255);
  }

  @Test
  void depthwiseRandomAgainstFloat() {
    long seed = 20;
    for (DataType type : new DataType[] {U8, I8, I16}) {
      for (int multiplier : new int[] {1, 3}) {
        boolean perChannel = type != U8;
        new QuantizedCase(BuiltinOperator.DEPTHWISE_CONV_2D, 3,
            dwOptions(seed % 2 == 0 ? Padding.SAME : Padding.VALID, 2, 1, 1 + (int) (seed % 2), multiplier,
                ActivationFunctionType.NONE),
            type, new int[] {2, 9, 10, 4}, new int[] {1, 3, 3, 4 * multiplier}, 4 * multiplier, 3, perChannel, seed++)
            .checkAgainstFloat(true, min(type), max(type));
      }
    }
  }

  @Test
  void fullyConnectedRandomAgainstFloat() {
    long seed = 40;
    for (DataType type : new DataType[] {U8, I8, I16}) {
      new QuantizedCase(BuiltinOperator.FULLY_CONNECTED, 1, fcOptions(false, ActivationFunctionType.NONE), type,
          new int[] {5, 33}, new int[] {11, 33}, 11, 0, false, seed++).checkAgainstFloat(true, min(type), max(type));
    }
    int[] got = new QuantizedCase(BuiltinOperator.FULLY_CONNECTED, 5, fcOptions(true, ActivationFunctionType.NONE), I8,
        new int[] {2, 3, 20}, new int[] {6, 20}, 6, 0, false, seed).checkAgainstFloat(true, -128, 127);
    assertEquals(36, got.length);
  }

  @Test
  void fullyConnectedKeepNumDimsShape() {
    QuantizedCase c = new QuantizedCase(BuiltinOperator.FULLY_CONNECTED, 5, fcOptions(true, (byte) 0), I8,
        new int[] {2, 3, 20}, new int[] {6, 20}, 6, 0, false, 50);
    OpModel m = c.integerModel(true, I8);
    m.run();
    assertArrayEquals(new int[] {2, 3, 6}, m.shape(0));
  }

  @Test
  void uint8FullyConnectedToInt16() {
    QuantizedCase c = new QuantizedCase(BuiltinOperator.FULLY_CONNECTED, 3, fcOptions(false, (byte) 0), U8,
        new int[] {3, 10}, new int[] {4, 10}, 4, 0, false, 51);
    c.outZp = 0;
    c.outScale /= 256;
    OpModel q = c.integerModel(true, I16);
    q.run();
    int[] got = QuantizedCase.read(I16, q.bytes(0));
    OpModel f = c.floatModel(true);
    f.run();
    float[] want = f.floats(0);
    for (int i = 0; i < want.length; i++) {
      assertTrue(Math.abs(got[i] - want[i] / c.outScale) <= 1.0, i + ": " + got[i] + " vs " + want[i] / c.outScale);
    }
  }

  @Test
  void runsTwiceTheSame() {
    QuantizedCase c = new QuantizedCase(BuiltinOperator.CONV_2D, 3, Conv2DTest.options(Padding.SAME, 1), I8,
        new int[] {1, 4, 4, 3}, new int[] {2, 3, 3, 3}, 2, 0, true, 60);
    OpModel m = c.integerModel(true, I8);
    m.run();
    byte[] first = m.bytes(0);
    m.run();
    assertArrayEquals(first, m.bytes(0));
  }

  // ------------------------------------------------------------------------------------- bad input

  private static String messageOf(Class<? extends RuntimeException> type, OpModel m) {
    return assertThrows(type, m::run).getMessage();
  }

  @Test
  void int8FilterWithNonzeroZeroPointIsRefused() {
    QuantizedCase c = new QuantizedCase(BuiltinOperator.CONV_2D, 3, Conv2DTest.options(Padding.SAME, 1), I8,
        new int[] {1, 4, 4, 3}, new int[] {2, 3, 3, 3}, 2, 0, false, 70);
    c.wZp = 5;
    String msg = messageOf(ModelFormatException.class, c.integerModel(true, I8));
    assertTrue(msg.contains("CONV_2D") && msg.contains("zero point 5"), msg);
  }

  @Test
  void mismatchedWeightTypeIsUnsupported() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).version(3).options(Conv2DTest.options(Padding.SAME, 1));
    int in = m.input(U8, new int[] {1, 2, 2, 1}, new byte[4]);
    m.builder().setQuantization(in, 1f, 0);
    int f = m.constant(I8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.builder().setQuantization(f, 1f, 0);
    m.noInput();
    int o = m.output(U8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = messageOf(UnsupportedOperatorException.class, m);
    assertTrue(msg.contains("node 0") && msg.contains("INT8") && msg.contains("UINT8"), msg);
  }

  @Test
  void missingInputScaleIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D).version(3)
        .options(dwOptions(Padding.SAME, 1, 1, 1, 1, (byte) 0));
    m.input(I8, new int[] {1, 2, 2, 1}, new byte[4]);
    int f = m.constant(I8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.builder().setQuantization(f, 1f, 0);
    m.noInput();
    int o = m.output(I8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = messageOf(ModelFormatException.class, m);
    assertTrue(msg.contains("DEPTHWISE_CONV_2D") && msg.contains("no quantization scale"), msg);
  }

  @Test
  void int16WithNonzeroZeroPointIsAModelError() {
    QuantizedCase c = new QuantizedCase(BuiltinOperator.FULLY_CONNECTED, 7, fcOptions(false, (byte) 0), I16,
        new int[] {1, 4}, new int[] {2, 4}, 2, 0, false, 71);
    c.inZp = 3;
    String msg = messageOf(ModelFormatException.class, c.integerModel(true, I16));
    assertTrue(msg.contains("FULLY_CONNECTED") && msg.contains("zero point 3"), msg);
  }

  @Test
  void wrongNumberOfChannelScalesIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).version(3).options(Conv2DTest.options(Padding.SAME, 1));
    int in = m.input(I8, new int[] {1, 2, 2, 1}, new byte[4]);
    m.builder().setQuantization(in, 1f, 0);
    int f = m.constant(I8, new int[] {3, 1, 1, 1}, new byte[] {1, 2, 3});
    m.builder().setQuantization(f, new float[] {1f, 1f}, new long[] {0, 0}, 0);
    m.noInput();
    int o = m.output(I8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = messageOf(ModelFormatException.class, m);
    assertTrue(msg.contains("2 scales, expected 1 or 3"), msg);
  }

  @Test
  void floatBiasWithIntegerInputIsUnsupported() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).version(4).options(fcOptions(false, (byte) 0));
    int in = m.input(I8, new int[] {1, 2}, new byte[2]);
    m.builder().setQuantization(in, 1f, 0);
    int f = m.constant(I8, new int[] {1, 2}, new byte[] {1, 2});
    m.builder().setQuantization(f, 1f, 0);
    m.constant(new int[] {1}, 0.5f);
    int o = m.output(I8);
    m.builder().setQuantization(o, 1f, 0);
    String msg = messageOf(UnsupportedOperatorException.class, m);
    assertTrue(msg.contains("bias of type FLOAT32"), msg);
  }

  @Test
  void shuffledWeightsAreUnsupported() {
    FullyConnectedOptionsT o = fcOptions(false, (byte) 0);
    o.setWeightsFormat(FullyConnectedOptionsWeightsFormat.SHUFFLED4x16INT8);
    QuantizedCase c = new QuantizedCase(BuiltinOperator.FULLY_CONNECTED, 2, o, U8, new int[] {1, 16},
        new int[] {4, 16}, 4, 0, false, 72);
    String msg = messageOf(UnsupportedOperatorException.class, c.integerModel(true, U8));
    assertTrue(msg.contains("SHUFFLED4x16INT8"), msg);
  }

  @Test
  void outputTypeDifferentFromInputIsUnsupported() {
    QuantizedCase c = new QuantizedCase(BuiltinOperator.CONV_2D, 3, Conv2DTest.options(Padding.SAME, 1), I8,
        new int[] {1, 3, 3, 2}, new int[] {2, 1, 1, 2}, 2, 0, true, 73);
    String msg = messageOf(UnsupportedOperatorException.class, c.integerModel(true, U8));
    assertTrue(msg.contains("output of type UINT8"), msg);
  }
}
