package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptionsT;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM on tiny cells whose expected values were worked out step by step (in
 * double precision) from the LSTM equations: gates i, f, o = sigmoid(W x + R h [+ P c] + b),
 * g = act(W x + R h + b), c' = f c + i g (CIFG: i = 1 - f), h' = o act(c') [projected].
 */
class UnidirectionalSequenceLstmTest {
  private record Operand(int[] shape, float[] values) {}

  private static Operand mat(int rows, int cols, float... v) {
    return new Operand(new int[] {rows, cols}, v);
  }

  private static Operand vec(float... v) {
    return new Operand(new int[] {v.length}, v);
  }

  /** An LSTM node with 24 inputs: {@code ops} gives the constant operands, the rest are left out. */
  private static final class Lstm {
    final OpModel m;
    int outputState;
    int cellState;

    Lstm(UnidirectionalSequenceLSTMOptionsT o, int version, int[] inShape, float[] in, int nBatch,
        int nOutput, int nCell, Map<Integer, Operand> ops) {
      m = new OpModel(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM).options(o).version(version);
      m.input(inShape, in);
      for (int i = 1; i < 24; i++) {
        if (i == OUTPUT_STATE) {
          outputState = m.builder().addVariable("output_state", DataType.FLOAT32, nBatch, nOutput);
          m.existingInput(outputState);
        } else if (i == CELL_STATE) {
          cellState = m.builder().addVariable("cell_state", DataType.FLOAT32, nBatch, nCell);
          m.existingInput(cellState);
        } else if (ops.containsKey(i)) {
          m.constant(ops.get(i).shape(), ops.get(i).values());
        } else {
          m.noInput();
        }
      }
      m.output(DataType.FLOAT32);
    }

    float[] state(Interpreter interpreter, int tensor) {
      var t = interpreter.executionPlan().tensor(tensor);
      float[] a = new float[t.numElements()];
      t.floats().get(0, a);
      return a;
    }
  }

  private static UnidirectionalSequenceLSTMOptionsT options(byte activation, boolean timeMajor) {
    UnidirectionalSequenceLSTMOptionsT o = new UnidirectionalSequenceLSTMOptionsT();
    o.setFusedActivationFunction(activation);
    o.setTimeMajor(timeMajor);
    return o;
  }

  /** One unit, one input, all four gates, no peephole. */
  private static Map<Integer, Operand> oneUnit() {
    Map<Integer, Operand> ops = new HashMap<>();
    ops.put(INPUT_TO_INPUT_WEIGHTS, mat(1, 1, 0.5f));
    ops.put(INPUT_TO_FORGET_WEIGHTS, mat(1, 1, -0.3f));
    ops.put(INPUT_TO_CELL_WEIGHTS, mat(1, 1, 0.8f));
    ops.put(INPUT_TO_OUTPUT_WEIGHTS, mat(1, 1, 0.2f));
    ops.put(RECURRENT_TO_INPUT_WEIGHTS, mat(1, 1, 0.1f));
    ops.put(RECURRENT_TO_FORGET_WEIGHTS, mat(1, 1, 0.4f));
    ops.put(RECURRENT_TO_CELL_WEIGHTS, mat(1, 1, -0.6f));
    ops.put(RECURRENT_TO_OUTPUT_WEIGHTS, mat(1, 1, 0.9f));
    ops.put(INPUT_GATE_BIAS, vec(0.05f));
    ops.put(FORGET_GATE_BIAS, vec(1.0f));
    ops.put(CELL_GATE_BIAS, vec(0f));
    ops.put(OUTPUT_GATE_BIAS, vec(-0.1f));
    return ops;
  }

  @Test
  void oneUnitTwoSteps() {
    Lstm l = new Lstm(options(ActivationFunctionType.TANH, false), 1, new int[] {1, 2, 1},
        new float[] {1f, -2f}, 1, 1, 1, oneUnit());
    Interpreter it = l.m.run();
    // Step 1: i = sig(0.55) = 0.634136, f = sig(0.7) = 0.668188, g = tanh(0.8) = 0.664037,
    //   c = 0.421089, o = sig(0.1) = 0.524979, h = o * tanh(c) = 0.208862.
    // Step 2 (x = -2, h = 0.208862, c = 0.421089): c = 0.0894419, h = 0.0376995.
    assertArrayEquals(new int[] {1, 2, 1}, l.m.shape(0));
    assertArrayEquals(new float[] {0.20886179f, 0.03769952f}, l.m.floats(0), 1e-6f);
    assertArrayEquals(new float[] {0.03769952f}, l.state(it, l.outputState), 1e-6f);
    assertArrayEquals(new float[] {0.0894419f}, l.state(it, l.cellState), 1e-6f);
  }

  @Test
  void statePersistsAcrossRunsUntilReset() {
    Lstm l = new Lstm(options(ActivationFunctionType.TANH, false), 1, new int[] {1, 1, 1},
        new float[] {1f}, 1, 1, 1, oneUnit());
    l.m.run();
    assertArrayEquals(new float[] {0.20886179f}, l.m.floats(0), 1e-6f);
    // The second run continues from the first run's state: the second step of oneUnitTwoSteps.
    Interpreter it = l.m.feed(0, new float[] {-2f}).run();
    assertArrayEquals(new float[] {0.03769952f}, l.m.floats(0), 1e-6f);
    it.resetVariableTensors();
    assertArrayEquals(new float[] {0f}, l.state(it, l.cellState), 0f);
    l.m.feed(0, new float[] {1f}).run();
    assertArrayEquals(new float[] {0.20886179f}, l.m.floats(0), 1e-6f);
  }

  @Test
  void cifgPeepholeProjectionAndClipsTimeMajorTwoBatches() {
    Map<Integer, Operand> ops = new HashMap<>();
    ops.put(INPUT_TO_FORGET_WEIGHTS, mat(2, 2, 0.2f, -0.1f, 0.4f, 0.3f));
    ops.put(INPUT_TO_CELL_WEIGHTS, mat(2, 2, 0.6f, 0.5f, -0.7f, 0.9f));
    ops.put(INPUT_TO_OUTPUT_WEIGHTS, mat(2, 2, 0.1f, 0.2f, -0.3f, 0.4f));
    ops.put(RECURRENT_TO_FORGET_WEIGHTS, mat(2, 1, 0.5f, -0.2f));
    ops.put(RECURRENT_TO_CELL_WEIGHTS, mat(2, 1, 0.3f, 0.8f));
    ops.put(RECURRENT_TO_OUTPUT_WEIGHTS, mat(2, 1, -0.4f, 0.6f));
    ops.put(CELL_TO_FORGET_WEIGHTS, vec(0.1f, -0.2f));
    ops.put(CELL_TO_OUTPUT_WEIGHTS, vec(0.3f, 0.25f));
    ops.put(FORGET_GATE_BIAS, vec(0.5f, 0.1f));
    ops.put(CELL_GATE_BIAS, vec(0.2f, -0.1f));
    ops.put(OUTPUT_GATE_BIAS, vec(0f, 0.3f));
    ops.put(PROJECTION_WEIGHTS, mat(1, 2, 0.7f, -0.9f));
    ops.put(PROJECTION_BIAS, vec(0.05f));
    UnidirectionalSequenceLSTMOptionsT o = options(ActivationFunctionType.TANH, true);
    o.setCellClip(0.4f);
    o.setProjClip(0.25f);
    // [time 2][batch 2][input 2]
    float[] in = {1f, 0.5f, -1f, 2f, 0.3f, -0.6f, 1.5f, 1f};
    Lstm l = new Lstm(o, 1, new int[] {2, 2, 2}, in, 2, 1, 2, ops);
    Interpreter it = l.m.run();
    assertArrayEquals(new int[] {2, 2, 1}, l.m.shape(0));
    // Batch 0: 0.210538, then 0.276825 clipped to 0.25. Batch 1: its second cell clips to 0.4 at
    // step 1 and its first at step 2, giving -0.125909 and 0.121156.
    assertArrayEquals(new float[] {0.21053799f, -0.12590947f, 0.25f, 0.12115582f}, l.m.floats(0), 1e-6f);
    assertArrayEquals(new float[] {0.2277979f, -0.35145498f, 0.4f, 0.19374123f}, l.state(it, l.cellState), 1e-6f);
  }

  @Test
  void layerNormWithReluActivation() {
    Map<Integer, Operand> ops = new HashMap<>();
    ops.put(INPUT_TO_INPUT_WEIGHTS, mat(2, 1, 0.5f, -0.4f));
    ops.put(INPUT_TO_FORGET_WEIGHTS, mat(2, 1, 0.3f, 0.2f));
    ops.put(INPUT_TO_CELL_WEIGHTS, mat(2, 1, -0.6f, 0.9f));
    ops.put(INPUT_TO_OUTPUT_WEIGHTS, mat(2, 1, 0.8f, 0.1f));
    ops.put(RECURRENT_TO_INPUT_WEIGHTS, mat(2, 2, 0.2f, 0.1f, 0f, -0.3f));
    ops.put(RECURRENT_TO_FORGET_WEIGHTS, mat(2, 2, -0.5f, 0.4f, 0.3f, 0.2f));
    ops.put(RECURRENT_TO_CELL_WEIGHTS, mat(2, 2, 0.6f, -0.1f, 0.2f, 0.7f));
    ops.put(RECURRENT_TO_OUTPUT_WEIGHTS, mat(2, 2, 0.1f, 0.5f, -0.2f, 0.3f));
    ops.put(INPUT_GATE_BIAS, vec(0.1f, 0.2f));
    ops.put(FORGET_GATE_BIAS, vec(0.9f, -0.3f));
    ops.put(CELL_GATE_BIAS, vec(0f, 0.4f));
    ops.put(OUTPUT_GATE_BIAS, vec(-0.2f, 0.1f));
    ops.put(INPUT_LAYER_NORM_COEFFICIENTS, vec(0.5f, 1.5f));
    ops.put(FORGET_LAYER_NORM_COEFFICIENTS, vec(1.0f, 0.8f));
    ops.put(CELL_LAYER_NORM_COEFFICIENTS, vec(1.2f, 0.6f));
    ops.put(OUTPUT_LAYER_NORM_COEFFICIENTS, vec(0.7f, 1.1f));
    Lstm l = new Lstm(options(ActivationFunctionType.RELU, false), 1, new int[] {1, 2, 1},
        new float[] {2f, -1f}, 1, 2, 2, ops);
    l.m.run();
    // Each two-cell gate normalises to (-1, 1) or (1, -1) before its coefficients and bias.
    assertArrayEquals(new float[] {0f, 0.05759784f, 0.13919944f, 0.1024512f}, l.m.floats(0), 1e-5f);
  }

  @Test
  void diagonalRecurrentWeightsVersion4() {
    Map<Integer, Operand> ops = new HashMap<>();
    ops.put(INPUT_TO_INPUT_WEIGHTS, mat(2, 1, 0.5f, -0.4f));
    ops.put(INPUT_TO_FORGET_WEIGHTS, mat(2, 1, 0.3f, 0.2f));
    ops.put(INPUT_TO_CELL_WEIGHTS, mat(2, 1, -0.6f, 0.9f));
    ops.put(INPUT_TO_OUTPUT_WEIGHTS, mat(2, 1, 0.8f, 0.1f));
    ops.put(RECURRENT_TO_INPUT_WEIGHTS, vec(0.2f, -0.3f));
    ops.put(RECURRENT_TO_FORGET_WEIGHTS, vec(-0.5f, 0.2f));
    ops.put(RECURRENT_TO_CELL_WEIGHTS, vec(0.6f, 0.7f));
    ops.put(RECURRENT_TO_OUTPUT_WEIGHTS, vec(0.1f, 0.3f));
    ops.put(INPUT_GATE_BIAS, vec(0.1f, 0.2f));
    ops.put(FORGET_GATE_BIAS, vec(0.9f, -0.3f));
    ops.put(CELL_GATE_BIAS, vec(0f, 0.4f));
    ops.put(OUTPUT_GATE_BIAS, vec(-0.2f, 0.1f));
    UnidirectionalSequenceLSTMOptionsT o = options(ActivationFunctionType.TANH, false);
    o.setDiagonalRecurrentTensors(true);
    Lstm l = new Lstm(o, 4, new int[] {1, 2, 1}, new float[] {1f, 0.5f}, 1, 2, 2, ops);
    l.m.run();
    // Each recurrent weight multiplies its own unit's previous output only.
    assertArrayEquals(new float[] {-0.21531969f, 0.20319906f, -0.25032539f, 0.27495922f}, l.m.floats(0), 1e-6f);
  }

  @Test
  void rejectsMissingForgetWeights() {
    Map<Integer, Operand> ops = oneUnit();
    ops.remove(INPUT_TO_FORGET_WEIGHTS);
    Lstm l = new Lstm(options(ActivationFunctionType.TANH, false), 1, new int[] {1, 1, 1},
        new float[] {1f}, 1, 1, 1, ops);
    assertThrows(ModelFormatException.class, l.m::run);
  }

  @Test
  void rejectsMismatchedWeightShape() {
    Map<Integer, Operand> ops = oneUnit();
    ops.put(RECURRENT_TO_CELL_WEIGHTS, mat(1, 2, 0.1f, 0.2f));
    Lstm l = new Lstm(options(ActivationFunctionType.TANH, false), 1, new int[] {1, 1, 1},
        new float[] {1f}, 1, 1, 1, ops);
    assertThrows(ModelFormatException.class, l.m::run);
  }

  @Test
  void rejectsHalfCifg() {
    Map<Integer, Operand> ops = oneUnit();
    ops.remove(RECURRENT_TO_INPUT_WEIGHTS);
    Lstm l = new Lstm(options(ActivationFunctionType.TANH, false), 1, new int[] {1, 1, 1},
        new float[] {1f}, 1, 1, 1, ops);
    assertThrows(ModelFormatException.class, l.m::run);
  }

  @Test
  void rejectsStateOfWrongSize() {
    Lstm l = new Lstm(options(ActivationFunctionType.TANH, false), 1, new int[] {1, 1, 1},
        new float[] {1f}, 2, 1, 1, oneUnit());
    assertThrows(ModelFormatException.class, l.m::run);
  }

  @Test
  void refusesHybridInt8Weights() {
    Map<Integer, Operand> ops = oneUnit();
    ops.remove(INPUT_TO_OUTPUT_WEIGHTS);
    UnidirectionalSequenceLSTMOptionsT o = options(ActivationFunctionType.TANH, false);
    OpModel m = new OpModel(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM).options(o).version(2);
    m.input(new int[] {1, 1, 1}, 1f);
    for (int i = 1; i < 24; i++) {
      if (i == OUTPUT_STATE || i == CELL_STATE) {
        m.existingInput(m.builder().addVariable("state" + i, DataType.FLOAT32, 1, 1));
      } else if (i == INPUT_TO_OUTPUT_WEIGHTS) {
        int t = m.constant(DataType.INT8, new int[] {1, 1}, new byte[] {3});
        m.builder().setQuantization(t, 0.1f, 0);
      } else if (ops.containsKey(i)) {
        m.constant(ops.get(i).shape(), ops.get(i).values());
      } else {
        m.noInput();
      }
    }
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void everyCellActivationOnOneStep() {
    // One step from zero state (so c = i g, h = o act(c)), oneUnit() weights, pre-activations
    // i: 0.5x + 0.05, g: 0.8x, o: 0.2x - 0.1 (f does not matter with c0 = 0).
    // NONE, x = 1: i = sig(0.55) = 0.634136, g = 0.8, c = 0.507308, o = sig(0.1) = 0.524979, h = 0.266326.
    // RELU6, x = 10: g = min(8, 6) = 6, i = sig(5.05) = 0.993631, c = 5.961789, o = sig(1.9) = 0.869892,
    //   h = o * c = 5.186110.
    // RELU_N1_TO_1, x = 2: g = min(1.6, 1) = 1, c = i = sig(1.05) = 0.740775, o = sig(0.3) = 0.574443, h = 0.425533.
    // SIGMOID (code 6), x = 1: g = sig(0.8) = 0.689974, c = 0.437537, h = o * sig(c) = 0.319015.
    byte[] acts = {ActivationFunctionType.NONE, ActivationFunctionType.RELU6, ActivationFunctionType.RELU_N1_TO_1, 6};
    float[] xs = {1, 10, 2, 1};
    float[] cells = {0.5073085f, 5.9617889f, 0.7407749f, 0.4375374f};
    float[] outs = {0.2663264f, 5.1861096f, 0.4255326f, 0.3190152f};
    for (int k = 0; k < acts.length; k++) {
      Lstm l = new Lstm(options(acts[k], false), 1, new int[] {1, 1, 1}, new float[] {xs[k]}, 1, 1, 1, oneUnit());
      Interpreter it = l.m.run();
      assertArrayEquals(new float[] {outs[k]}, l.m.floats(0), 1e-5f, "activation " + acts[k]);
      assertArrayEquals(new float[] {cells[k]}, l.state(it, l.cellState), 1e-5f, "activation " + acts[k]);
    }
  }

  @Test
  void signBitCellActivationIsUnsupported() {
    Lstm l = new Lstm(options(ActivationFunctionType.SIGN_BIT, false), 1, new int[] {1, 1, 1}, new float[] {1}, 1, 1,
        1, oneUnit());
    assertThrows(UnsupportedOperatorException.class, l.m::run);
  }
}
