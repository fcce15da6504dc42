package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BatchMatMulOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.Padding;

/**
 * One-op hybrid models (float input, int8 weights) whose outputs were recorded from the real
 * TensorFlow Lite 2.6.2 under {@code src/test/resources/golden-ops/hybrid_*}: the model bytes and the
 * input are deterministic, so the committed model.tflite must equal what {@link #build} makes.
 */
final class HybridCases {
  private HybridCases() {}

  /** A case: the model and its one input. */
  record Case(byte[] model, Npy input) {}

  static Map<String, Case> all() {
    Map<String, Case> m = new LinkedHashMap<>();
    m.put("hybrid_conv_per_channel", conv(1, 7, 6, 5, 4, 3, 3, Padding.SAME, 2, 1, true, ActivationFunctionType.NONE, 11));
    m.put("hybrid_conv_per_channel_relu6_batch2",
        conv(2, 5, 5, 8, 6, 1, 1, Padding.VALID, 1, 1, true, ActivationFunctionType.RELU6, 12));
    m.put("hybrid_conv_per_channel_dilated",
        conv(1, 8, 8, 3, 4, 3, 3, Padding.SAME, 1, 2, true, ActivationFunctionType.RELU, 13));
    m.put("hybrid_conv_per_tensor", conv(1, 7, 6, 5, 4, 3, 3, Padding.SAME, 2, 1, false, ActivationFunctionType.NONE, 14));
    m.put("hybrid_conv_per_tensor_batch2",
        conv(2, 5, 5, 8, 8, 1, 1, Padding.VALID, 1, 1, false, ActivationFunctionType.RELU6, 15));
    m.put("hybrid_depthwise", depthwise(1, 7, 7, 4, 2, 3, 3, Padding.SAME, 1, ActivationFunctionType.RELU6, 16));
    m.put("hybrid_depthwise_stride2_batch2",
        depthwise(2, 6, 5, 8, 1, 3, 3, Padding.VALID, 2, ActivationFunctionType.NONE, 17));
    m.put("hybrid_fc_symmetric", fc(3, 20, 6, false, ActivationFunctionType.NONE, 18));
    m.put("hybrid_fc_asymmetric", fc(3, 20, 6, true, ActivationFunctionType.RELU, 19));
    m.put("hybrid_batch_matmul_symmetric", bmm(2, 3, 12, 5, false, 20));
    m.put("hybrid_batch_matmul_asymmetric", bmm(2, 3, 12, 5, true, 21));
    m.put("hybrid_conv_equal_scales", convVariant(Weights.EQUAL_SCALES, 1, 22));
    m.put("hybrid_conv_uint8", convVariant(Weights.UINT8, 1, 23));
    m.put("hybrid_depthwise_dilated", depthwiseDilated(26));
    m.put("hybrid_fc_uint8_keep_dims_no_bias", fcVariant(27));
    m.put("hybrid_batch_matmul_rank4_asymmetric", bmm(new int[] {2, 3, 4, 6}, new int[] {1, 3, 6, 5}, false, false,
        true, 28));
    m.put("hybrid_batch_matmul_adj_asymmetric", bmm(new int[] {2, 6, 4}, new int[] {5, 6}, true, true, true, 29));
    m.put("hybrid_fc_zero_rows", fcZeroRows(30));
    return m;
  }

