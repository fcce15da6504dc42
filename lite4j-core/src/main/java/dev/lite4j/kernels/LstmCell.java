package dev.lite4j.kernels;

import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.ActivationFunctionType;

/**
 * One float32 LSTM step for one batch row, in the order of TensorFlow Lite's {@code lstm_eval.cc} float
 * path: input, forget and cell gates from the old state; the cell update (CIFG uses 1 - forget as the
 * input gate; optional cell clip); the output gate, whose peephole sees the NEW cell state; then
 * output = output_gate * act(cell), optionally projected (and clipped). Layer-norm gates start from zero,
 * are normalised to mean 0 / variance 1 (epsilon 1e-8), scaled by their coefficients and then biased.
 * Batch rows are independent, so a caller runs rows one at a time with the same results as TF Lite.
 *
 * <p>Operands are indexed by TensorFlow Lite's full-LSTM input positions ({@code lstm_shared.h}) and
 * set in {@link #operands} before each run, since tensor views may move between runs.
 */
public final class LstmCell {
  public static final int INPUT_TO_INPUT_WEIGHTS = 1;
  public static final int INPUT_TO_FORGET_WEIGHTS = 2;
  public static final int INPUT_TO_CELL_WEIGHTS = 3;
  public static final int INPUT_TO_OUTPUT_WEIGHTS = 4;
  public static final int RECURRENT_TO_INPUT_WEIGHTS = 5;
  public static final int RECURRENT_TO_FORGET_WEIGHTS = 6;
  public static final int RECURRENT_TO_CELL_WEIGHTS = 7;
  public static final int RECURRENT_TO_OUTPUT_WEIGHTS = 8;
  public static final int CELL_TO_INPUT_WEIGHTS = 9;
  public static final int CELL_TO_FORGET_WEIGHTS = 10;
  public static final int CELL_TO_OUTPUT_WEIGHTS = 11;
  public static final int INPUT_GATE_BIAS = 12;
  public static final int FORGET_GATE_BIAS = 13;
  public static final int CELL_GATE_BIAS = 14;
  public static final int OUTPUT_GATE_BIAS = 15;
  public static final int PROJECTION_WEIGHTS = 16;
  public static final int PROJECTION_BIAS = 17;
  public static final int OUTPUT_STATE = 18;
  public static final int CELL_STATE = 19;
  public static final int INPUT_LAYER_NORM_COEFFICIENTS = 20;
  public static final int FORGET_LAYER_NORM_COEFFICIENTS = 21;
  public static final int CELL_LAYER_NORM_COEFFICIENTS = 22;
  public static final int OUTPUT_LAYER_NORM_COEFFICIENTS = 23;
  public static final int OPERAND_COUNT = 24;

  /**
   * TF Lite's kTfLiteActSigmoid: the schema's ActivationFunctionType stops at SIGN_BIT (5), but the
   * gates use the sigmoid, and a model that writes 6 for the cell activation asks for it too.
   */
  public static final byte SIGMOID = 6;

  /** The variant of the cell, fixed at prepare. */
  public record Config(
      int nInput, int nCell, int nOutput, byte activation, float cellClip, float projClip,
      boolean cifg, boolean peephole, boolean layerNorm, boolean projection, boolean projectionBias,
      boolean diagonalRecurrent) {}

  private final Config cfg;
  /** Weight, bias and coefficient views by input position (null where the node leaves one out). */
  public final FloatBuffer[] operands = new FloatBuffer[OPERAND_COUNT];
  private final float[] inputGate;
  private final float[] forgetGate;
  private final float[] cellGate;
  private final float[] outputGate;
  private final float[] hidden;

  public LstmCell(Config cfg) {
    this.cfg = cfg;
    inputGate = new float[cfg.nCell()];
    forgetGate = new float[cfg.nCell()];
    cellGate = new float[cfg.nCell()];
    outputGate = new float[cfg.nCell()];
    hidden = new float[cfg.nCell()];
  }

