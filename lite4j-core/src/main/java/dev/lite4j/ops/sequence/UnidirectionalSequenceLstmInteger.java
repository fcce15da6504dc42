package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;
import static dev.lite4j.ops.sequence.LstmOperands.*;

import dev.lite4j.DataType;
import dev.lite4j.kernels.LstmCell;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.FixedPointMath;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, fully integer (TensorFlow Lite's "8x8_16" LSTM, {@code lstm_eval.cc}
 * EvalInteger8x8_16): int8 input, output and output state, int16 cell state with a power-of-two scale,
 * int8 weights, int32 biases, int16 peephole and layer-norm weights. Each gate accumulates
 * input x weights and state x recurrent weights, each rescaled by its own multiplier into a 16-bit gate
 * value whose scale is the node's intermediate tensor (Q3.12 without layer norm), then takes gemmlowp's
 * 16-bit logistic (Q3 in) or tanh (Q3 in; the cell gate); the cell update multiplies and adds in 16 bits;
 * the hidden value tanh(cell) * output_gate is requantized to int8 at intermediate 4's scale, then
 * projected (or copied) into the output state.
 *
 * <p>The effective multipliers and zero-point corrections follow {@code PopulateQuantizedLstmParams8x8_16}
 * and {@code PopulatePrecomputedZPTimesWeightsWithBias}: float scale products (some in double, as the
 * C++ writes them), biases folded into the input matmul (into the layer norm when there is one), and
 * zero points folded into per-row corrections. TF Lite stores the hidden value as
 * {@code round(h / scale) - zero_point} (its CwiseMul subtracts the zero point) and corrects the
 * projection with {@code +zero_point * row_sum}; this kernel does the same, since the goldens do.
 */
public final class UnidirectionalSequenceLstmInteger implements Kernel {
  private static final int INPUT = 0;
  /** Gate indices into the LstmOperands arrays and the intermediates: input, forget, cell, output. */
  private static final int IG = 0;
  private static final int FG = 1;
  private static final int CG = 2;
  private static final int OG = 3;

  private LstmCell.Config cfg;
  private LstmOperands.Sequence seq;
  private int cellScale;
  private int cellClip;
  private int projClip;
  private int inputZp;
  private int outputStateZp;
  private int hiddenZp;
  private final int[][] effective = new int[13][2]; // multiplier, shift by Scale index
  private final int[] varianceGuard = new int[4];

  // Packed constants (pack): weights, per-row corrections, peephole and layer-norm coefficients.
  private final byte[][] inputWeights = new byte[4][];
  private final byte[][] recurrentWeights = new byte[4][];
  private final int[][] inputBias = new int[4][];
  private final int[][] recurrentBias = new int[4][];
  private final short[][] peephole = new short[4][];
  private final short[][] layerNorm = new short[4][];
  private final int[][] gateBias = new int[4][];
  private byte[] projectionWeights;
  private int[] projectionBias;

  // Scratch for one batch row.
  private int[] x;
  private int[] h;
  private int[] c;
  private final int[][] gates = new int[4][];
  private int[] hidden;
  private final int[] invSqrt = new int[2];

  /** Indices into {@link #effective}. */
  private static final int IN = 0; // + gate: input-to-gate 0..3
  private static final int REC = 4; // + gate: recurrent-to-gate 4..7
  private static final int PEEP = 8; // + gate (0, 1, 3 used): 8, 9, 11
  private static final int HIDDEN = 10; // PEEP + CG: the cell gate has no peephole
  private static final int PROJ = 12;
  private final int[][] layerNormScale = new int[4][2];

