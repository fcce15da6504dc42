package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;

import dev.lite4j.kernels.LstmCell;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;

/**
 * What the float, hybrid and integer UNIDIRECTIONAL_SEQUENCE_LSTM kernels share: TensorFlow Lite's
 * operand checks and shapes ({@code Prepare}, {@code CheckInputTensorDimensions}), the operand indices
 * of each gate, and the copies of constant operands the kernels pack.
 */
final class LstmOperands {
  /** More units than this is no real model, and would allocate absurd scratch. */
  private static final int MAX_UNITS = 1 << 20;
  private static final int INPUT = 0;

  /** Operand indices by gate, in the order input, forget, cell, output (-1: the cell gate has no peephole). */
  static final int[] INPUT_WEIGHTS = {INPUT_TO_INPUT_WEIGHTS, INPUT_TO_FORGET_WEIGHTS,
      INPUT_TO_CELL_WEIGHTS, INPUT_TO_OUTPUT_WEIGHTS};
  static final int[] RECURRENT_WEIGHTS = {RECURRENT_TO_INPUT_WEIGHTS, RECURRENT_TO_FORGET_WEIGHTS,
      RECURRENT_TO_CELL_WEIGHTS, RECURRENT_TO_OUTPUT_WEIGHTS};
  static final int[] PEEPHOLE_WEIGHTS = {CELL_TO_INPUT_WEIGHTS, CELL_TO_FORGET_WEIGHTS, -1,
      CELL_TO_OUTPUT_WEIGHTS};
  static final int[] BIASES = {INPUT_GATE_BIAS, FORGET_GATE_BIAS, CELL_GATE_BIAS, OUTPUT_GATE_BIAS};
  static final int[] LAYER_NORM = {INPUT_LAYER_NORM_COEFFICIENTS, FORGET_LAYER_NORM_COEFFICIENTS,
      CELL_LAYER_NORM_COEFFICIENTS, OUTPUT_LAYER_NORM_COEFFICIENTS};

  private LstmOperands() {}

  /** The sequence layout and the cell's variant, as prepare found them. */
  record Sequence(boolean timeMajor, int maxTime, int nBatch, LstmCell.Config cfg) {
    /** The input and output row of batch {@code b} at time {@code t}. */
    int row(int b, int t) {
      return timeMajor ? t * nBatch + b : b * maxTime + t;
    }
  }

  /** 20 inputs (24 with layer norm), one output and the input sequence; returns the input. */
  static TensorBuffer requireArity(OpContext ctx) {
    ctx.require(ctx.inputCount() == 20 || ctx.inputCount() == 24, "needs 20 or 24 inputs, has %d",
        ctx.inputCount());
    ctx.require(ctx.outputCount() == 1, "needs one output, has %d", ctx.outputCount());
    return required(ctx, INPUT, "input");
  }