  /** True for the activations this cell applies ({@code SIGN_BIT} is not one of them). */
  public static boolean supportsActivation(byte code) {
    return code == ActivationFunctionType.NONE || code == ActivationFunctionType.RELU
        || code == ActivationFunctionType.RELU_N1_TO_1 || code == ActivationFunctionType.RELU6
        || code == ActivationFunctionType.TANH || code == SIGMOID;
  }

  /**
   * Advances one row: reads {@code nInput} inputs at {@code inOffset}, updates {@code outputState}
   * ({@code nOutput}) and {@code cellState} ({@code nCell}) in place, writes the row's output at
   * {@code outOffset}.
   */
  public void step(FloatBuffer input, int inOffset, float[] outputState, float[] cellState,
      FloatBuffer output, int outOffset) {
    if (!cfg.cifg()) {
      gate(inputGate, INPUT_TO_INPUT_WEIGHTS, RECURRENT_TO_INPUT_WEIGHTS, CELL_TO_INPUT_WEIGHTS,
          INPUT_LAYER_NORM_COEFFICIENTS, INPUT_GATE_BIAS, input, inOffset, outputState, cellState);
      activate(inputGate, SIGMOID);
    }
    gate(forgetGate, INPUT_TO_FORGET_WEIGHTS, RECURRENT_TO_FORGET_WEIGHTS, CELL_TO_FORGET_WEIGHTS,
        FORGET_LAYER_NORM_COEFFICIENTS, FORGET_GATE_BIAS, input, inOffset, outputState, cellState);
    activate(forgetGate, SIGMOID);
    gate(cellGate, INPUT_TO_CELL_WEIGHTS, RECURRENT_TO_CELL_WEIGHTS, -1,
        CELL_LAYER_NORM_COEFFICIENTS, CELL_GATE_BIAS, input, inOffset, outputState, cellState);
    activate(cellGate, cfg.activation());
    updateCell(cellState);
    gate(outputGate, INPUT_TO_OUTPUT_WEIGHTS, RECURRENT_TO_OUTPUT_WEIGHTS, CELL_TO_OUTPUT_WEIGHTS,
        OUTPUT_LAYER_NORM_COEFFICIENTS, OUTPUT_GATE_BIAS, input, inOffset, outputState, cellState);
    activate(outputGate, SIGMOID);
    updateOutput(cellState, outputState);
    for (int o = 0; o < cfg.nOutput(); o++) {
      output.put(outOffset + o, outputState[o]);
    }
  }

  /** Pre-activation of one gate into {@code g}. */
  private void gate(float[] g, int inputWeights, int recurrentWeights, int peepholeWeights,
      int layerNormCoefficients, int bias, FloatBuffer input, int inOffset, float[] h, float[] c) {
    int nCell = cfg.nCell();
    FloatBuffer b = operands[bias];
    for (int r = 0; r < nCell; r++) {
      g[r] = cfg.layerNorm() ? 0f : b.get(r);
    }
    FloatBuffer wIn = operands[inputWeights];
    int nInput = cfg.nInput();
    for (int r = 0; r < nCell; r++) {
      float dot = 0f;
      int row = r * nInput;
      for (int k = 0; k < nInput; k++) {
        dot += wIn.get(row + k) * input.get(inOffset + k);
      }
      g[r] += dot;
    }
    FloatBuffer wRec = operands[recurrentWeights];
    if (cfg.diagonalRecurrent()) {
      for (int r = 0; r < nCell; r++) {
        g[r] += wRec.get(r) * h[r];
      }
    } else {
      int nOutput = cfg.nOutput();
      for (int r = 0; r < nCell; r++) {
        float dot = 0f;
        int row = r * nOutput;
        for (int k = 0; k < nOutput; k++) {
          dot += wRec.get(row + k) * h[k];
        }
        g[r] += dot;
      }
    }
    if (cfg.peephole() && peepholeWeights >= 0) {
      FloatBuffer p = operands[peepholeWeights];
      for (int r = 0; r < nCell; r++) {
        g[r] += p.get(r) * c[r];
      }
    }
    if (cfg.layerNorm()) {
      normalize(g);
      FloatBuffer coefficients = operands[layerNormCoefficients];
      for (int r = 0; r < nCell; r++) {
        g[r] = g[r] * coefficients.get(r);
        g[r] = g[r] + b.get(r);
      }
    }
  }