  @Override
  public void prepare(OpContext ctx) {
    requireArity(ctx);
    UnidirectionalSequenceLSTMOptions o = ctx.options(new UnidirectionalSequenceLSTMOptions());
    if (o.diagonalRecurrentTensors()) {
      throw ctx.unsupported("diagonal recurrent weights are not supported by the integer LSTM");
    }
    seq = LstmOperands.prepare(ctx, o);
    cfg = seq.cfg();
    int nInput = cfg.nInput();
    int nCell = cfg.nCell();
    int nOutput = cfg.nOutput();
    checkTypes(ctx);
    if (cfg.peephole() && nOutput > nCell) {
      // TF Lite's integer peephole reads n_output weights of n_cell: past the end when n_output > n_cell.
      throw ctx.unsupported("peephole weights with more outputs (" + nOutput + ") than cells (" + nCell
          + ") in the integer LSTM");
    }
    computeScales(ctx, o);
    int rows = seq.timeMajor() ? seq.nBatch() : 1; // batch rows a step takes at once (see run)
    x = new int[rows * nInput];
    h = new int[rows * nOutput];
    c = new int[rows * nCell];
    for (int g = 0; g < 4; g++) {
      gates[g] = new int[rows * nCell];
    }
    hidden = new int[rows * nCell];
  }

  /** TF Lite's integer LSTM types; weights and biases must be constant (their sums are taken at prepare). */
  private void checkTypes(OpContext ctx) {
    type(ctx, INPUT, DataType.INT8, "input");
    type(ctx, OUTPUT_STATE, DataType.INT8, "output_state");
    type(ctx, CELL_STATE, DataType.INT16, "cell_state");
    ctx.require(ctx.output(0).type() == DataType.INT8, "output is %s, expected INT8 with an INT8 input",
        ctx.output(0).type());
    for (int g = 0; g < 4; g++) {
      constant(ctx, INPUT_WEIGHTS[g], DataType.INT8, "input weights");
      constant(ctx, RECURRENT_WEIGHTS[g], DataType.INT8, "recurrent weights");
      constant(ctx, BIASES[g], DataType.INT32, "gate bias");
      if (PEEPHOLE_WEIGHTS[g] >= 0) {
        constant(ctx, PEEPHOLE_WEIGHTS[g], DataType.INT16, "peephole weights");
      }
      if (cfg.layerNorm()) {
        constant(ctx, LAYER_NORM[g], DataType.INT16, "layer-norm coefficients");
      }
    }
    constant(ctx, PROJECTION_WEIGHTS, DataType.INT8, "projection weights");
    constant(ctx, PROJECTION_BIAS, DataType.INT32, "projection bias");
    // Quantized tensors must carry one scale each (TF Lite reads params.scale).
    for (int i = 1; i < ctx.inputCount(); i++) {
      TensorBuffer t = ctx.input(i);
      if (t != null && t.type() != DataType.INT32 && i != OUTPUT_STATE && i != CELL_STATE) {
        perTensorScale(ctx, t, "input " + i);
      }
    }
  }

  private static void type(OpContext ctx, int i, DataType expected, String role) {
    TensorBuffer t = ctx.input(i);
    if (t != null && t.type() != expected) {
      throw ctx.unsupported(role + " (input " + i + ") '" + t.name() + "' is " + t.type() + ", the integer LSTM"
          + " needs " + expected);
    }
  }

  private static void constant(OpContext ctx, int i, DataType expected, String role) {
    type(ctx, i, expected, role);
    TensorBuffer t = ctx.input(i);
    if (t != null && !t.isConstant()) {
      throw ctx.unsupported(role + " (input " + i + ") '" + t.name() + "' must be constant in the integer LSTM");
    }
  }

  private static float perTensorScale(OpContext ctx, TensorBuffer t, String role) {
    float s = QuantizedTensors.scale(ctx, t, role);
    ctx.require(t.quantization().scales().length == 1, "%s '%s' has %d scales; the integer LSTM takes one",
        role, t.name(), t.quantization().scales().length);
    return s;
  }

