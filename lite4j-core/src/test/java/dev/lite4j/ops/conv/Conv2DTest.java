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
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.Padding;

class Conv2DTest {
  static Conv2DOptionsT options(byte padding, int strideH, int strideW, int dilationH, int dilationW, byte act) {
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(strideH);
    o.setStrideW(strideW);
    o.setDilationHFactor(dilationH);
    o.setDilationWFactor(dilationW);
    o.setFusedActivationFunction(act);
    return o;
  }

  static Conv2DOptionsT options(byte padding, int stride) {
    return options(padding, stride, stride, 1, 1, ActivationFunctionType.NONE);
  }

  private static float[] iota(int n, float from) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = from + i;
    }
    return a;
  }

  @Test
  void validWithoutBiasInput() {
    // 3x3 input 1..9, 2x2 filter [1 2; 3 4]: out(0,0) = 1*1 + 2*2 + 4*3 + 5*4 = 37, and so on.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1));
    m.input(new int[] {1, 3, 3, 1}, iota(9, 1));
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {37, 47, 67, 77}, m.floats(0), 0f);
  }

  @Test
  void sameWithOddPaddingPutsTheExtraRowAndColumnAfter() {
    // SAME, 3x3 input, 2x2 filter: total padding 1 per axis, all of it after (bottom, right).
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.SAME, 1));
    m.input(new int[] {1, 3, 3, 1}, iota(9, 1));
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.noInput();
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {37, 47, 21, 67, 77, 33, 23, 26, 9}, m.floats(0), 0f);
  }

  @Test
  void sameStride2() {
    // 4x4 input 1..16, 3x3 ones, SAME stride 2: output 2x2, padding 0 before and 1 after.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.SAME, 2));
    m.input(new int[] {1, 4, 4, 1}, iota(16, 1));
    m.constant(new int[] {1, 3, 3, 1}, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {54, 45, 72, 54}, m.floats(0), 0f);
  }

  @Test
  void pointwiseWithBiasAndRelu6() {
    // pixel (1, 2): (1+2+0.5, 2-2+0, -1+1+10 -> 6); pixel (3, -4): (-0.5 -> 0, 6+4 -> 6, -3-2+10).
    OpModel m = new OpModel(BuiltinOperator.CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.RELU6));
    m.input(new int[] {1, 1, 2, 2}, 1, 2, 3, -4);
    m.constant(new int[] {3, 1, 1, 2}, 1, 1, 2, -1, -1, 0.5f);
    m.constant(new int[] {3}, 0.5f, 0, 10);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {3.5f, 0, 6, 0, 6, 5}, m.floats(0), 0f);
  }

  @Test
  void sameWithAFilterTallerThanTheInput() {
    // 2x3 input, 5x1 filter (1, 10, 100, 1000, 10000), SAME: padding 2 rows before. Row 0 gets
    // taps 2 and 3 (100 * row0 + 1000 * row1), row 1 taps 1 and 2 (10 * row0 + 100 * row1).
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.SAME, 1));
    m.input(new int[] {1, 2, 3, 1}, 1, 2, 3, 4, 5, 6);
    m.constant(new int[] {1, 5, 1, 1}, 1, 10, 100, 1000, 10000);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {4100, 5200, 6300, 410, 520, 630}, m.floats(0), 0f);
  }

  @Test
  void dilation2() {
    // in(y,x) = 5y + x; taps 1, 10, 100, 1000 at (0,0), (0,2), (2,0), (2,2):
    // out = 1111 * (5y + x) + 10*2 + 100*10 + 1000*12 = 1111 * (5y + x) + 13020.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D)
        .options(options(Padding.VALID, 1, 1, 2, 2, ActivationFunctionType.NONE));
    m.input(new int[] {1, 5, 5, 1}, iota(25, 0));
    m.constant(new int[] {1, 2, 2, 1}, 1, 10, 100, 1000);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {13020, 14131, 15242, 18575, 19686, 20797, 24130, 25241, 26352}, m.floats(0), 0f);
  }

  @Test
  void groupedConvolution() {
    // 4 input channels, filter depth 2: 2 groups; outputs 0,1 read channels 0,1 and outputs 2,3 read 2,3.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1)).version(6);
    m.input(new int[] {1, 1, 2, 4}, 1, 2, 3, 4, -1, 0, 2, 1);
    m.constant(new int[] {4, 1, 1, 2}, 1, 0, 0, 1, 1, 1, 2, -1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {1, 2, 7, 2, -1, 0, 3, 3}, m.floats(0), 0f);
  }

  @Test
  void filterAndBiasComputedAtRunTimeAreReadOnEveryRun() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1));
    m.input(new int[] {1, 3, 3, 1}, iota(9, 1));
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.input(new int[] {1}, 0.5f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {37.5f, 47.5f, 67.5f, 77.5f}, m.floats(0), 0f);
    m.feed(1, new float[] {1, 0, 0, -1}).feed(2, new float[] {1});
    m.run();
    // out = in(y,x) - in(y+1,x+1) + 1 = -4 + 1 everywhere.
    assertArrayEquals(new float[] {-3, -3, -3, -3}, m.floats(0), 0f);
  }

  @Test
  void matchesTheDefinitionOnLargerShapes() {
    Random r = new Random(7);
    check(r, new int[] {2, 6, 9, 5}, new int[] {6, 3, 3, 5}, Padding.SAME, 1, 1, 1, 1, true,
        ActivationFunctionType.RELU);
    check(r, new int[] {1, 9, 11, 4}, new int[] {3, 3, 2, 4}, Padding.SAME, 2, 2, 2, 2, true,
        ActivationFunctionType.NONE);
    check(r, new int[] {1, 5, 7, 6}, new int[] {4, 3, 2, 3}, Padding.VALID, 2, 1, 1, 1, false,
        ActivationFunctionType.RELU_N1_TO_1);
    check(r, new int[] {1, 7, 10, 3}, new int[] {8, 3, 3, 3}, Padding.SAME, 1, 2, 1, 3, true,
        ActivationFunctionType.NONE);
  }

  private static void check(Random r, int[] inShape, int[] fShape, byte padding, int sh, int sw, int dh, int dw,
      boolean withBias, byte act) {
    float[] in = random(r, inShape[0] * inShape[1] * inShape[2] * inShape[3]);
    float[] f = random(r, fShape[0] * fShape[1] * fShape[2] * fShape[3]);
    float[] bias = withBias ? random(r, fShape[0]) : null;
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(padding, sh, sw, dh, dw, act));
    m.input(inShape, in);
    m.constant(fShape, f);
    if (withBias) {
      m.constant(new int[] {fShape[0]}, bias);
    }
    m.output(DataType.FLOAT32);
    m.run();
    Reference ref = new Reference(inShape, fShape, padding == Padding.SAME, sh, sw, dh, dw);
    assertArrayEquals(ref.outShape(), m.shape(0));
    float lo = act == ActivationFunctionType.RELU || act == ActivationFunctionType.RELU6 ? 0
        : act == ActivationFunctionType.RELU_N1_TO_1 ? -1 : Float.NEGATIVE_INFINITY;
    float hi = act == ActivationFunctionType.RELU6 ? 6 : act == ActivationFunctionType.RELU_N1_TO_1 ? 1
        : Float.POSITIVE_INFINITY;
    assertArrayEquals(ref.conv(in, f, bias, lo, hi), m.floats(0), 1e-5f);
  }

  static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextFloat() * 2 - 1;
    }
    return a;
  }

  /** The convolution straight from its definition (TensorFlow's SAME/VALID padding, groups). */
  private record Reference(int[] in, int[] f, boolean same, int sh, int sw, int dh, int dw) {
    int outSize(int size, int k, int s, int d) {
      int eff = (k - 1) * d + 1;
      return same ? (size + s - 1) / s : (size - eff + s) / s;
    }

    int padBefore(int size, int k, int s, int d) {
      int eff = (k - 1) * d + 1;
      return Math.max((outSize(size, k, s, d) - 1) * s + eff - size, 0) / 2;
    }

    int[] outShape() {
      return new int[] {in[0], outSize(in[1], f[1], sh, dh), outSize(in[2], f[2], sw, dw), f[0]};
    }

    float[] conv(float[] x, float[] w, float[] bias, float lo, float hi) {
      int[] o = outShape();
      int groupIn = f[3];
      int groupOut = f[0] / (in[3] / groupIn);
      int pt = padBefore(in[1], f[1], sh, dh);
      int pl = padBefore(in[2], f[2], sw, dw);
      float[] y = new float[o[0] * o[1] * o[2] * o[3]];
      int i = 0;
      for (int b = 0; b < o[0]; b++) {
        for (int oy = 0; oy < o[1]; oy++) {
          for (int ox = 0; ox < o[2]; ox++) {
            for (int oc = 0; oc < o[3]; oc++) {
              float sum = 0;
              for (int fy = 0; fy < f[1]; fy++) {
                for (int fx = 0; fx < f[2]; fx++) {
                  int iy = oy * sh - pt + fy * dh;
                  int ix = ox * sw - pl + fx * dw;
                  if (iy < 0 || iy >= in[1] || ix < 0 || ix >= in[2]) {
                    continue;
                  }
                  for (int ci = 0; ci < groupIn; ci++) {
                    int c = (oc / groupOut) * groupIn + ci;
                    sum += x[((b * in[1] + iy) * in[2] + ix) * in[3] + c] * w[((oc * f[1] + fy) * f[2] + fx) * f[3] + ci];
                  }
                }
              }
              if (bias != null) {
                sum += bias[oc];
              }
              y[i++] = Math.min(Math.max(sum, lo), hi);
            }
          }
        }
      }
      return y;
    }
  }

  @Test
  void inputChannelsNotAMultipleOfTheFilterDepthIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1));
    m.input(new int[] {1, 2, 2, 3}, new float[12]);
    m.constant(new int[] {1, 1, 1, 2}, 1, 1);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void biasOfTheWrongSizeIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1));
    m.input(new int[] {1, 2, 2, 1}, new float[4]);
    m.constant(new int[] {2, 1, 1, 1}, 1, 1);
    m.constant(new int[] {3}, 1, 1, 1);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void zeroStrideIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 0));
    m.input(new int[] {1, 2, 2, 1}, new float[4]);
    m.constant(new int[] {1, 1, 1, 1}, 1);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void inputSmallerThanTheFilterWithValidPaddingIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1));
    m.input(new int[] {1, 1, 1, 1}, new float[1]);
    m.constant(new int[] {1, 3, 3, 1}, new float[9]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void int8InputWithoutScalesIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1)).version(3);
    m.input(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.constant(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.output(DataType.INT8);
    // the integer kernel takes INT8 nodes; these tensors carry no quantization
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void int8FilterWithFloatInputGoesHybridAndNeedsAScale() {
    // Float input with int8 weights is the hybrid kernel (HybridKernelsTest); without a scale it is refused.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).options(options(Padding.VALID, 1)).version(2);
    m.input(new int[] {1, 1, 1, 1}, 1f);
    m.constant(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void strideTwoDownOneAcrossWithRelu() {
    // 4x3 input 1..12, filter [1 2; -1 0.5], bias -10, VALID, stride h 2 w 1: with a the window's
    // top-left value, out = a + 2(a+1) - (a+3) + 0.5(a+4) - 10 = 2.5a - 9 for a = 1, 2, 7, 8.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D)
        .options(options(Padding.VALID, 2, 1, 1, 1, ActivationFunctionType.RELU));
    m.input(new int[] {1, 4, 3, 1}, iota(12, 1));
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, -1, 0.5f);
    m.constant(new int[] {1}, -10);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    // (-6.5, -4, 8.5, 11) through RELU.
    assertArrayEquals(new float[] {0, 0, 8.5f, 11}, m.floats(0), 0f);
  }

  @Test
  void dilationAcrossOnlyWithReluN1To1() {
    // Dilation h 1 w 2: taps (0,x) (0,x+2) (1,x) (1,x+2) with weights 1 -1 1 1; output 1x3.
    // x=0: 0.5 - 0.25 - 0.25 + 0.125 = 0.125; x=1: -2 - 1 + 0 - 0.5 = -3.5; x=2: 0.25 + 3 + 0.125 + 1 = 4.375.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 2, ActivationFunctionType.RELU_N1_TO_1)).version(2);
    m.input(new int[] {1, 2, 5, 1}, 0.5f, -2, 0.25f, 1, -3, -0.25f, 0, 0.125f, -0.5f, 1);
    m.constant(new int[] {1, 2, 2, 1}, 1, -1, 1, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 1, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {0.125f, -1, 1}, m.floats(0), 0f);
  }

  @Test
  void fusedTanhIsUnsupported() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D)
        .options(options(Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.TANH));
    m.input(new int[] {1, 1, 1, 1}, 1f);
    m.constant(new int[] {1, 1, 1, 1}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