  /** Mean 0 and variance 1 over the row, as TF Lite's MeanStddevNormalization (epsilon 1e-8). */
  private void normalize(float[] g) {
    meanStddevNormalize(g, cfg.nCell());
  }

  /** TF Lite's MeanStddevNormalization of {@code g[0..n)} in place (epsilon 1e-8). */
  public static void meanStddevNormalize(float[] g, int n) {
    float sum = 0f;
    for (int r = 0; r < n; r++) {
      sum += g[r];
    }
    float mean = sum / n;
    float sumDiffSquares = 0f;
    for (int r = 0; r < n; r++) {
      float diff = g[r] - mean;
      sumDiffSquares += diff * diff;
    }
    float variance = sumDiffSquares / n;
    float stddevInv = 1f / (float) Math.sqrt(variance + 1e-8f);
    for (int r = 0; r < n; r++) {
      g[r] = (g[r] - mean) * stddevInv;
    }
  }

  /** c = f * c + g * i (CIFG: i = 1 - f), then the optional cell clip. */
  private void updateCell(float[] c) {
    float clip = cfg.cellClip();
    for (int r = 0; r < cfg.nCell(); r++) {
      float input = cfg.cifg() ? 1f - forgetGate[r] : inputGate[r];
      float kept = forgetGate[r] * c[r];
      float v = kept + cellGate[r] * input;
      c[r] = clip > 0f ? Math.max(Math.min(clip, v), -clip) : v;
    }
  }

  /** h = o * act(c), projected (bias, weights, clip) when the cell has a projection. */
  private void updateOutput(float[] c, float[] h) {
    int nCell = cfg.nCell();
    for (int r = 0; r < nCell; r++) {
      hidden[r] = outputGate[r] * apply(cfg.activation(), c[r]);
    }
    if (!cfg.projection()) {
      System.arraycopy(hidden, 0, h, 0, cfg.nOutput());
      return;
    }
    FloatBuffer w = operands[PROJECTION_WEIGHTS];
    FloatBuffer bias = operands[PROJECTION_BIAS];
    float clip = cfg.projClip();
    for (int o = 0; o < cfg.nOutput(); o++) {
      float dot = 0f;
      int row = o * nCell;
      for (int r = 0; r < nCell; r++) {
        dot += w.get(row + r) * hidden[r];
      }
      float v = (cfg.projectionBias() ? bias.get(o) : 0f) + dot;
      h[o] = clip > 0f ? Math.max(Math.min(clip, v), -clip) : v;
    }
  }

  private static void activate(float[] g, byte code) {
    for (int r = 0; r < g.length; r++) {
      g[r] = apply(code, g[r]);
    }
  }

  /**
   * The LSTM's activations (TF Lite's ApplyActivationToVector). NONE is the identity: TF Lite's NONE
   * returns without writing an out-of-place result, a quirk not worth reproducing.
   */
  public static float apply(byte code, float v) {
    return switch (code) {
      case ActivationFunctionType.RELU -> Math.max(0f, v);
      case ActivationFunctionType.RELU_N1_TO_1 -> Math.max(-1f, Math.min(v, 1f));
      case ActivationFunctionType.RELU6 -> Math.max(0f, Math.min(v, 6f));
      case ActivationFunctionType.TANH -> (float) Math.tanh(v);
      case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
      default -> v;
    };
  }
}