  /** {@code PopulateQuantizedLstmParams8x8_16}. */
  private void computeScales(OpContext ctx, UnidirectionalSequenceLSTMOptions o) {
    TensorBuffer input = ctx.input(INPUT);
    TensorBuffer outputState = ctx.input(OUTPUT_STATE);
    TensorBuffer cellState = ctx.input(CELL_STATE);
    TensorBuffer output = ctx.output(0);
    float inputScale = perTensorScale(ctx, input, "input");
    float outputStateScale = perTensorScale(ctx, outputState, "output_state");
    float cellStateScale = perTensorScale(ctx, cellState, "cell_state");
    float outputScale = perTensorScale(ctx, output, "output");
    inputZp = QuantizedTensors.zeroPoint(ctx, input, "input");
    outputStateZp = QuantizedTensors.zeroPoint(ctx, outputState, "output_state");
    // CheckedLog2: the cell state's scale must be a power of two.
    float log2 = (float) Math.log(cellStateScale) * (1.0f / (float) Math.log(2.0));
    float rounded = Math.round(log2);
    ctx.require(Math.abs(log2 - rounded) < 1e-3f, "cell_state scale %s is not a power of two", cellStateScale);
    cellScale = (int) rounded;
    // The output applies tanh to the cell state as FixedPoint<int16, 15 + cell_scale>; TF Lite has 0..6.
    ctx.require(15 + cellScale >= 0 && 15 + cellScale <= 6,
        "cell_state scale 2^%d gives %d integer bits; TF Lite's integer LSTM takes 0 to 6", cellScale,
        15 + cellScale);
    cellClip = o.cellClip() > 0f
        ? (short) Math.min(Math.max(o.cellClip() / cellStateScale, -32768f), 32767f) : 0;
    projClip = o.projClip() > 0f ? (byte) Math.min(Math.max(o.projClip() / outputScale, -128f), 127f) : 0;

    ctx.require(ctx.intermediateCount() == 5, "the integer LSTM needs 5 intermediate tensors, has %d",
        ctx.intermediateCount());
    float[] intermediateScale = new float[5];
    for (int g = 0; g < 4; g++) {
      if (cfg.layerNorm()) {
        TensorBuffer t = ctx.intermediate(g);
        ctx.require(t != null && t.quantization().isQuantized(),
            "intermediate %d must be quantized (it is the scale of a layer-normalised gate)", g);
        intermediateScale[g] = t.quantization().scale();
      } else {
        intermediateScale[g] = 0x1p-12f; // Q3.12 for the activation functions
      }
    }
    TensorBuffer hiddenT = ctx.intermediate(4);
    ctx.require(hiddenT != null && hiddenT.quantization().isQuantized(),
        "intermediate 4 (the hidden state) must be quantized");
    intermediateScale[4] = hiddenT.quantization().scale();
    hiddenZp = hiddenT.quantization().zeroPoint();
    ctx.require(hiddenZp >= -128 && hiddenZp <= 127, "intermediate 4 (the hidden state) has zero point %d, "
        + "outside int8", hiddenZp);

    for (int g = 0; g < 4; g++) {
      if (g == IG && cfg.cifg()) {
        continue;
      }
      float wIn = perTensorScale(ctx, ctx.input(INPUT_WEIGHTS[g]), "input weights");
      float wRec = perTensorScale(ctx, ctx.input(RECURRENT_WEIGHTS[g]), "recurrent weights");
      set(IN + g, wIn * inputScale / intermediateScale[g]);
      set(REC + g, wRec * outputStateScale / intermediateScale[g]);
      if (cfg.peephole() && g != CG && !(g == IG && cfg.cifg())) {
        float wPeep = perTensorScale(ctx, ctx.input(PEEPHOLE_WEIGHTS[g]), "peephole weights");
        // std::pow(2, cell_scale) is a double, so this product and quotient are double, stored as float.
        set(PEEP + g, (float) (Math.pow(2, cellScale) * wPeep / intermediateScale[g]));
      }
      float lnScale = 1f;
      if (cfg.layerNorm()) {
        lnScale = perTensorScale(ctx, ctx.input(LAYER_NORM[g]), "layer-norm coefficients");
      }
      QuantizedMultiplier m = QuantizedMultiplier.of(lnScale);
      layerNormScale[g][0] = m.multiplier();
      layerNormScale[g][1] = m.shift();
      varianceGuard[g] = Math.max(1, (int) (10000 * lnScale));
    }
    set(HIDDEN, (float) (Math.pow(2, -15) / intermediateScale[4] * Math.pow(2, -15)));
    if (cfg.projection()) {
      float wProj = perTensorScale(ctx, ctx.input(PROJECTION_WEIGHTS), "projection weights");
      set(PROJ, wProj * intermediateScale[4] / outputStateScale);
    }
  }

