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
