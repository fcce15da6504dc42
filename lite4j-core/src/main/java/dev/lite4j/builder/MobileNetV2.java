package dev.lite4j.builder;

import dev.lite4j.DataType;
import java.util.SplittableRandom;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

/**
 * The MobileNet V2 1.0 224 architecture (Sandler et al. 2018, as TensorFlow Lite's hosted float model
 * lays it out: batch norm folded, RELU6 fused) with seeded random weights. It is Lite4j's built-in
 * model, so that {@code ./lite4j run} works with nothing downloaded; its outputs mean nothing.
 */
public final class MobileNetV2 {
  /** Expansion t, output channels c, repeats n, first stride s of each bottleneck stage. */
  private static final int[][] STAGES = {
      {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

  private final ModelBuilder b = new ModelBuilder();
  private final SplittableRandom random;
  private int layer;

  private MobileNetV2(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The model file image; the same seed gives the same bytes. */
  public static byte[] build(long seed) {
    return new MobileNetV2(seed).assemble();
  }

  private byte[] assemble() {
    b.description("Lite4j built-in: MobileNet V2 1.0 224 architecture, seeded random weights (not trained)");
    int x = b.addInput("input", DataType.FLOAT32, 1, 224, 224, 3);
    int size = 112;
    x = conv(x, 3, 32, 3, 2, size, ActivationFunctionType.RELU6);
    int channels = 32;
    for (int[] stage : STAGES) {
      for (int i = 0; i < stage[2]; i++) {
        int stride = i == 0 ? stage[3] : 1;
        size = size / stride;
        x = bottleneck(x, channels, stage[0], stage[1], stride, size);
        channels = stage[1];
      }
    }
    x = conv(x, channels, 1280, 1, 1, size, ActivationFunctionType.RELU6);
    x = averagePool(x, 1280, size);
    x = conv(x, 1280, 1001, 1, 1, 1, ActivationFunctionType.NONE);
    int shape = b.addConstantInts("logits_shape", new int[] {2}, 1, 1001);
    int logits = b.addTensor("logits", DataType.FLOAT32, 1, 1001);
    ReshapeOptionsT reshape = new ReshapeOptionsT();
    reshape.setNewShape(new int[] {1, 1001});
    b.addOperator(BuiltinOperator.RESHAPE, new int[] {x, shape}, new int[] {logits}, reshape);
    int probabilities = b.addTensor("MobilenetV2/Predictions/Softmax", DataType.FLOAT32, 1, 1001);
    SoftmaxOptionsT softmax = new SoftmaxOptionsT();
    softmax.setBeta(1f);
    b.addOperator(BuiltinOperator.SOFTMAX, new int[] {logits}, new int[] {probabilities}, softmax);
    b.addOutput(probabilities);
    return b.build();
  }

  /** Expand (1x1), depthwise 3x3, project (1x1, linear); a residual add when shapes allow. */
  private int bottleneck(int x, int in, int expansion, int out, int stride, int size) {
    int y = x;
    int hidden = in * expansion;
    if (expansion != 1) {
      y = conv(y, in, hidden, 1, 1, size * stride, ActivationFunctionType.RELU6);
    }
    y = depthwise(y, hidden, stride, size);
    y = conv(y, hidden, out, 1, 1, size, ActivationFunctionType.NONE);
    if (stride == 1 && in == out) {
      int sum = b.addTensor("block" + layer + "/add", DataType.FLOAT32, 1, size, size, out);
      b.addOperator(BuiltinOperator.ADD, new int[] {x, y}, new int[] {sum}, new AddOptionsT());
      y = sum;
    }
    return y;
  }

  private int conv(int x, int in, int out, int kernel, int stride, int outSize, byte activation) {
    String name = "layer" + (layer++);
    int w = b.addConstantFloats(name + "/weights", new int[] {out, kernel, kernel, in},
        weights(out * kernel * kernel * in, kernel * kernel * in));
    int bias = b.addConstantFloats(name + "/bias", new int[] {out}, biases(out));
    int y = b.addTensor(name + "/output", DataType.FLOAT32, 1, outSize, outSize, out);
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(Padding.SAME);
    o.setStrideW(stride);
    o.setStrideH(stride);
    o.setDilationWFactor(1);
    o.setDilationHFactor(1);
    o.setFusedActivationFunction(activation);
    b.addOperator(BuiltinOperator.CONV_2D, new int[] {x, w, bias}, new int[] {y}, o);
    return y;
  }

  private int depthwise(int x, int channels, int stride, int outSize) {
    String name = "layer" + (layer++);
    int w = b.addConstantFloats(name + "/depthwise_weights", new int[] {1, 3, 3, channels},
        weights(9 * channels, 9));
    int bias = b.addConstantFloats(name + "/bias", new int[] {channels}, biases(channels));
    int y = b.addTensor(name + "/output", DataType.FLOAT32, 1, outSize, outSize, channels);
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(Padding.SAME);
    o.setStrideW(stride);
    o.setStrideH(stride);
    o.setDepthMultiplier(1);
    o.setDilationWFactor(1);
    o.setDilationHFactor(1);
    o.setFusedActivationFunction(ActivationFunctionType.RELU6);
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, new int[] {x, w, bias}, new int[] {y}, o);
    return y;
  }

  private int averagePool(int x, int channels, int size) {
    int y = b.addTensor("avg_pool", DataType.FLOAT32, 1, 1, 1, channels);
    Pool2DOptionsT o = new Pool2DOptionsT();
    o.setPadding(Padding.VALID);
    o.setStrideW(1);
    o.setStrideH(1);
    o.setFilterWidth(size);
    o.setFilterHeight(size);
    b.addOperator(BuiltinOperator.AVERAGE_POOL_2D, new int[] {x}, new int[] {y}, o);
    return y;
  }

  /** He-uniform weights: keeps activations in range through the 52 layers. */
  private float[] weights(int count, int fanIn) {
    float limit = (float) Math.sqrt(6.0 / fanIn);
    float[] w = new float[count];
    for (int i = 0; i < count; i++) {
      w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return w;
  }

  private float[] biases(int count) {
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * 0.01);
    }
    return v;
  }
}