  private void set(int index, float realScale) {
    QuantizedMultiplier m = QuantizedMultiplier.of(realScale);
    effective[index][0] = m.multiplier();
    effective[index][1] = m.shift();
  }

  @Override
  public void pack(OpContext ctx) {
    for (int g = 0; g < 4; g++) {
      if (g == IG && cfg.cifg()) {
        continue;
      }
      inputWeights[g] = bytes(ctx.input(INPUT_WEIGHTS[g]));
      recurrentWeights[g] = bytes(ctx.input(RECURRENT_WEIGHTS[g]));
      gateBias[g] = QuantizedTensors.readAll(ctx.input(BIASES[g]));
      // Without layer norm the gate bias joins the input matmul; with it, the layer norm adds it.
      inputBias[g] = zeroPointTimesRowSums(inputWeights[g], cfg.nInput(), -inputZp,
          cfg.layerNorm() ? null : gateBias[g]);
      recurrentBias[g] = zeroPointTimesRowSums(recurrentWeights[g], cfg.nOutput(), -outputStateZp, null);
      if (cfg.peephole() && PEEPHOLE_WEIGHTS[g] >= 0 && ctx.input(PEEPHOLE_WEIGHTS[g]) != null) {
        peephole[g] = shorts(ctx.input(PEEPHOLE_WEIGHTS[g]));
      }
      if (cfg.layerNorm()) {
        layerNorm[g] = shorts(ctx.input(LAYER_NORM[g]));
      }
    }
    if (cfg.projection()) {
      projectionWeights = bytes(ctx.input(PROJECTION_WEIGHTS));
      int[] bias = cfg.projectionBias() ? QuantizedTensors.readAll(ctx.input(PROJECTION_BIAS)) : null;
      projectionBias = zeroPointTimesRowSums(projectionWeights, cfg.nCell(), hiddenZp, bias);
    }
  }

  /** {@code PrecomputeZeroPointTimesWeightWithBias}: bias[r] + zeroPoint * sum of row r (int32, wrapping). */
  private static int[] zeroPointTimesRowSums(byte[] w, int cols, int zeroPoint, int[] bias) {
    int[] sums = rowSums(w, cols);
    int[] out = bias == null ? new int[sums.length] : bias.clone();
    for (int r = 0; r < sums.length; r++) {
      out[r] += sums[r] * zeroPoint;
    }
    return out;
  }