  /**
   * The checks every LSTM variant makes (clips, a 3-D input, weight and state shapes) after its own type
   * checks; sets the output shape ([.., .., n_output]) and returns the layout.
   */
  static Sequence prepare(OpContext ctx, UnidirectionalSequenceLSTMOptions o) {
    TensorBuffer input = ctx.input(INPUT);
    ctx.require(o.cellClip() >= 0f && o.projClip() >= 0f, "cell_clip %s and proj_clip %s must be >= 0",
        o.cellClip(), o.projClip());
    ctx.require(input.rank() == 3, "input must be 3-D, got %s", Arrays.toString(input.shape()));
    boolean timeMajor = o.timeMajor();
    int maxTime = timeMajor ? input.dim(0) : input.dim(1);
    int nBatch = timeMajor ? input.dim(1) : input.dim(0);
    int nInput = input.dim(2);
    boolean diagonal = o.diagonalRecurrentTensors();
    TensorBuffer inputToOutput = required(ctx, INPUT_TO_OUTPUT_WEIGHTS, "input_to_output_weights");
    ctx.require(inputToOutput.rank() == 2 && inputToOutput.dim(1) == nInput,
        "input_to_output_weights %s do not take %d inputs", Arrays.toString(inputToOutput.shape()), nInput);
    int nCell = inputToOutput.dim(0);
    TensorBuffer recurrentToOutput = required(ctx, RECURRENT_TO_OUTPUT_WEIGHTS, "recurrent_to_output_weights");
    ctx.require(diagonal || recurrentToOutput.rank() == 2, "recurrent_to_output_weights must be 2-D");
    int nOutput = diagonal ? nCell : recurrentToOutput.dim(1);
    ctx.require(nCell >= 1 && nCell <= MAX_UNITS && nOutput >= 1 && nOutput <= MAX_UNITS,
        "%d cells and %d outputs are out of range", nCell, nOutput);
    LstmCell.Config cfg = checkOperands(ctx, o, nInput, nCell, nOutput);
    checkState(ctx, OUTPUT_STATE, "output_state", (long) nBatch * nOutput);
    checkState(ctx, CELL_STATE, "cell_state", (long) nBatch * nCell);
    int[] outShape = input.shape().clone();
    outShape[2] = nOutput;
    ctx.setOutputShape(0, outShape);
    return new Sequence(timeMajor, maxTime, nBatch, cfg);
  }

  private static TensorBuffer required(OpContext ctx, int i, String name) {
    TensorBuffer t = ctx.input(i);
    ctx.require(t != null, "input %d (%s) is required", i, name);
    return t;
  }

  /** TensorFlow Lite's CheckInputTensorDimensions, returning the cell's variant. */
  private static LstmCell.Config checkOperands(OpContext ctx, UnidirectionalSequenceLSTMOptions o,
      int nInput, int nCell, int nOutput) {
    boolean diagonal = o.diagonalRecurrentTensors();
    boolean cifg = ctx.input(INPUT_TO_INPUT_WEIGHTS) == null;
    ctx.require(cifg == (ctx.input(RECURRENT_TO_INPUT_WEIGHTS) == null),
        "input_to_input and recurrent_to_input weights must be both present or both absent");
    for (int w = INPUT_TO_INPUT_WEIGHTS; w <= INPUT_TO_OUTPUT_WEIGHTS; w++) {
      matrix(ctx, w, nCell, nInput, w != INPUT_TO_INPUT_WEIGHTS);
    }
    for (int w = RECURRENT_TO_INPUT_WEIGHTS; w <= RECURRENT_TO_OUTPUT_WEIGHTS; w++) {
      if (diagonal) {
        vector(ctx, w, nCell, w != RECURRENT_TO_INPUT_WEIGHTS);
      } else {
        matrix(ctx, w, nCell, nOutput, w != RECURRENT_TO_INPUT_WEIGHTS);
      }
    }
    // TF Lite: all peephole weights or none, except that CIFG needs no cell_to_input (and ignores one).
    boolean peephole = ctx.input(CELL_TO_FORGET_WEIGHTS) != null;
    boolean cellToInput = ctx.input(CELL_TO_INPUT_WEIGHTS) != null;
    ctx.require(peephole
        ? ctx.input(CELL_TO_OUTPUT_WEIGHTS) != null && (cifg || cellToInput)
        : ctx.input(CELL_TO_OUTPUT_WEIGHTS) == null && !cellToInput,
        "peephole weights must be all present (cell_to_input may be left out with CIFG) or all absent");
    for (int w = CELL_TO_INPUT_WEIGHTS; w <= CELL_TO_OUTPUT_WEIGHTS; w++) {
      vector(ctx, w, nCell, false);
    }
    ctx.require(cifg == (ctx.input(INPUT_GATE_BIAS) == null),
        "input_gate_bias must be present exactly when input_to_input weights are");
    for (int b = INPUT_GATE_BIAS; b <= OUTPUT_GATE_BIAS; b++) {
      vector(ctx, b, nCell, b != INPUT_GATE_BIAS);
    }
    boolean projection = ctx.input(PROJECTION_WEIGHTS) != null;
    matrix(ctx, PROJECTION_WEIGHTS, nOutput, nCell, false);
    vector(ctx, PROJECTION_BIAS, nOutput, false);
    ctx.require(projection || ctx.input(PROJECTION_BIAS) == null, "projection_bias without projection_weights");
    // Without a projection the output is the cell's hidden value itself.
    ctx.require(projection || nOutput == nCell, "%d outputs but %d cells and no projection", nOutput, nCell);
    boolean layerNorm = ctx.inputCount() == 24 && ctx.input(FORGET_LAYER_NORM_COEFFICIENTS) != null;
    if (layerNorm) {
      ctx.require(cifg == (ctx.input(INPUT_LAYER_NORM_COEFFICIENTS) == null),
          "input_layer_norm_coefficients must be present exactly when input_to_input weights are");
      for (int c = INPUT_LAYER_NORM_COEFFICIENTS; c <= OUTPUT_LAYER_NORM_COEFFICIENTS; c++) {
        vector(ctx, c, nCell, c != INPUT_LAYER_NORM_COEFFICIENTS);
      }
    }
    return new LstmCell.Config(nInput, nCell, nOutput, o.fusedActivationFunction(), o.cellClip(),
        o.projClip(), cifg, peephole, layerNorm, projection, ctx.input(PROJECTION_BIAS) != null, diagonal);
  }

