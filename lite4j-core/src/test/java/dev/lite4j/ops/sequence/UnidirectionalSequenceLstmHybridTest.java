package dev.lite4j.ops.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.TestResources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hybrid UNIDIRECTIONAL_SEQUENCE_LSTM (float input, int8 weights) against TensorFlow Lite 2.6.2 goldens
 * (golden-ops/lstm_hybrid): symmetric and asymmetric input quantization, CIFG, peephole, projection with
 * clipping, layer norm, time-major; whole sequences from zero state.
 */
class UnidirectionalSequenceLstmHybridTest {
  private static final String GOLDEN = "/golden-ops/lstm_hybrid/";

  /**
   * Tolerance: 1e-5 of the largest reference value (the golden rule for float outputs when TF Lite's
   * 2-thread run agrees exactly, as here). The int8 quantization of inputs, states and hidden values and
   * the integer dot products are exact; only the float gate arithmetic may round differently.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void matchesTfLite(int which) throws IOException {
    IntegerLstmModels.HybridSpec spec = IntegerLstmModels.HYBRID[which];
    byte[] model = IntegerLstmModels.hybrid(spec);
    String dir = GOLDEN + spec.name() + "/";
    TestResources.assertRebuilt(dir + "model.tflite", model);
    Npy input = TestResources.npy(dir + "input_0.npy");
    Npy expected = TestResources.npy(dir + "output_0.npy");
    try (Interpreter it = new Interpreter(Model.fromBytes(model))) {
      ByteBuffer out = ByteBuffer.allocate(4 * expected.numElements()).order(ByteOrder.nativeOrder());
      it.run(input.toInputBuffer(DataType.FLOAT32), out);
      double maxRef = 0;
      for (int i = 0; i < expected.numElements(); i++) {
        maxRef = Math.max(maxRef, Math.abs(expected.getDouble(i)));
      }
      double worst = 0;
      for (int i = 0; i < expected.numElements(); i++) {
        worst = Math.max(worst, Math.abs(expected.getDouble(i) - out.getFloat(4 * i)));
      }
      assertTrue(worst <= 1e-5 * maxRef, spec.name() + ": worst difference " + worst + ", max |ref| " + maxRef);
    }
  }

  @Test
  void uint8WeightsAreRefusedNamingTheNode() {
    UnidirectionalSequenceLstmIntegerTest.assertRefused(IntegerLstmModels.hybridOneCell(DataType.UINT8), "INT8");
  }

  /** A one-cell hybrid LSTM with zero weights and biases: every gate is sigmoid(0) or tanh(0), so h stays 0. */
  @Test
  void zeroWeightsGiveZeroOutput() {
    try (Interpreter it = new Interpreter(Model.fromBytes(IntegerLstmModels.hybridOneCell(DataType.INT8)))) {
      float[][][] y = new float[1][2][1];
      it.run(new float[][][] {{{0.7f}, {-0.3f}}}, y);
      assertEquals(0f, y[0][0][0], 0f);
      assertEquals(0f, y[0][1][0], 0f);
    }
  }
}