  @Override
  public void run(OpContext ctx) {
    if (inputWeights[FG] == null) {
      pack(ctx);
    }
    ByteBuffer input = ctx.input(INPUT).bytes();
    ByteBuffer output = ctx.output(0).bytes();
    ByteBuffer hState = ctx.input(OUTPUT_STATE).bytes();
    ShortBuffer cState = ctx.input(CELL_STATE).shorts();
    int nInput = cfg.nInput();
    int nOutput = cfg.nOutput();
    int nCell = cfg.nCell();
    // As EvalInteger8x8_16: time-major steps take the whole batch at once; batch-major ones run each
    // batch row through all its time steps alone. (The grouping shows only through TF Lite's peephole,
    // which indexes the batch by n_output; everything else is per row.)
    int rows = seq.timeMajor() ? seq.nBatch() : 1;
    int groups = seq.nBatch() / rows;
    for (int grp = 0; grp < groups; grp++) {
      int b0 = grp * rows;
      for (int k = 0; k < rows * nOutput; k++) {
        h[k] = hState.get(b0 * nOutput + k);
      }
      for (int k = 0; k < rows * nCell; k++) {
        c[k] = cState.get(b0 * nCell + k);
      }
      for (int t = 0; t < seq.maxTime(); t++) {
        int row = seq.row(b0, t); // first input/output row of this step (b0 is 0 when time-major)
        for (int k = 0; k < rows * nInput; k++) {
          x[k] = input.get(row * nInput + k);
        }
        step(rows);
        for (int k = 0; k < rows * nOutput; k++) {
          output.put(row * nOutput + k, (byte) h[k]);
        }
      }
      for (int k = 0; k < rows * nOutput; k++) {
        hState.put(b0 * nOutput + k, (byte) h[k]);
      }
      for (int k = 0; k < rows * nCell; k++) {
        cState.put(b0 * nCell + k, (short) c[k]);
      }
    }
  }

  /** One {@code LstmStepInteger8x8_16} on {@code rows} batch rows: updates {@link #h}, {@link #c} from {@link #x}. */
  private void step(int rows) {
    if (!cfg.cifg()) {
      gate(IG, false, rows);
    }
    gate(FG, false, rows);
    gate(CG, true, rows);
    updateCell(rows);
    gate(OG, false, rows);
    updateOutput(rows);
  }

  /** {@code CalculateLstmGateInteger8x8_16}. */
  private void gate(int g, boolean tanh, int rows) {
    int[] out = gates[g];
    int nCell = cfg.nCell();
    int n = rows * nCell;
    Arrays.fill(out, 0, n, 0);
    accumulate(x, cfg.nInput(), inputWeights[g], inputBias[g], effective[IN + g], out, rows, nCell);
    accumulate(h, cfg.nOutput(), recurrentWeights[g], recurrentBias[g], effective[REC + g], out, rows, nCell);
    if (peephole[g] != null) {
      // TF Lite passes n_output as the vector size here (VectorBatchVectorCwiseProductAccumulate), so with a
      // projection only the first n_output entries of the batch, taken n_output apart, get the peephole term.
      short[] w = peephole[g];
      int[] m = effective[PEEP + g];
      int v = cfg.nOutput();
      for (int k = 0; k < rows * v; k++) {
        int prod = FixedPoint.multiplyByQuantizedMultiplier(w[k % v] * c[k], m[0], m[1]);
        out[k] = FixedPoint.saturatingAdd16(prod, out[k]);
      }
    }
    if (cfg.layerNorm()) {
      for (int b = 0; b < rows; b++) {
        layerNorm(g, out, b * nCell);
      }
    }
    for (int r = 0; r < n; r++) {
      out[r] = tanh ? FixedPointMath.tanh16(out[r], 3) : FixedPointMath.logistic16(out[r], 3);
    }
  }