  /** Gaussian values with a positive offset, so that the asymmetric zero point is not trivial. */
  static float[] input(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * 1.3 + 0.4);
    }
    return v;
  }

  static byte[] int8(Random r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (r.nextInt(255) - 127);
    }
    return b;
  }

  static float[] scales(Random r, int n, boolean perChannel) {
    float[] s = new float[perChannel ? n : 1];
    for (int i = 0; i < s.length; i++) {
      s[i] = 0.002f + r.nextFloat() * 0.01f;
    }
    return s;
  }

  private static int weights(ModelBuilder b, Random r, int[] shape, int channels, int dim, boolean perChannel) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    int t = b.addConstant("weights", DataType.INT8, shape, int8(r, n));
    float[] s = scales(r, channels, perChannel);
    b.setQuantization(t, s, new long[s.length], perChannel ? dim : 0);
    return t;
  }

  enum Weights { PER_TENSOR, PER_CHANNEL, EQUAL_SCALES, UINT8 }

  /** A 3x3 SAME stride-1 conv, 1x6x5x4 input, 6 output channels, in {@code groups} groups. */
  static Case convVariant(Weights kind, int groups, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int cin = 4;
    int cout = 6;
    int[] inShape = {1, 6, 5, cin};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int[] fShape = {cout, 3, 3, cin / groups};
    int f = b.addConstant("weights", kind == Weights.UINT8 ? DataType.UINT8 : DataType.INT8, fShape,
        int8(r, cout * 9 * cin / groups));
    float[] s = scales(r, cout, kind != Weights.PER_TENSOR && kind != Weights.UINT8);
    if (kind == Weights.EQUAL_SCALES) {
      java.util.Arrays.fill(s, s[0]);
    }
    b.setQuantization(f, s, new long[s.length], 0);
    int bias = b.addConstantFloats("bias", new int[] {cout}, input(r, cout));
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    Conv2DOptionsT o = Conv2DTest.options(Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.NONE);
    b.addOperator(BuiltinOperator.CONV_2D, 5, new int[] {in, f, bias}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, 6 * 5 * cin)));
  }

  static Case depthwiseDilated(long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {1, 9, 8, 3};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = weights(b, r, new int[] {1, 3, 3, 3}, 3, 3, true);
    int bias = b.addConstantFloats("bias", new int[] {3}, input(r, 3));
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(Padding.SAME);
    o.setStrideH(1);
    o.setStrideW(2);
    o.setDilationHFactor(2);
    o.setDilationWFactor(3);
    o.setDepthMultiplier(1);
    o.setFusedActivationFunction(ActivationFunctionType.RELU);
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, 6, new int[] {in, f, bias}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, 9 * 8 * 3)));
  }

  static Case fcVariant(long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {2, 2, 9};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = b.addConstant("weights", DataType.UINT8, new int[] {7, 9}, int8(r, 63));
    b.setQuantization(f, 0.004f, 0);
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.RELU6);
    o.setKeepNumDims(true);
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, 9, new int[] {in, f, -1}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, 36)));
  }

  /** Asymmetric FC whose middle input row is all zeros (scale 1, zero point 0) and last all negative. */
  static Case fcZeroRows(long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {3, 8};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = weights(b, r, new int[] {4, 8}, 4, 0, false);
    int bias = b.addConstantFloats("bias", new int[] {4}, input(r, 4));
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setAsymmetricQuantizeInputs(true);
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, 9, new int[] {in, f, bias}, new int[] {out}, o);
    float[] x = input(r, 24);
    for (int i = 8; i < 16; i++) {
      x[i] = 0f;
    }
    for (int i = 16; i < 24; i++) {
      x[i] = -Math.abs(x[i]) - 0.1f;
    }
    return new Case(b.build(), Npy.ofFloats(inShape, x));
  }

  static Case bmm(int[] lhsShape, int[] rhsShape, boolean adjX, boolean adjY, boolean asymmetric, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", DataType.FLOAT32, lhsShape);
    int rn = 1;
    for (int d : rhsShape) {
      rn *= d;
    }
    int f = b.addConstant("weights", DataType.INT8, rhsShape, int8(r, rn));
    b.setQuantization(f, 0.003f, 0);
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    BatchMatMulOptionsT o = new BatchMatMulOptionsT();
    o.setAdjX(adjX);
    o.setAdjY(adjY);
    o.setAsymmetricQuantizeInputs(asymmetric);
    b.addOperator(BuiltinOperator.BATCH_MATMUL, 4, new int[] {in, f}, new int[] {out}, o);
    int ln = 1;
    for (int d : lhsShape) {
      ln *= d;
    }
    return new Case(b.build(), Npy.ofFloats(lhsShape, input(r, ln)));
  }

  static Case conv(int batch, int h, int w, int cin, int cout, int kh, int kw, byte padding, int stride,
      int dilation, boolean perChannel, byte act, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {batch, h, w, cin};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = weights(b, r, new int[] {cout, kh, kw, cin}, cout, 0, perChannel);
    int bias = b.addConstantFloats("bias", new int[] {cout}, input(r, cout));
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    Conv2DOptionsT o = Conv2DTest.options(padding, stride, stride, dilation, dilation, act);
    b.addOperator(BuiltinOperator.CONV_2D, 5, new int[] {in, f, bias}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, batch * h * w * cin)));
  }

  static Case depthwise(int batch, int h, int w, int cin, int mult, int kh, int kw, byte padding, int stride,
      byte act, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {batch, h, w, cin};
    int cout = cin * mult;
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = weights(b, r, new int[] {1, kh, kw, cout}, cout, 3, true);
    int bias = b.addConstantFloats("bias", new int[] {cout}, input(r, cout));
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(stride);
    o.setStrideW(stride);
    o.setDilationHFactor(1);
    o.setDilationWFactor(1);
    o.setDepthMultiplier(mult);
    o.setFusedActivationFunction(act);
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, 6, new int[] {in, f, bias}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, batch * h * w * cin)));
  }

  static Case fc(int batch, int inputSize, int units, boolean asymmetric, byte act, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {batch, inputSize};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = weights(b, r, new int[] {units, inputSize}, units, 0, false);
    int bias = b.addConstantFloats("bias", new int[] {units}, input(r, units));
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setFusedActivationFunction(act);
    o.setAsymmetricQuantizeInputs(asymmetric);
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, 9, new int[] {in, f, bias}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, batch * inputSize)));
  }

  static Case bmm(int batch, int rows, int depth, int cols, boolean asymmetric, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int[] inShape = {batch, rows, depth};
    int in = b.addInput("input", DataType.FLOAT32, inShape);
    int f = weights(b, r, new int[] {depth, cols}, cols, 1, false);
    int out = b.addTensor("output", DataType.FLOAT32);
    b.addOutput(out);
    BatchMatMulOptionsT o = new BatchMatMulOptionsT();
    o.setAsymmetricQuantizeInputs(asymmetric);
    b.addOperator(BuiltinOperator.BATCH_MATMUL, 4, new int[] {in, f}, new int[] {out}, o);
    return new Case(b.build(), Npy.ofFloats(inShape, input(r, batch * rows * depth)));
  }

  /** Writes each case's model.tflite and input.npy under {@code dir/<name>/}. */
  static void writeAll(Path dir) throws IOException {
    for (Map.Entry<String, Case> e : all().entrySet()) {
      Path d = dir.resolve(e.getKey());
      Files.createDirectories(d);
      Files.write(d.resolve("model.tflite"), e.getValue().model());
      e.getValue().input().write(d.resolve("input.npy"));
    }
  }

  public static void main(String[] args) throws IOException {
    writeAll(Path.of(args[0]));
  }
}