  private static void matrix(OpContext ctx, int i, int rows, int cols, boolean required) {
    TensorBuffer t = ctx.input(i);
    ctx.require(t != null || !required, "input %d is required", i);
    ctx.require(t == null || (t.rank() == 2 && t.dim(0) == rows && t.dim(1) == cols),
        "input %d has shape %s, expected [%d, %d]", i, t == null ? "" : Arrays.toString(t.shape()), rows, cols);
  }

  private static void vector(OpContext ctx, int i, int size, boolean required) {
    TensorBuffer t = ctx.input(i);
    ctx.require(t != null || !required, "input %d is required", i);
    ctx.require(t == null || (t.rank() == 1 && t.dim(0) == size),
        "input %d has shape %s, expected [%d]", i, t == null ? "" : Arrays.toString(t.shape()), size);
  }

  /** The state tensors may be 1-D or 2-D; only their size and variable-ness matter (as in TF Lite). */
  private static void checkState(OpContext ctx, int i, String name, long elements) {
    TensorBuffer t = required(ctx, i, name);
    ctx.require(t.def().isVariable(), "%s '%s' must be a variable tensor", name, t.name());
    ctx.require(t.numElements() == elements, "%s has %d elements, expected %d", name, t.numElements(), elements);
  }

  /** The sum of each row of an int8 matrix of {@code cols} columns (for zero-point corrections). */
  static int[] rowSums(byte[] w, int cols) {
    int[] s = new int[w.length / cols];
    for (int r = 0; r < s.length; r++) {
      for (int k = 0; k < cols; k++) {
        s[r] += w[r * cols + k];
      }
    }
    return s;
  }

  /** A copy of a constant operand's bytes (int8 weights), packed once. */
  static byte[] bytes(TensorBuffer t) {
    byte[] b = new byte[t.numElements()];
    t.bytes().get(0, b);
    return b;
  }

  /** A copy of a constant operand's shorts (int16 coefficients), packed once. */
  static short[] shorts(TensorBuffer t) {
    short[] s = new short[t.numElements()];
    t.shorts().get(0, s);
    return s;
  }

  /** A copy of a constant operand's floats, packed once. */
  static float[] floats(TensorBuffer t) {
    float[] f = new float[t.numElements()];
    t.floats().get(0, f);
    return f;
  }
}
