package dev.lite4j.ops.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Lite4jException;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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

  static byte[] resource(String path) throws IOException {
    try (InputStream in = UnidirectionalSequenceLstmIntegerTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + path);
      }
      return in.readAllBytes();
    }
  }

  static Npy npy(String path) throws IOException {
    return Npy.parse(ByteBuffer.wrap(resource(path)), path);
  }

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
    assertEquals(sha256(resource(GOLDEN + name + "/model.tflite")), sha256(model),
        "the model the golden was recorded from is rebuilt byte for byte");
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
    assertEquals(new String(resource(dir + "model.sha256")).trim(), sha256(model),
        "the one-node model the golden was recorded from is rebuilt byte for byte");
    assertBitExact(npy(dir + "output_0.npy"), run(model, npy(dir + "input_0.npy")), which);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
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
