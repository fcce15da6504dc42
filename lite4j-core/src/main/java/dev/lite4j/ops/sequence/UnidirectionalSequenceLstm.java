package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;

import dev.lite4j.DataType;
import dev.lite4j.kernels.LstmCell;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
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
  private static final int INPUT = 0;

  private LstmCell cell;
  private LstmOperands.Sequence seq;
  private float[] outputState;
  private float[] cellState;

  @Override
  public void prepare(OpContext ctx) {
    LstmOperands.requireArity(ctx);
    checkTypes(ctx);
    UnidirectionalSequenceLSTMOptions o = ctx.options(new UnidirectionalSequenceLSTMOptions());
    if (!LstmCell.supportsActivation(o.fusedActivationFunction())) {
      throw ctx.unsupported("activation code " + o.fusedActivationFunction() + " is not supported");
    }
    seq = LstmOperands.prepare(ctx, o);
    cell = new LstmCell(seq.cfg());
    outputState = new float[seq.cfg().nOutput()];
    cellState = new float[seq.cfg().nCell()];
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
    for (int b = 0; b < seq.nBatch(); b++) {
      hState.get(b * nOutput, outputState);
      cState.get(b * nCell, cellState);
      for (int t = 0; t < seq.maxTime(); t++) {
        int row = seq.row(b, t);
        cell.step(input, row * nInput, outputState, cellState, output, row * nOutput);
      }
      hState.put(b * nOutput, outputState);
      cState.put(b * nCell, cellState);
    }
  }
}
