package dev.lite4j.ops.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.lite4j.testutil.TestResources.*;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Lite4jException;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The integer UNIDIRECTIONAL_SEQUENCE_LSTM against outputs recorded from the real TensorFlow Lite 2.6.2
 * (see {@code golden-ops/lstm_int8/README.md}): every synthetic variant (CIFG, peephole, projection, layer
 * norm, clipping, time-major, nonzero zero points) and the LSTM nodes of trained_lstm_int8 and
 * dtln_noise_suppression, bit for bit over whole sequences.
 */
class UnidirectionalSequenceLstmIntegerTest {
  private static final String GOLDEN = "/golden-ops/lstm_int8/";

  /** Runs {@code model} once (fresh state) on {@code input}; returns the int8 output. */
  static byte[] run(byte[] model, Npy input) {
    try (Interpreter it = new Interpreter(Model.fromBytes(model))) {
      it.resizeInput(0, input.shape());
      it.allocateTensors();
      int n = it.getOutputTensor(0).numElements();
      ByteBuffer out = ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
      it.run(input.toInputBuffer(DataType.INT8), out);
      return out.array();
    }
  }

  static void assertBitExact(Npy expected, byte[] got, String what) {
    assertEquals(expected.numElements(), got.length, what + ": output size");
    int differ = 0;
    int first = -1;
    for (int i = 0; i < got.length; i++) {
      if (expected.getLong(i) != got[i]) {
        differ++;
        if (first < 0) {
          first = i;
        }
      }
    }
    int f = first;
    assertEquals(0, differ, () -> what + ": " + "elements differ from TF Lite, first at " + f + " (expected "
        + expected.getLong(f) + ", got " + got[f] + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "time_major_cifg", "peephole_projection", "layer_norm",
      "layer_norm_cifg_peephole_projection", "clipped", "time_major_peephole_projection"})
  void syntheticVariantsMatchTfLite(String name) throws IOException {
    IntegerLstmModels.Spec spec = null;
    for (IntegerLstmModels.Spec s : IntegerLstmModels.SPECS) {
      if (s.name().equals(name)) {
        spec = s;
      }
    }
    byte[] model = IntegerLstmModels.synthetic(spec);
    assertRebuilt(GOLDEN + name + "/model.tflite", model);
    assertBitExact(npy(GOLDEN + name + "/output_0.npy"), run(model, npy(GOLDEN + name + "/input_0.npy")), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trained_lstm_int8:0", "dtln_noise_suppression:0", "dtln_noise_suppression:1"})
  void realModelNodesMatchTfLite(String which) throws IOException {
    String modelName = which.substring(0, which.indexOf(':'));
    int node = Integer.parseInt(which.substring(which.indexOf(':') + 1));
    Path file = SharedData.model(modelName + ".tflite");
    byte[] model = IntegerLstmModels.fromNode(Model.load(file), node);
    String dir = GOLDEN + modelName + "_node" + node + "/";
    assertEquals(new String(bytes(dir + "model.sha256")).trim(), sha256(model),
        "the one-node model the golden was recorded from is rebuilt byte for byte");
    assertBitExact(npy(dir + "output_0.npy"), run(model, npy(dir + "input_0.npy")), which);
  }

  /** {@link IntegerLstmModels#oneCell}: c_t = 0.5 c_{t-1} + 0.5 tanh(1), h_t = 0.5 tanh(c_t), h in 1/128 steps. */
  @Test
  void handComputedOneCell() {
    byte[] out = run(IntegerLstmModels.oneCell(4), Npy.ofBytes(DataType.INT8, new int[] {1, 4, 1}, new byte[4]));
    // c = 0.38080, 0.57120, 0.66639, 0.71399; 128 * 0.5 tanh(c) = 23.26, 33.04, 37.29, 39.24. The 16-bit
    // gate functions are good to about 12 steps of 2^-15 and the cell to 2^-11, i.e. to ~0.06 output
    // steps: the outputs whose fraction is at least that far from a rounding boundary are exact.
    assertEquals(23, out[0]);
    assertTrue(Math.abs(out[1] - 33) <= 1, "33.04 rounds to 33, or 32 within the 16-bit error: " + out[1]);
    assertEquals(37, out[2]);
    assertEquals(39, out[3]);
  }

  /**
   * Integer against float on the same (dequantized) weights, over whole sequences. The integer LSTM rounds
   * the gates to 2^-15 after 16-bit logistic/tanh (errors up to 12 steps), the cell to 2^-11 and the hidden
   * state and the output to the output step s, which feeds back through the recurrent weights every step.
   * Bound: 3 output steps, i.e. the final rounding plus two steps of accumulated drift over the sequences
   * used here; with a projection, plus the hidden state's rounding summed over a row of projection weights.
   * The projection case clips both outputs (proj_clip) so that neither saturates into the recurrence. (Only zero points TF Lite treats consistently: without a projection it stores the hidden
   * value minus the zero point, which is not the tensor's quantization unless the zero point is 0.)
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void matchesTheFloatLstmOnDequantizedWeights(int variant) {
    IntegerLstmModels.Spec spec = switch (variant) {
      case 0 -> new IntegerLstmModels.Spec("a", 2, 6, 6, 8, 8, false, false, false, false, false, false, 0f, 0f,
          3, 0, 0, 11);
      case 1 -> new IntegerLstmModels.Spec("b", 3, 5, 5, 7, 7, true, true, false, false, false, false, 0f, 0f,
          -7, 0, 0, 12);
      case 2 -> new IntegerLstmModels.Spec("c", 2, 6, 6, 8, 5, false, false, false, true, true, false, 0f, 0.9f,
          0, 4, -3, 13, 1f / 127);
      default -> new IntegerLstmModels.Spec("d", 1, 8, 6, 8, 8, false, false, true, false, false, false, 0.5f,
          0f, 1, 0, 0, 14);
    };
    byte[] intModel = IntegerLstmModels.synthetic(spec);
    int[] shape = spec.timeMajor() ? new int[] {spec.maxTime(), spec.nBatch(), spec.nInput()}
        : new int[] {spec.nBatch(), spec.maxTime(), spec.nInput()};
    Npy input = IntegerLstmModels.randomInput(shape, 50 + variant);
    byte[] q = run(intModel, input);
    float[] x = new float[input.numElements()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (input.getLong(i) - spec.inputZp()) * IntegerLstmModels.INPUT_SCALE;
    }
    float[] expected = new float[q.length];
    try (Interpreter it = new Interpreter(Model.fromBytes(IntegerLstmModels.dequantized(intModel)))) {
      it.resizeInput(0, shape);
      it.allocateTensors();
      ByteBuffer in = ByteBuffer.allocate(4 * x.length).order(ByteOrder.nativeOrder());
      in.asFloatBuffer().put(x);
      ByteBuffer out = ByteBuffer.allocate(4 * q.length).order(ByteOrder.nativeOrder());
      it.run(in, out);
      out.asFloatBuffer().get(expected);
    }
    float s = IntegerLstmModels.OUTPUT_SCALE;
    double worst = 0;
    for (int i = 0; i < q.length; i++) {
      // The int8 output saturates where the float one need not.
      double e = Math.min(Math.max(expected[i], (-128 - spec.outputZp()) * s), (127 - spec.outputZp()) * s);
      worst = Math.max(worst, Math.abs((q[i] - spec.outputZp()) * s - e) / s);
    }
    double bound = 3;
    if (spec.projection()) {
      // The hidden value is rounded to its own step before the projection, which sums that error over a row:
      // up to half a hidden step times the largest row sum of |projection weights|, in output steps.
      dev.lite4j.model.TensorDef w = Model.fromBytes(intModel).primarySubgraph().tensors()
          .get(Model.fromBytes(intModel).primarySubgraph().operators().get(0).inputs()[16]);
      ByteBuffer d = w.dataView();
      double maxRow = 0;
      for (int r = 0; r < spec.nOutput(); r++) {
        double row = 0;
        for (int k = 0; k < spec.nCell(); k++) {
          row += Math.abs(d.get(r * spec.nCell() + k)) * w.quantization().scale();
        }
        maxRow = Math.max(maxRow, row);
      }
      bound += 0.5 * spec.hiddenScale() * maxRow / s;
    }
    assertTrue(worst <= bound, "variant " + variant + ": worst difference " + worst + " output steps, bound "
        + bound);
  }

  @ParameterizedTest
  @ValueSource(strings = {"float bias", "per-channel weights", "unquantized weights", "cell scale",
      "no intermediates"})
  void badInputIsRefusedNamingTheNode(String fault) {
    String expected = switch (fault) {
      case "float bias" -> "INT32";
      case "per-channel weights" -> "scales";
      case "unquantized weights" -> "quantization";
      case "cell scale" -> "power of two";
      default -> "intermediate";
    };
    assertRefused(IntegerLstmModels.oneCell(2, fault), expected);
  }

  static void assertRefused(byte[] model, String fragment) {
    Lite4jException e = assertThrows(Lite4jException.class, () -> {
      try (Interpreter it = new Interpreter(Model.fromBytes(model))) {
        it.allocateTensors();
      }
    });
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().contains("UNIDIRECTIONAL_SEQUENCE_LSTM"), "names the node: " + e.getMessage());
  }
}
