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
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.TransposeConvOptionsT;

class TransposeConvTest {
  private static TransposeConvOptionsT options(byte padding, int stride, byte act) {
    TransposeConvOptionsT o = new TransposeConvOptionsT();
    o.setPadding(padding);
    o.setStrideH(stride);
    o.setStrideW(stride);
    o.setFusedActivationFunction(act);
    return o;
  }

  /** [1 2; 3 4] spread by [1 2; 3 4] with stride 1: their full 2-D convolution. */
  private static final float[] FULL = {1, 4, 4, 6, 20, 16, 9, 24, 16};

  @Test
  void validStride1IsTheFullConvolution() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.VALID, 1, (byte) 0));
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 3, 3, 1});
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(FULL, m.floats(0), 0f);
  }

  @Test
  void sameStride2WithBias() {
    // Output 4x4 from 2x2 with a 3x3 ones filter: the SAME padding of a 4 -> 2 stride-2 conv is 0
    // before, so input (iy, ix) covers outputs [2iy, 2iy + 2] x [2ix, 2ix + 2]; then bias 1.
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.SAME, 2, (byte) 0))
        .version(3);
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 4, 4, 1});
    m.constant(new int[] {1, 3, 3, 1}, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.constant(new int[] {1}, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 4, 4, 1}, m.shape(0));
    assertArrayEquals(new float[] {2, 2, 4, 3, 2, 2, 4, 3, 5, 5, 11, 7, 4, 4, 8, 5}, m.floats(0), 0f);
  }

  @Test
  void fusedRelu() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV)
        .options(options(Padding.VALID, 1, ActivationFunctionType.RELU)).version(4);
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 1, 2, 1});
    m.constant(new int[] {1, 1, 1, 1}, -1);
    m.input(new int[] {1, 1, 2, 1}, 3, -2);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0, 2}, m.floats(0), 0f);
  }

  @Test
  void outputShapeComputedAtRunTimeMakesADynamicOutput() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.VALID, 1, (byte) 0));
    m.input(DataType.INT32, new int[] {4}, new int[] {1, 3, 3, 1});
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(FULL, m.floats(0), 0f);
    // A smaller output keeps the top-left part (VALID padding stays 0).
    m.feed(0, new int[] {1, 2, 2, 1});
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {1, 4, 6, 20}, m.floats(0), 0f);
  }

  @Test
  void matchesTheScatterDefinition() {
    Random r = new Random(5);
    check(r, new int[] {2, 3, 4, 2}, new int[] {3, 3, 3, 2}, new int[] {2, 6, 8, 3}, Padding.SAME, 2, true);
    check(r, new int[] {1, 3, 3, 3}, new int[] {2, 3, 2, 3}, new int[] {1, 7, 6, 2}, Padding.VALID, 2, false);
    check(r, new int[] {1, 4, 5, 1}, new int[] {4, 2, 2, 1}, new int[] {1, 4, 5, 4}, Padding.SAME, 1, true);
    check(r, new int[] {1, 3, 3, 2}, new int[] {2, 3, 3, 2}, new int[] {1, 9, 9, 2}, Padding.SAME, 3, false);
  }

  private static void check(Random r, int[] inShape, int[] wShape, int[] outShape, byte padding, int stride,
      boolean withBias) {
    float[] in = Conv2DTest.random(r, inShape[0] * inShape[1] * inShape[2] * inShape[3]);
    float[] w = Conv2DTest.random(r, wShape[0] * wShape[1] * wShape[2] * wShape[3]);
    float[] bias = withBias ? Conv2DTest.random(r, wShape[0]) : null;
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(padding, stride, (byte) 0));
    m.constant(DataType.INT32, new int[] {4}, outShape);
    m.constant(wShape, w);
    m.input(inShape, in);
    if (withBias) {
      m.constant(new int[] {wShape[0]}, bias);
    }
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(outShape, m.shape(0));
    int padTop = pad(outShape[1], wShape[1], stride, padding == Padding.SAME);
    int padLeft = pad(outShape[2], wShape[2], stride, padding == Padding.SAME);
    float[] expected = new float[outShape[0] * outShape[1] * outShape[2] * outShape[3]];
    for (int b = 0; b < inShape[0]; b++) {
      for (int iy = 0; iy < inShape[1]; iy++) {
        for (int ix = 0; ix < inShape[2]; ix++) {
          for (int ic = 0; ic < inShape[3]; ic++) {
            for (int fy = 0; fy < wShape[1]; fy++) {
              for (int fx = 0; fx < wShape[2]; fx++) {
                int oy = iy * stride - padTop + fy;
                int ox = ix * stride - padLeft + fx;
                if (oy < 0 || oy >= outShape[1] || ox < 0 || ox >= outShape[2]) {
                  continue;
                }
                for (int oc = 0; oc < outShape[3]; oc++) {
                  expected[((b * outShape[1] + oy) * outShape[2] + ox) * outShape[3] + oc] +=
                      in[((b * inShape[1] + iy) * inShape[2] + ix) * inShape[3] + ic]
                          * w[((oc * wShape[1] + fy) * wShape[2] + fx) * wShape[3] + ic];
                }
              }
            }
          }
        }
      }
    }
    if (bias != null) {
      for (int i = 0; i < expected.length; i++) {
        expected[i] += bias[i % outShape[3]];
      }
    }
    assertArrayEquals(expected, m.floats(0), 1e-5f);
  }

  /** The leading padding of a convolution from {@code size} with this filter and stride. */
  private static int pad(int size, int k, int stride, boolean same) {
    int convOut = same ? (size + stride - 1) / stride : (size - k + stride) / stride;
    return Math.max((convOut - 1) * stride + k - size, 0) / 2;
  }

  @Test
  void outputShapeWithOtherChannelsIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.VALID, 1, (byte) 0));
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 3, 3, 2});
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void weightsWithOtherInputChannelsAreAModelError() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.VALID, 1, (byte) 0));
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 3, 3, 1});
    m.constant(new int[] {1, 2, 2, 2}, new float[8]);
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void outputShapeOfTheWrongLengthIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.VALID, 1, (byte) 0));
    m.constant(DataType.INT32, new int[] {3}, new int[] {1, 3, 3});
    m.constant(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 4);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void int8InputWithoutScalesIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(options(Padding.VALID, 1, (byte) 0))
        .version(2);
    m.constant(DataType.INT32, new int[] {4}, new int[] {1, 1, 1, 1});
    m.constant(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.input(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.output(DataType.INT8);
    // the integer kernel takes INT8 nodes; these tensors carry no quantization
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void unequalStridesWithBiasAndEachClampingActivation() {
    // Input [1 2; 3 8], filter 1x3 (1, -1, 0.5), stride h 3 w 2, VALID, output 4x5, bias -0.5.
    // Input (iy, ix) adds value * filter at row 3iy, columns 2ix..2ix+2; rows 1 and 2 get only the bias.
    // Row 0: (1, -1, 0.5 + 2, -2, 1) - 0.5; row 3: (3, -3, 1.5 + 8, -8, 4) - 0.5.
    float[] none = {0.5f, -1.5f, 2, -2.5f, 0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f,
        2.5f, -3.5f, 9, -8.5f, 3.5f};
    float[] relu6 = {0.5f, 0, 2, 0, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.5f, 0, 6, 0, 3.5f};
    float[] reluN1To1 = {0.5f, -1, 1, -1, 0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f, -0.5f,
        1, -1, 1, -1, 1};
    byte[] acts = {ActivationFunctionType.NONE, ActivationFunctionType.RELU6, ActivationFunctionType.RELU_N1_TO_1};
    float[][] expected = {none, relu6, reluN1To1};
    for (int i = 0; i < acts.length; i++) {
      TransposeConvOptionsT o = options(Padding.VALID, 1, acts[i]);
      o.setStrideH(3);
      o.setStrideW(2);
      OpModel m = new OpModel(BuiltinOperator.TRANSPOSE_CONV).options(o).version(4);
      m.constant(DataType.INT32, new int[] {4}, new int[] {1, 4, 5, 1});
      m.constant(new int[] {1, 1, 3, 1}, 1, -1, 0.5f);
      m.input(new int[] {1, 2, 2, 1}, 1, 2, 3, 8);
      m.constant(new int[] {1}, -0.5f);
      m.output(DataType.FLOAT32);
      m.run();
      assertArrayEquals(new int[] {1, 4, 5, 1}, m.shape(0));
      assertArrayEquals(expected[i], m.floats(0), 0f);
    }
  }
}
