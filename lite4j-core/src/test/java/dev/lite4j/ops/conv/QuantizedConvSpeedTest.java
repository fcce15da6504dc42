package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.QuantizationParams;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.model.TensorDef;
import dev.lite4j.testutil.SharedData;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;

/**
 * A measurement, not a test of speed (speed is never asserted): the convolution and fully connected nodes of
 * a quantized model (default mobilenet_v2_1.0_224_quant), each fed its own random input so that the other
 * ops are not needed, run in one interpreter. {@code -Dlite4j.convSpeed=MODEL_FILE_NAME} enables it.
 */
class QuantizedConvSpeedTest {
  @Test
  @EnabledIfSystemProperty(named = "lite4j.convSpeed", matches = ".+")
  void convNodesOfAQuantizedModel() throws Exception {
    String name = System.getProperty("lite4j.convSpeed");
    Path file = SharedData.model(name.endsWith(".tflite") ? name : "mobilenet_v2_1.0_224_quant.tflite");
    Model model = Model.fromBytes(Files.readAllBytes(file));
    SubgraphDef g = model.primarySubgraph();
    ModelBuilder b = new ModelBuilder();
    List<Object> feeds = new ArrayList<>();
    Random r = new Random(1);
    int nodes = 0;
    for (OperatorDef op : g.operators()) {
      Object options = switch (op.builtinCode()) {
        case BuiltinOperator.CONV_2D -> ((Conv2DOptions) op.table().builtinOptions(new Conv2DOptions())).unpack();
        case BuiltinOperator.DEPTHWISE_CONV_2D ->
            ((DepthwiseConv2DOptions) op.table().builtinOptions(new DepthwiseConv2DOptions())).unpack();
        case BuiltinOperator.FULLY_CONNECTED ->
            ((FullyConnectedOptions) op.table().builtinOptions(new FullyConnectedOptions())).unpack();
        default -> null;
      };
      if (options == null) {
        continue;
      }
      int[] in = new int[op.inputs().length];
      for (int i = 0; i < in.length; i++) {
        int t = op.inputs()[i];
        if (t < 0) {
          in[i] = -1;
          continue;
        }
        TensorDef d = g.tensors().get(t);
        if (d.isConstant()) {
          ByteBuffer data = d.dataView();
          byte[] bytes = new byte[data.remaining()];
          data.duplicate().get(bytes);
          in[i] = b.addConstant("n" + nodes + "_c" + i, d.type(), d.shape(), bytes);
        } else {
          in[i] = b.addInput("n" + nodes + "_in" + i, d.type(), d.shape());
          byte[] values = new byte[Arrays.stream(d.shape()).reduce(1, (x, y) -> x * y)];
          r.nextBytes(values);
          feeds.add(ByteBuffer.wrap(values));
        }
        quantize(b, in[i], d.quantization(), d.shape().length);
      }
      TensorDef od = g.tensors().get(op.outputs()[0]);
      int out = b.addTensor("n" + nodes + "_out", od.type());
      quantize(b, out, od.quantization(), od.shape().length);
      b.addOutput(out);
      b.addOperator(op.builtinCode(), op.version(), in, new int[] {out}, options);
      nodes++;
    }
    byte[] built = b.build();
    String exportTo = System.getProperty("lite4j.convModelOut");
    if (exportTo != null) {
      Files.write(Path.of(exportTo), built);
    }
    String goldenDir = System.getProperty("lite4j.convGolden");
    if (goldenDir != null) {
      compareWithGolden(built, Path.of(goldenDir), feeds.size());
    }
    try (Interpreter interpreter = new Interpreter(Model.fromBytes(built))) {
      Object[] inputs = feeds.toArray();
      Map<Integer, Object> outputs = new HashMap<>();
      for (int i = 0; i < 5; i++) {
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
      }
      int runs = 20;
      long[] times = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        interpreter.runForMultipleInputsOutputs(inputs, outputs);
        times[i] = System.nanoTime() - t0;
      }
      Arrays.sort(times);
      System.out.printf(Locale.ROOT, "%s: %d conv/depthwise/FC nodes, median %.2f ms, min %.2f ms (1 thread)%n",
          file.getFileName(), nodes, times[runs / 2] / 1e6, times[0] / 1e6);
    }
    assertTrue(nodes > 0);
  }

  /**
   * Runs the conv-only model on the inputs TensorFlow Lite ran it on (run.sh golden DIR) and counts the output
   * elements that differ, node by node.
   */
  private static void compareWithGolden(byte[] model, Path dir, int inputCount) throws Exception {
    Object[] inputs = new Object[inputCount];
    for (int i = 0; i < inputCount; i++) {
      inputs[i] = dev.lite4j.io.Npy.read(dir.resolve("random/input_" + i + ".npy")).data();
    }
    try (Interpreter interpreter = new Interpreter(Model.fromBytes(model))) {
      Map<Integer, Object> outputs = new HashMap<>();
      int outputCount = interpreter.getOutputTensorCount();
      ByteBuffer[] got = new ByteBuffer[outputCount];
      for (int i = 0; i < outputCount; i++) {
        got[i] = ByteBuffer.allocate(interpreter.getOutputTensor(i).numBytes());
        outputs.put(i, got[i]);
      }
      interpreter.runForMultipleInputsOutputs(inputs, outputs);
      long differing = 0;
      long total = 0;
      for (int i = 0; i < outputCount; i++) {
        ByteBuffer want = dev.lite4j.io.Npy.read(dir.resolve("random/output_" + i + ".npy")).data();
        got[i].rewind();
        int d = 0;
        StringBuilder where = new StringBuilder();
        for (int j = 0; j < want.remaining(); j++) {
          if (want.get(j) != got[i].get(j)) {
            if (d++ < 4) {
              where.append(String.format(Locale.ROOT, " [%d] tflite %d lite4j %d", j, want.get(j) & 0xff,
                  got[i].get(j) & 0xff));
            }
          }
        }
        if (d > 0) {
          System.out.printf(Locale.ROOT, "node %d (%s, %s): %d of %d bytes differ:%s%n", i,
              Model.fromBytes(model).primarySubgraph().operators().get(i).opName(),
              Arrays.toString(interpreter.getOutputTensor(i).shape()), d, want.remaining(), where);
        }
        differing += d;
        total += want.remaining();
      }
      System.out.printf(Locale.ROOT, "golden %s: %d of %d output bytes differ over %d nodes%n", dir, differing, total,
          outputCount);
    }
  }

  /** Copies the quantization; a dimension beyond the rank (person_detect's biases) becomes 0, as TF Lite needs. */
  private static void quantize(ModelBuilder b, int t, QuantizationParams q, int rank) {
    if (q.isQuantized()) {
      b.setQuantization(t, q.scales(), q.zeroPoints(), q.quantizedDimension() < rank ? q.quantizedDimension() : 0);
    }
  }
}
