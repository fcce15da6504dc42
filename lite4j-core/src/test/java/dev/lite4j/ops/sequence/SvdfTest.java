package dev.lite4j.ops.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Lite4jException;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.TestResources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.SVDFOptionsT;

/**
 * SVDF against TensorFlow Lite 2.6.2 goldens (golden-ops/svdf, float and int8, starting from a given
 * memory) and on a hand-computed float sequence that shows the memory shifting across invocations.
 */
class SvdfTest {
  private static final String GOLDEN = "/golden-ops/svdf/";

  @ParameterizedTest
  @ValueSource(strings = {"float_rank1", "float_rank2_relu", "int8_rank1", "int8_rank2_nobias"})
  void matchesTfLite(String name) throws IOException {
    SvdfModels.Spec spec = null;
    for (SvdfModels.Spec s : SvdfModels.SPECS) {
      if (s.name().equals(name)) {
        spec = s;
      }
    }
    byte[] model = SvdfModels.model(spec);
    TestResources.assertRebuilt(GOLDEN + name + "/model.tflite", model);
    Npy input = TestResources.npy(GOLDEN + name + "/input_0.npy");
    Npy state = TestResources.npy(GOLDEN + name + "/input_1.npy");
    Npy expected = TestResources.npy(GOLDEN + name + "/output_0.npy");
    try (Interpreter it = new Interpreter(Model.fromBytes(model))) {
      DataType in = spec.integer() ? DataType.INT8 : DataType.FLOAT32;
      DataType st = spec.integer() ? DataType.INT16 : DataType.FLOAT32;
      ByteBuffer out = ByteBuffer.allocate(expected.numElements() * (spec.integer() ? 1 : 4))
          .order(ByteOrder.nativeOrder());
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, out);
      it.runForMultipleInputsOutputs(new Object[] {input.toInputBuffer(in), state.toInputBuffer(st)}, outputs);
      double maxRef = 0;
      for (int i = 0; i < expected.numElements(); i++) {
        maxRef = Math.max(maxRef, Math.abs(expected.getDouble(i)));
      }
      for (int i = 0; i < expected.numElements(); i++) {
        if (spec.integer()) {
          assertEquals(expected.getLong(i), out.get(i), name + " element " + i);
        } else {
          // Float: TF Lite's golden rule, 1e-5 of the largest reference value (XNNPACK agreed exactly).
          assertEquals(expected.getDouble(i), out.getFloat(4 * i), 1e-5 * maxRef, name + " element " + i);
        }
      }
    }
  }

  /**
   * Hybrid SVDF (int8 weights_feature, the float input quantized per row as TF Lite does, symmetric or
   * asymmetric): within 1e-5 of the largest reference value, TF Lite's golden rule for float outputs of
   * hybrid kernels when its 2-thread run agrees exactly (it did). The integer dot products are exact; only
   * the float time product and sums may round in another order. hybrid_symmetric has float weights_time,
   * which TF Lite 2.6 reads as int8 times scale 0: its output is the bias alone, and so is ours.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void hybridMatchesTfLite(int which) throws IOException {
    SvdfModels.HybridSpec spec = SvdfModels.HYBRID[which];
    byte[] model = SvdfModels.hybridModel(spec);
    String dir = GOLDEN + spec.name() + "/";
    TestResources.assertRebuilt(dir + "model.tflite", model);
    Npy input = TestResources.npy(dir + "input_0.npy");
    Npy state = TestResources.npy(dir + "input_1.npy");
    Npy expected = TestResources.npy(dir + "output_0.npy");
    try (Interpreter it = new Interpreter(Model.fromBytes(model))) {
      ByteBuffer out = ByteBuffer.allocate(expected.numElements() * 4).order(ByteOrder.nativeOrder());
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, out);
      it.runForMultipleInputsOutputs(new Object[] {input.toInputBuffer(DataType.FLOAT32),
          state.toInputBuffer(DataType.FLOAT32)}, outputs);
      double maxRef = 0;
      for (int i = 0; i < expected.numElements(); i++) {
        maxRef = Math.max(maxRef, Math.abs(expected.getDouble(i)));
      }
      for (int i = 0; i < expected.numElements(); i++) {
        assertEquals(expected.getDouble(i), out.getFloat(4 * i), 1e-5 * maxRef, spec.name() + " element " + i);
      }
    }
  }

  /**
   * One unit, rank 1, memory 3, input size 1: feature weight 2, time weights (1, 10, 100), bias 0.5. Feeding
   * 1, 2, 3 puts 2, 4, 6 into the newest slot in turn, the memory shifting left: outputs
   * 100*2 + .5, 10*2 + 100*4 + .5, 1*2 + 10*4 + 100*6 + .5.
   */
  @Test
  void handComputedMemoryShift() {
    ModelBuilder b = new ModelBuilder();
    int input = b.addInput("input", DataType.FLOAT32, 1, 1);
    int feature = b.addConstantFloats("feature", new int[] {1, 1}, 2f);
    int time = b.addConstantFloats("time", new int[] {1, 3}, 1f, 10f, 100f);
    int bias = b.addConstantFloats("bias", new int[] {1}, 0.5f);
    int state = b.addVariable("state", DataType.FLOAT32, 1, 3);
    int out = b.addTensor("output", DataType.FLOAT32, 1, 1);
    b.addOutput(out);
    SVDFOptionsT o = new SVDFOptionsT();
    o.setRank(1);
    b.addOperator(BuiltinOperator.SVDF, 1, new int[] {input, feature, time, bias, state}, new int[] {out}, o);
    float[] got = new float[3];
    try (Interpreter it = new Interpreter(Model.fromBytes(b.build()))) {
      for (int t = 0; t < 3; t++) {
        float[][] y = new float[1][1];
        it.run(new float[][] {{t + 1}}, y);
        got[t] = y[0][0];
      }
    }
    assertArrayEquals(new float[] {200.5f, 420.5f, 642.5f}, got, 0f);
  }

  private static byte[] withActivation(SvdfModels.Spec s, byte activation) {
    return SvdfModels.model(new SvdfModels.Spec(s.name(), s.integer(), s.batch(), s.inputSize(), s.units(),
        s.rank(), s.memory(), s.bias(), activation, s.inputZp(), s.outputZp(), s.seed()));
  }

  @Test
  void int8WithoutReluIsRefusedAsTfLiteDoes() {
    assertRefused(withActivation(SvdfModels.SPECS[2], ActivationFunctionType.NONE), "RELU");
  }

  static void assertRefused(byte[] model, String fragment) {
    Lite4jException e = assertThrows(Lite4jException.class, () -> {
      try (Interpreter it = new Interpreter(Model.fromBytes(model))) {
        it.allocateTensors();
      }
    });
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().contains("SVDF"), "names the node: " + e.getMessage());
  }
}
