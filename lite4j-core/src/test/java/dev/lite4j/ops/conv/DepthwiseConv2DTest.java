package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.Padding;

class DepthwiseConv2DTest {
  private static DepthwiseConv2DOptionsT options(byte padding, int strideH, int strideW, int dilationH,
      int dilationW, int multiplier, byte act) {
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(strideH);
    o.setStrideW(strideW);
    o.setDilationHFactor(dilationH);
    o.setDilationWFactor(dilationW);
    o.setDepthMultiplier(multiplier);
    o.setFusedActivationFunction(act);
    return o;
  }

  @Test
  void validWithBias() {
    // Channel 0: 1..9 with taps [1 2; 3 4] (as the plain conv: 37 47 67 77); channel 1: all 10 with
    // taps [1 -1; 0.5 0] = 5, plus bias 1.
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 1, ActivationFunctionType.NONE));
    float[] in = new float[18];
    for (int p = 0; p < 9; p++) {
      in[2 * p] = p + 1;
      in[2 * p + 1] = 10;
    }
    m.input(new int[] {1, 3, 3, 2}, in);
    m.constant(new int[] {1, 2, 2, 2}, 1, 1, 2, -1, 3, 0.5f, 4, 0);
    m.constant(new int[] {2}, 0, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 2}, m.shape(0));
    assertArrayEquals(new float[] {37, 6, 47, 6, 67, 6, 77, 6}, m.floats(0), 0f);
  }

  @Test
  void multiplier2SameStride2Relu6() {
    // Pixels (1,10) (2,20) (3,30) (4,40); output channels ic0q0, ic0q1, ic1q0, ic1q1.
    // oc0 = 1 + 2 + bias 4 = 7 -> 6; oc1 = 3; oc2 = 10 * 0.1 = 1; oc3 = 30 * -0.1 = -3 -> 0.
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.SAME, 2, 2, 1, 1, 2, ActivationFunctionType.RELU6));
    m.input(new int[] {1, 2, 2, 2}, 1, 10, 2, 20, 3, 30, 4, 40);
    m.constant(new int[] {1, 2, 2, 4}, 1, 0, 0.1f, 0, 1, 0, 0, 0, 0, 1, 0, -0.1f, 0, 0, 0, 0);
    m.constant(new int[] {4}, 4, 0, 0, 0);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 1, 1, 4}, m.shape(0));
    assertArrayEquals(new float[] {6, 3, 1, 0}, m.floats(0), 1e-6f);
  }

  @Test
  void dilation2WithSamePadding() {
    // Effective filter 3x3, padding 1 before: out(y,x) = sum in(y-1+2fy, x-1+2fx) * [1 2; 3 4].
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.SAME, 1, 1, 2, 2, 1, ActivationFunctionType.NONE)).version(2);
    m.input(new int[] {1, 3, 3, 1}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.noInput();
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {20, 36, 15, 36, 64, 26, 10, 16, 5}, m.floats(0), 0f);
  }

  @Test
  void theMultiplierComesFromTheShapesNotTheOption() {
    // TensorFlow Lite ignores a depth_multiplier option that disagrees with the shapes.
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 3, ActivationFunctionType.NONE));
    m.input(new int[] {1, 1, 1, 2}, 2, 3);
    m.constant(new int[] {1, 1, 1, 4}, 1, 10, 100, 1000);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {2, 20, 300, 3000}, m.floats(0), 0f);
  }

  @Test
  void filterComputedAtRunTime() {
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 1, ActivationFunctionType.NONE));
    m.input(new int[] {1, 1, 2, 1}, 3, 4);
    m.input(new int[] {1, 1, 2, 1}, 1, 2);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {11}, m.floats(0), 0f);
    m.feed(1, new float[] {-1, 1});
    m.run();
    assertArrayEquals(new float[] {1}, m.floats(0), 0f);
  }

  @Test
  void matchesTheDefinitionOnLargerShapes() {
    Random r = new Random(11);
    check(r, new int[] {2, 7, 8, 3}, 2, 3, 3, Padding.SAME, 2, 2, 1, 1, true);
    check(r, new int[] {1, 9, 10, 8}, 1, 3, 3, Padding.SAME, 1, 1, 2, 2, true);
    check(r, new int[] {1, 6, 5, 4}, 1, 2, 3, Padding.VALID, 1, 2, 1, 1, false);
  }

  private static void check(Random r, int[] inShape, int multiplier, int kH, int kW, byte padding, int sh, int sw,
      int dh, int dw, boolean withBias) {
    int inC = inShape[3];
    int outC = inC * multiplier;
    float[] in = Conv2DTest.random(r, inShape[0] * inShape[1] * inShape[2] * inC);
    float[] f = Conv2DTest.random(r, kH * kW * outC);
    float[] bias = withBias ? Conv2DTest.random(r, outC) : null;
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(padding, sh, sw, dh, dw, multiplier, ActivationFunctionType.NONE));
    m.input(inShape, in);
    m.constant(new int[] {1, kH, kW, outC}, f);
    if (withBias) {
      m.constant(new int[] {outC}, bias);
    }
    m.output(DataType.FLOAT32);
    m.run();
    boolean same = padding == Padding.SAME;
    int outH = outSize(inShape[1], kH, sh, dh, same);
    int outW = outSize(inShape[2], kW, sw, dw, same);
    int pt = Math.max((outH - 1) * sh + (kH - 1) * dh + 1 - inShape[1], 0) / 2;
    int pl = Math.max((outW - 1) * sw + (kW - 1) * dw + 1 - inShape[2], 0) / 2;
    assertArrayEquals(new int[] {inShape[0], outH, outW, outC}, m.shape(0));
    float[] expected = new float[inShape[0] * outH * outW * outC];
    int i = 0;
    for (int b = 0; b < inShape[0]; b++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          for (int oc = 0; oc < outC; oc++) {
            float sum = 0;
            for (int fy = 0; fy < kH; fy++) {
              for (int fx = 0; fx < kW; fx++) {
                int iy = oy * sh - pt + fy * dh;
                int ix = ox * sw - pl + fx * dw;
                if (iy >= 0 && iy < inShape[1] && ix >= 0 && ix < inShape[2]) {
                  sum += in[((b * inShape[1] + iy) * inShape[2] + ix) * inC + oc / multiplier]
                      * f[(fy * kW + fx) * outC + oc];
                }
              }
            }
            expected[i++] = bias == null ? sum : sum + bias[oc];
          }
        }
      }
    }
    assertArrayEquals(expected, m.floats(0), 1e-5f);
  }

  private static int outSize(int size, int k, int s, int d, boolean same) {
    return same ? (size + s - 1) / s : (size - ((k - 1) * d + 1) + s) / s;
  }

  @Test
  void filterChannelsNotAMultipleOfInputChannelsIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 1, ActivationFunctionType.NONE));
    m.input(new int[] {1, 1, 1, 2}, 1, 2);
    m.constant(new int[] {1, 1, 1, 3}, 1, 2, 3);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void filterWithLeadingDimensionOtherThanOneIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 1, ActivationFunctionType.NONE));
    m.input(new int[] {1, 1, 1, 2}, 1, 2);
    m.constant(new int[] {2, 1, 1, 2}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void int8InputWithoutScalesIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 1, ActivationFunctionType.NONE)).version(3);
    m.input(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.constant(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.output(DataType.INT8);
    // the integer kernel takes INT8 nodes; these tensors carry no quantization
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void strideAcrossOnlyWithReluAndReluN1To1() {
    // 3x4 input 1..12, filter [1 0; 0 0.5], bias -8, VALID, stride h 1 w 2: with a the window's
    // top-left value, out = a + 0.5(a+5) - 8 = 1.5a - 5.5 for a = 1, 3, 5, 7: (-4, -1, 2, 5).
    byte[] acts = {ActivationFunctionType.RELU, ActivationFunctionType.RELU_N1_TO_1};
    float[][] expected = {{0, 0, 2, 5}, {-1, -1, 1, 1}};
    for (int i = 0; i < acts.length; i++) {
      OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
          .options(options(Padding.VALID, 1, 2, 1, 1, 1, acts[i]));
      float[] in = new float[12];
      for (int p = 0; p < 12; p++) {
        in[p] = p + 1;
      }
      m.input(new int[] {1, 3, 4, 1}, in);
      m.constant(new int[] {1, 2, 2, 1}, 1, 0, 0, 0.5f);
      m.constant(new int[] {1}, -8);
      m.output(DataType.FLOAT32);
      m.run();
      assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
      assertArrayEquals(expected[i], m.floats(0), 0f);
    }
  }

  @Test
  void dilationDownOnly() {
    // Dilation h 2 w 1 on 3x3 1..9: taps rows 0 and 2; out(0,x) = in(0,x) + 2in(0,x+1) + 3in(2,x) + 4in(2,x+1):
    // x=0: 1 + 4 + 21 + 32 = 58; x=1: 2 + 6 + 24 + 36 = 68.
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 2, 1, 1, ActivationFunctionType.NONE)).version(2);
    m.input(new int[] {1, 3, 3, 1}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 1, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {58, 68}, m.floats(0), 0f);
  }

  @Test
  void fusedSignBitIsUnsupported() {
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, 1, ActivationFunctionType.SIGN_BIT));
    m.input(new int[] {1, 1, 1, 1}, 1f);
    m.constant(new int[] {1, 1, 1, 1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
