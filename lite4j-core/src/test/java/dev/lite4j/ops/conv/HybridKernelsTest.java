package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Lite4jException;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BatchMatMulOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.Padding;

/**
 * The hybrid kernels (float input, int8 weights): hand-computed cases of TensorFlow Lite's input
 * quantization, random cases against the float kernels on the dequantized weights, and refusals.
 * (Bit-exactness against the real TensorFlow Lite is {@link HybridGoldenTest}.)
 *
 * <p>Tolerance against the float kernel: the hybrid kernel differs from it only by the quantization of
 * the input (the weights are the same values, dequantized). A symmetric step is
 * {@code s = max|x| / 127} and every input is within {@code s / 2} of its quantized value; an asymmetric
 * step is {@code s = (max(0, max x) - min(0, min x)) / 255}, and because the zero point is rounded to an
 * integer the grid may shift by up to half a step, so values near the ends can be up to one step off.
 * An output summing {@code w_i * x_i} is therefore off by at most {@code err * sum |w_i|} with err the
 * per-input bound, plus float rounding (1e-5 relative). The tests use exactly that bound per output.
 */
class HybridKernelsTest {
  private static byte[] int8(Random r, int n) {
    return HybridCases.int8(r, n);
  }

  private static float[] gaussian(Random r, int n, double offset) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() + offset);
    }
    return v;
  }

  /** Weights dequantized: channel c (of {@code channels} along the slowest or fastest axis) times its scale. */
  private static float[] dequantize(byte[] w, float[] scales, int channels, boolean lastAxis) {
    float[] f = new float[w.length];
    int inner = w.length / channels;
    for (int i = 0; i < w.length; i++) {
      int c = lastAxis ? i % channels : i / inner;
      f[i] = w[i] * scales[scales.length == 1 ? 0 : c];
    }
    return f;
  }

  private static float maxAbs(float[] x) {
    float m = 0;
    for (float v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static float step(float[] x, boolean asymmetric) {
    if (!asymmetric) {
      return maxAbs(x) / 127f;
    }
    float min = 0;
    float max = 0;
    for (float v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return (max - min) / 255f;
  }

  private static void assertWithin(float[] expected, float[] actual, float[] bound, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      float tol = bound[i] + 1e-5f * Math.abs(expected[i]) + 1e-6f;
      assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + ": element " + i + " is " + actual[i]
          + ", float kernel " + expected[i] + ", bound " + tol);
    }
  }

  // ------------------------------------------------------------------ hand-computed

  @Test
  void fullyConnectedSymmetricRoundsHalvesAwayFromZero() {
    // x = [1, -0.5, 0.25]: scale 1/127, q = round(x * 127) = [127, -64 (-63.5 rounds away), 32 (31.75)].
    // weights [2, 3, -4] (scale 0.1): acc = 254 - 192 - 128 = -66; out = 1 + (-66) * (0.1 / 127).
    OpModel m = fc(false, new int[] {1, 3}, new float[] {1f, -0.5f, 0.25f}, new byte[] {2, 3, -4},
        new float[] {0.1f}, new float[] {1f});
    m.run();
    assertEquals(1f - 66f * 0.1f / 127f, m.floats(0)[0], 1e-6f);
  }

  @Test
  void fullyConnectedAsymmetricUsesTheZeroPoint() {
    // x = [1, -0.5, 0.2]: range [-0.5, 1] over 255 steps (scale 1.5 / 255), zero point -43:
    // q = [127, -128, -9], centred [170, -85, 34]; acc = 340 - 255 - 136 = -51;
    // out = 1 + (-51) * (1.5 / 255) * 0.1 = 1 - 0.03 = 0.97 (= 1 + the float dot product -0.3 * 0.1).
    OpModel m = fc(true, new int[] {1, 3}, new float[] {1f, -0.5f, 0.2f}, new byte[] {2, 3, -4},
        new float[] {0.1f}, new float[] {1f});
    m.run();
    assertEquals(0.97f, m.floats(0)[0], 1e-6f);
  }

  @Test
  void anAllZeroRowGivesTheBias() {
    OpModel m = fc(true, new int[] {2, 2}, new float[] {0f, 0f, 1f, 2f}, new byte[] {5, 7}, new float[] {0.5f},
        new float[] {-3f});
    m.run();
    float[] out = m.floats(0);
    assertEquals(-3f, out[0], 0f);
    // Second row: symmetric or not, [1, 2] is represented exactly enough: 0.5 * (5 + 14) - 3 = 6.5.
    assertEquals(6.5f, out[1], 0.05f);
  }

  @Test
  void filterWithSeveralEqualScalesGivesOnlyTheBiasAsTensorFlowLiteDoes() {
    // TensorFlow Lite 2.6 multiplies by the filter's legacy scale, which is 0 for a multi-scale tensor.
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).version(5)
        .options(Conv2DTest.options(Padding.VALID, 1));
    m.input(new int[] {1, 1, 1, 2}, 1f, 2f);
    int f = m.constant(DataType.INT8, new int[] {2, 1, 1, 2}, new byte[] {10, 20, 30, 40});
    m.builder().setQuantization(f, new float[] {0.5f, 0.5f}, new long[2], 0);
    m.constant(new int[] {2}, 0.25f, -0.75f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {0.25f, -0.75f}, m.floats(0), 0f);
  }

  // ------------------------------------------------------------------ against the float kernels

  @ParameterizedTest(name = "perChannel={0}")
  @ValueSource(booleans = {false, true})
  void conv2dAgreesWithTheFloatKernelWithinTheInputStep(boolean perChannel) {
    Random r = new Random(perChannel ? 101 : 102);
    for (int trial = 0; trial < 6; trial++) {
      int batch = 1 + r.nextInt(2);
      int h = 3 + r.nextInt(6);
      int w = 3 + r.nextInt(6);
      int cin = 1 + r.nextInt(6);
      int cout = 1 + r.nextInt(7);
      int k = 1 + r.nextInt(3);
      int stride = 1 + r.nextInt(2);
      int dilation = 1 + r.nextInt(2);
      byte padding = r.nextBoolean() ? Padding.SAME : Padding.VALID;
      if (padding == Padding.VALID && (h < (k - 1) * dilation + 1 || w < (k - 1) * dilation + 1)) {
        padding = Padding.SAME;
      }
      float[] x = gaussian(r, batch * h * w * cin, 0.3);
      byte[] wq = int8(r, cout * k * k * cin);
      float[] scales = HybridCases.scales(r, cout, perChannel);
      if (perChannel && cout > 1) {
        scales[1] = scales[0] * 1.5f; // make sure they differ (equal ones take the per-tensor path)
      }
      float[] bias = gaussian(r, cout, 0);
      var options = Conv2DTest.options(padding, stride, stride, dilation, dilation, ActivationFunctionType.NONE);
      int[] inShape = {batch, h, w, cin};
      int[] fShape = {cout, k, k, cin};

      OpModel hybrid = new OpModel(BuiltinOperator.CONV_2D).version(5).options(options);
      hybrid.input(inShape, x);
      int f = hybrid.constant(DataType.INT8, fShape, wq);
      hybrid.builder().setQuantization(f, scales, new long[scales.length], 0);
      hybrid.constant(new int[] {cout}, bias);
      hybrid.output(DataType.FLOAT32);
      hybrid.run();

      float[] wf = dequantize(wq, scales, cout, false);
      OpModel ref = new OpModel(BuiltinOperator.CONV_2D).options(options);
      ref.input(inShape, x);
      ref.constant(fShape, wf);
      ref.constant(new int[] {cout}, bias);
      ref.output(DataType.FLOAT32);
      ref.run();
      assertArrayEquals(ref.shape(0), hybrid.shape(0));

      // Per-channel conv quantizes asymmetrically, per-tensor symmetrically (TF Lite 2.6).
      float[] expected = ref.floats(0);
      float[] bound = new float[expected.length];
      int plane = expected.length / batch;
      for (int b = 0; b < batch; b++) {
        float[] row = java.util.Arrays.copyOfRange(x, b * h * w * cin, (b + 1) * h * w * cin);
        float err = perChannel ? step(row, true) : step(row, false) / 2;
        for (int i = b * plane; i < (b + 1) * plane; i++) {
          int c = i % cout;
          float sum = 0;
          for (int j = c * k * k * cin; j < (c + 1) * k * k * cin; j++) {
            sum += Math.abs(wf[j]);
          }
          bound[i] = err * sum;
        }
      }
      assertWithin(expected, hybrid.floats(0), bound, "conv trial " + trial);
    }
  }

  @Test
  void depthwiseAgreesWithTheFloatKernelWithinTheInputStep() {
    Random r = new Random(103);
    for (int trial = 0; trial < 6; trial++) {
      int batch = 1 + r.nextInt(2);
      int h = 3 + r.nextInt(6);
      int w = 3 + r.nextInt(6);
      int cin = 1 + r.nextInt(5);
      int mult = 1 + r.nextInt(3);
      int cout = cin * mult;
      int k = 1 + r.nextInt(3);
      int stride = 1 + r.nextInt(2);
      float[] x = gaussian(r, batch * h * w * cin, 0.5);
      byte[] wq = int8(r, k * k * cout);
      float[] scales = HybridCases.scales(r, cout, true);
      float[] bias = gaussian(r, cout, 0);
      DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
      o.setPadding(Padding.SAME);
      o.setStrideH(stride);
      o.setStrideW(stride);
      o.setDilationHFactor(1);
      o.setDilationWFactor(1);
      o.setDepthMultiplier(mult);
      o.setFusedActivationFunction(ActivationFunctionType.RELU);
      int[] inShape = {batch, h, w, cin};
      int[] fShape = {1, k, k, cout};

      OpModel hybrid = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D).version(6).options(o);
      hybrid.input(inShape, x);
      int f = hybrid.constant(DataType.INT8, fShape, wq);
      hybrid.builder().setQuantization(f, scales, new long[cout], 3);
      hybrid.constant(new int[] {cout}, bias);
      hybrid.output(DataType.FLOAT32);
      hybrid.run();

      float[] wf = dequantize(wq, scales, cout, true);
      OpModel ref = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D).options(o);
      ref.input(inShape, x);
      ref.constant(fShape, wf);
      ref.constant(new int[] {cout}, bias);
      ref.output(DataType.FLOAT32);
      ref.run();

      float[] expected = ref.floats(0);
      float[] bound = new float[expected.length];
      int plane = expected.length / batch;
      for (int b = 0; b < batch; b++) {
        float err = step(java.util.Arrays.copyOfRange(x, b * h * w * cin, (b + 1) * h * w * cin), true);
        for (int i = b * plane; i < (b + 1) * plane; i++) {
          int c = i % cout;
          float sum = 0;
          for (int t = 0; t < k * k; t++) {
            sum += Math.abs(wf[t * cout + c]);
          }
          bound[i] = err * sum;
        }
      }
      assertWithin(expected, hybrid.floats(0), bound, "depthwise trial " + trial);
    }
  }

  @ParameterizedTest(name = "asymmetric={0}")
  @ValueSource(booleans = {false, true})
  void fullyConnectedAgreesWithTheFloatKernelWithinTheInputStep(boolean asymmetric) {
    Random r = new Random(asymmetric ? 104 : 105);
    for (int trial = 0; trial < 6; trial++) {
      int batch = 1 + r.nextInt(4);
      int in = 1 + r.nextInt(40);
      int units = 1 + r.nextInt(9);
      float[] x = gaussian(r, batch * in, 0.7);
      byte[] wq = int8(r, units * in);
      float[] scale = HybridCases.scales(r, 1, false);
      float[] bias = gaussian(r, units, 0);
      OpModel hybrid = fc(asymmetric, new int[] {batch, in}, x, wq, scale, bias);
      hybrid.run();
      float[] wf = dequantize(wq, scale, 1, false);
      OpModel ref = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(fcOptions(false));
      ref.input(new int[] {batch, in}, x);
      ref.constant(new int[] {units, in}, wf);
      ref.constant(new int[] {units}, bias);
      ref.output(DataType.FLOAT32);
      ref.run();
      float[] expected = ref.floats(0);
      float[] bound = new float[expected.length];
      for (int b = 0; b < batch; b++) {
        float[] row = java.util.Arrays.copyOfRange(x, b * in, (b + 1) * in);
        float err = asymmetric ? step(row, true) : step(row, false) / 2;
        for (int u = 0; u < units; u++) {
          float sum = 0;
          for (int i = 0; i < in; i++) {
            sum += Math.abs(wf[u * in + i]);
          }
          bound[b * units + u] = err * sum;
        }
      }
      assertWithin(expected, hybrid.floats(0), bound, "fc trial " + trial);
    }
  }

  @ParameterizedTest(name = "asymmetric={0}")
  @ValueSource(booleans = {false, true})
  void batchMatMulAgreesWithTheFloatKernelWithinTheInputStep(boolean asymmetric) {
    Random r = new Random(asymmetric ? 106 : 107);
    for (int trial = 0; trial < 6; trial++) {
      int batch = 1 + r.nextInt(3);
      int rows = 1 + r.nextInt(4);
      int depth = 1 + r.nextInt(12);
      int cols = 1 + r.nextInt(6);
      boolean adjX = r.nextBoolean();
      boolean adjY = r.nextBoolean();
      float[] x = gaussian(r, batch * rows * depth, 0.2);
      byte[] wq = int8(r, depth * cols);
      float scale = 0.004f;
      BatchMatMulOptionsT o = new BatchMatMulOptionsT();
      o.setAdjX(adjX);
      o.setAdjY(adjY);
      o.setAsymmetricQuantizeInputs(asymmetric);
      int[] lhsShape = adjX ? new int[] {batch, depth, rows} : new int[] {batch, rows, depth};
      int[] rhsShape = adjY ? new int[] {cols, depth} : new int[] {depth, cols};
      OpModel hybrid = new OpModel(BuiltinOperator.BATCH_MATMUL).version(4).options(o);
      hybrid.input(lhsShape, x);
      int f = hybrid.constant(DataType.INT8, rhsShape, wq);
      hybrid.builder().setQuantization(f, scale, 0);
      hybrid.output(DataType.FLOAT32);
      hybrid.run();
      float[] wf = dequantize(wq, new float[] {scale}, 1, false);
      OpModel ref = new OpModel(BuiltinOperator.BATCH_MATMUL).options(o);
      ref.input(lhsShape, x);
      ref.constant(rhsShape, wf);
      ref.output(DataType.FLOAT32);
      ref.run();
      assertArrayEquals(new int[] {batch, rows, cols}, hybrid.shape(0));
      float[] expected = ref.floats(0);
      float[] bound = new float[expected.length];
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < rows; i++) {
          float[] row = new float[depth];
          for (int kk = 0; kk < depth; kk++) {
            row[kk] = adjX ? x[(b * depth + kk) * rows + i] : x[(b * rows + i) * depth + kk];
          }
          float err = asymmetric ? step(row, true) : step(row, false) / 2;
          for (int j = 0; j < cols; j++) {
            float sum = 0;
            for (int kk = 0; kk < depth; kk++) {
              sum += Math.abs(adjY ? wf[j * depth + kk] : wf[kk * cols + j]);
            }
            bound[(b * rows + i) * cols + j] = err * sum;
          }
        }
      }
      assertWithin(expected, hybrid.floats(0), bound, "batch matmul trial " + trial);
    }
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void weightsWithoutScaleAreRefusedNamingTheNode() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(fcOptions(false));
    m.input(new int[] {1, 2}, 1f, 2f);
    m.constant(DataType.INT8, new int[] {1, 2}, new byte[] {1, 2});
    m.output(DataType.FLOAT32);
    Lite4jException e = assertThrows(ModelFormatException.class, m::run);
    assertTrue(e.getMessage().contains("node 0 (FULLY_CONNECTED") && e.getMessage().contains("no quantization scale"),
        e.getMessage());
  }

  @Test
  void depthwiseWithOneScaleForSeveralChannelsIsRefusedAsTensorFlowLiteDoes() {
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(Padding.VALID);
    o.setStrideH(1);
    o.setStrideW(1);
    o.setDepthMultiplier(1);
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D).version(6).options(o);
    m.input(new int[] {1, 1, 1, 2}, 1f, 2f);
    int f = m.constant(DataType.INT8, new int[] {1, 1, 1, 2}, new byte[] {1, 2});
    m.builder().setQuantization(f, 0.5f, 0);
    m.constant(new int[] {2}, 0f, 0f);
    m.output(DataType.FLOAT32);
    Lite4jException e = assertThrows(ModelFormatException.class, m::run);
    assertTrue(e.getMessage().contains("node 0 (DEPTHWISE_CONV_2D") && e.getMessage().contains("one per channel"),
        e.getMessage());
  }

  @Test
  void groupedHybridConvolutionIsRefused() {
    OpModel m = new OpModel(BuiltinOperator.CONV_2D).version(5).options(Conv2DTest.options(Padding.VALID, 1));
    m.input(new int[] {1, 1, 1, 4}, 1f, 2f, 3f, 4f);
    int f = m.constant(DataType.INT8, new int[] {2, 1, 1, 2}, new byte[] {1, 2, 3, 4});
    m.builder().setQuantization(f, 0.5f, 0);
    m.output(DataType.FLOAT32);
    Lite4jException e = assertThrows(UnsupportedOperatorException.class, m::run);
    assertTrue(e.getMessage().contains("node 0 (CONV_2D") && e.getMessage().contains("grouped"), e.getMessage());
  }

  @Test
  void perChannelFullyConnectedIsRefused() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(fcOptions(false));
    m.input(new int[] {1, 2}, 1f, 2f);
    int f = m.constant(DataType.INT8, new int[] {2, 2}, new byte[] {1, 2, 3, 4});
    m.builder().setQuantization(f, new float[] {0.5f, 0.25f}, new long[2], 0);
    m.output(DataType.FLOAT32);
    Lite4jException e = assertThrows(UnsupportedOperatorException.class, m::run);
    assertTrue(e.getMessage().contains("node 0 (FULLY_CONNECTED") && e.getMessage().contains("per-channel"),
        e.getMessage());
  }

  @Test
  void uint8DepthwiseFilterIsRefused() {
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(Padding.VALID);
    o.setStrideH(1);
    o.setStrideW(1);
    o.setDepthMultiplier(1);
    OpModel m = new OpModel(BuiltinOperator.DEPTHWISE_CONV_2D).version(6).options(o);
    m.input(new int[] {1, 1, 1, 1}, 1f);
    int f = m.constant(DataType.UINT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.builder().setQuantization(f, 0.5f, 0);
    m.output(DataType.FLOAT32);
    Lite4jException e = assertThrows(UnsupportedOperatorException.class, m::run);
    assertTrue(e.getMessage().contains("node 0 (DEPTHWISE_CONV_2D") && e.getMessage().contains("UINT8"),
        e.getMessage());
  }

  @Test
  void nonFloatOutputIsRefused() {
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).options(fcOptions(false));
    m.input(new int[] {1, 2}, 1f, 2f);
    int f = m.constant(DataType.INT8, new int[] {1, 2}, new byte[] {1, 2});
    m.builder().setQuantization(f, 0.5f, 0);
    m.output(DataType.INT8);
    Lite4jException e = assertThrows(ModelFormatException.class, m::run);
    assertTrue(e.getMessage().contains("node 0 (FULLY_CONNECTED"), e.getMessage());
  }

  // ------------------------------------------------------------------ helpers

  private static FullyConnectedOptionsT fcOptions(boolean asymmetric) {
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.NONE);
    o.setAsymmetricQuantizeInputs(asymmetric);
    return o;
  }

  private static OpModel fc(boolean asymmetric, int[] inShape, float[] x, byte[] w, float[] scale, float[] bias) {
    int units = bias.length;
    int in = w.length / units;
    OpModel m = new OpModel(BuiltinOperator.FULLY_CONNECTED).version(9).options(fcOptions(asymmetric));
    m.input(inShape, x);
    int f = m.constant(DataType.INT8, new int[] {units, in}, w);
    m.builder().setQuantization(f, scale, new long[scale.length], 0);
    m.constant(new int[] {units}, bias);
    m.output(DataType.FLOAT32);
    return m;
  }
}