  /**
   * The int8 x int8 -> int16 {@code MatrixBatchVectorMultiplyAccumulate}: each row's dot product plus its
   * correction, rescaled, added to what the gate holds and saturated to 16 bits.
   */
  private static void accumulate(int[] v, int cols, byte[] w, int[] bias, int[] m, int[] out, int rows,
      int nRows) {
    for (int b = 0; b < rows; b++) {
      int vb = b * cols;
      for (int r = 0; r < nRows; r++) {
        int acc = bias[r];
        int base = r * cols;
        for (int k = 0; k < cols; k++) {
          acc += v[vb + k] * w[base + k];
        }
        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, m[0], m[1]);
        int o = b * nRows + r;
        out[o] = FixedPoint.clamp(acc + out[o], Short.MIN_VALUE, Short.MAX_VALUE);
      }
    }
  }

  /** {@code ApplyLayerNorm} (integer) on one batch row at {@code from}: normalise, scale, add the gate bias. */
  private void layerNorm(int g, int[] v, int from) {
    int n = cfg.nCell();
    long sum = 0;
    long sumSq = 0;
    for (int r = 0; r < n; r++) {
      int val = v[from + r];
      sum += val;
      sumSq += val * val; // int32 product, as the C++ writes it
    }
    int mean = (int) (sum * 1024 / n);
    int temp = (1 << 20) / n;
    long variance = sumSq * temp - (long) mean * mean;
    int variance2 = (int) (variance / (1 << 20));
    if (variance2 < 1) {
      variance2 = varianceGuard[g];
    }
    int[] inv = invSqrt;
    FixedPointMath.invSqrtQuantizedMultiplierExp(variance2, -1, inv);
    short[] w = layerNorm[g];
    int[] bias = gateBias[g];
    int[] m = layerNormScale[g];
    for (int r = 0; r < n; r++) {
      int shifted = 1024 * v[from + r] - mean;
      int rescaled = FixedPoint.multiplyByQuantizedMultiplier(shifted, inv[0], inv[1]);
      long val3 = rescaled * w[r] + bias[r]; // int32 arithmetic, as the C++ writes it
      int val4 = (int) ((val3 > 0 ? val3 + 512 : val3 - 512) / 1024);
      int val5 = FixedPoint.multiplyByQuantizedMultiplier(val4, m[0], m[1] + 12);
      v[from + r] = FixedPoint.clamp(val5, Short.MIN_VALUE, Short.MAX_VALUE);
    }
  }

  /** {@code UpdateLstmCellInteger}: c = f*c (Q15 shift) + i*g (shift 30 + cell_scale), saturated, clipped. */
  private void updateCell(int rows) {
    int[] f = gates[FG];
    int[] i = gates[IG];
    int[] g = gates[CG];
    int shift = 30 + cellScale;
    for (int r = 0; r < rows * cfg.nCell(); r++) {
      // CwiseMul narrows to int16 without saturating; CwiseAdd saturates.
      int kept = (short) FixedPoint.roundingDivideByPot(f[r] * c[r], 15);
      int in = cfg.cifg() ? (short) (Short.MAX_VALUE - f[r]) : i[r];
      int added = (short) FixedPoint.roundingDivideByPot(in * g[r], shift);
      int sum = FixedPoint.saturatingAdd16(kept, added);
      if (cellClip > 0) {
        sum = FixedPoint.clamp(sum, -cellClip, cellClip);
      }
      c[r] = sum;
    }
  }

  /** {@code CalculateLstmOutputInteger8x8_16}: hidden = o * tanh(c) as int8, then projection or copy. */
  private void updateOutput(int rows) {
    int[] o = gates[OG];
    int[] m = effective[HIDDEN];
    int tanhBits = 15 + cellScale;
    int nCell = cfg.nCell();
    for (int r = 0; r < rows * nCell; r++) {
      int t = FixedPointMath.tanh16(c[r], tanhBits);
      int value = FixedPoint.multiplyByQuantizedMultiplier(o[r] * t, m[0], m[1]);
      hidden[r] = FixedPoint.clamp(value - hiddenZp, -128, 127); // CwiseMul subtracts the zero point
    }
    int nOutput = cfg.nOutput();
    if (!cfg.projection()) {
      System.arraycopy(hidden, 0, h, 0, rows * nOutput);
      return;
    }
    int[] p = effective[PROJ];
    for (int b = 0; b < rows; b++) {
      for (int r = 0; r < nOutput; r++) {
        int acc = projectionBias[r];
        int base = r * nCell;
        for (int k = 0; k < nCell; k++) {
          acc += hidden[b * nCell + k] * projectionWeights[base + k];
        }
        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, p[0], p[1]) + outputStateZp;
        acc = FixedPoint.clamp(acc, -128, 127);
        if (projClip > 0) {
          acc = FixedPoint.clamp(acc, -projClip, projClip);
        }
        h[b * nOutput + r] = acc;
      }
    }
  }
}
