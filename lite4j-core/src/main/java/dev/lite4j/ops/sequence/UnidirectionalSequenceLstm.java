package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;

import dev.lite4j.DataType;
import dev.lite4j.kernels.LstmCell;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, float32: an LSTM over a [time, batch, input] (time_major) or
 * [batch, time, input] sequence, with TensorFlow Lite's 20 or 24 inputs: optional CIFG (no input gate
 * when input-to-input weights are absent), peephole, projection and layer-norm weights, and diagonal
 * recurrent weights (version 4). Inputs 18 and 19 are the variable output-state and cell-state tensors,
 * read at the start of a run and written back at its end, so state persists across runs until the
 * interpreter resets its variables. The hybrid (int8 weights) and integer LSTMs are
 * {@link UnidirectionalSequenceLstmHybrid} and {@link UnidirectionalSequenceLstmInteger}.
 */
public final class UnidirectionalSequenceLstm implements Kernel {
  /** More units than this is no real model, and would allocate absurd scratch. */
  private static final int MAX_UNITS = 1 << 20;
  private static final int INPUT = 0;

  private LstmCell cell;
  private boolean timeMajor;
  private int maxTime;
  private int nBatch;
  private float[] outputState;
  private float[] cellState;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 20 || ctx.inputCount() == 24, "needs 20 or 24 inputs, has %d",
        ctx.inputCount());
    ctx.require(ctx.outputCount() == 1, "needs one output, has %d", ctx.outputCount());
    TensorBuffer input = required(ctx, INPUT, "input");
    checkTypes(ctx);
    UnidirectionalSequenceLSTMOptions o = ctx.options(new UnidirectionalSequenceLSTMOptions());
    if (!LstmCell.supportsActivation(o.fusedActivationFunction())) {
      throw ctx.unsupported("activation code " + o.fusedActivationFunction() + " is not supported");
    }
    ctx.require(o.cellClip() >= 0f && o.projClip() >= 0f, "cell_clip %s and proj_clip %s must be >= 0",
        o.cellClip(), o.projClip());
    ctx.require(input.rank() == 3, "input must be 3-D, got %s", Arrays.toString(input.shape()));
    timeMajor = o.timeMajor();
    maxTime = timeMajor ? input.dim(0) : input.dim(1);
    nBatch = timeMajor ? input.dim(1) : input.dim(0);
    int nInput = input.dim(2);
    boolean diagonal = o.diagonalRecurrentTensors();
    TensorBuffer inputToOutput = required(ctx, INPUT_TO_OUTPUT_WEIGHTS, "input_to_output_weights");
    ctx.require(inputToOutput.rank() == 2 && inputToOutput.dim(1) == nInput,
        "input_to_output_weights %s do not take %d inputs", Arrays.toString(inputToOutput.shape()), nInput);
    int nCell = inputToOutput.dim(0);
    TensorBuffer recurrentToOutput = required(ctx, RECURRENT_TO_OUTPUT_WEIGHTS, "recurrent_to_output_weights");
    int nOutput = diagonal ? nCell : recurrentToOutput.rank() == 2 ? recurrentToOutput.dim(1) : -1;
    ctx.require(nCell >= 1 && nCell <= MAX_UNITS && nOutput >= 1 && nOutput <= MAX_UNITS,
        "%d cells and %d outputs are out of range", nCell, nOutput);
    LstmCell.Config cfg = checkOperands(ctx, o, nInput, nCell, nOutput);
    checkState(ctx, OUTPUT_STATE, "output_state", (long) nBatch * nOutput);
    checkState(ctx, CELL_STATE, "cell_state", (long) nBatch * nCell);
    int[] outShape = input.shape().clone();
    outShape[2] = nOutput;
    ctx.setOutputShape(0, outShape);
    cell = new LstmCell(cfg);
    outputState = new float[nOutput];
    cellState = new float[nCell];
  }

  static TensorBuffer required(OpContext ctx, int i, String name) {
    TensorBuffer t = ctx.input(i);
    ctx.require(t != null, "input %d (%s) is required", i, name);
    return t;
  }

  /** Float32 throughout; int8/uint8 weights are the hybrid LSTM, int8 input the integer one. */
  private static void checkTypes(OpContext ctx) {
    for (int i = 0; i < ctx.inputCount(); i++) {
      TensorBuffer t = ctx.input(i);
      if (t != null && t.type() != DataType.FLOAT32) {
        throw ctx.unsupported("input " + i + " '" + t.name() + "' is " + t.type()
            + ": only the float32 LSTM is supported");
      }
    }
    if (ctx.output(0).type() != DataType.FLOAT32) {
      throw ctx.unsupported("output type " + ctx.output(0).type() + " is not supported");
    }
  }

  /** TensorFlow Lite's CheckInputTensorDimensions, returning the cell's variant. */
  static LstmCell.Config checkOperands(OpContext ctx, UnidirectionalSequenceLSTMOptions o,
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
  static void checkState(OpContext ctx, int i, String name, long elements) {
    TensorBuffer t = required(ctx, i, name);
    ctx.require(t.def().isVariable(), "%s '%s' must be a variable tensor", name, t.name());
    ctx.require(t.numElements() == elements, "%s has %d elements, expected %d", name, t.numElements(), elements);
  }

  @Override
  public void run(OpContext ctx) {
    for (int i = 1; i < OPERAND_COUNT && i < ctx.inputCount(); i++) {
      TensorBuffer t = ctx.input(i);
      cell.operands[i] = t == null || i == OUTPUT_STATE || i == CELL_STATE ? null : t.floats();
    }
    FloatBuffer input = ctx.input(INPUT).floats();
    FloatBuffer output = ctx.output(0).floats();
    FloatBuffer hState = ctx.input(OUTPUT_STATE).floats();
    FloatBuffer cState = ctx.input(CELL_STATE).floats();
    int nInput = ctx.input(INPUT).dim(2);
    int nOutput = outputState.length;
    int nCell = cellState.length;
    // Batch rows are independent: run each row through all time steps with its state in scratch.
    for (int b = 0; b < nBatch; b++) {
      hState.get(b * nOutput, outputState);
      cState.get(b * nCell, cellState);
      for (int t = 0; t < maxTime; t++) {
        int row = timeMajor ? t * nBatch + b : b * maxTime + t;
        cell.step(input, row * nInput, outputState, cellState, output, row * nOutput);
      }
      hState.put(b * nOutput, outputState);
      cState.put(b * nCell, cellState);
    }
  }
}
