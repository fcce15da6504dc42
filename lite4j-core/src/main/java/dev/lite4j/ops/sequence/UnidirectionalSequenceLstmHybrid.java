package dev.lite4j.ops.sequence;

import static dev.lite4j.kernels.LstmCell.*;
import static dev.lite4j.ops.sequence.LstmOperands.*;

import dev.lite4j.DataType;
import dev.lite4j.kernels.HybridQuantization;
import dev.lite4j.kernels.LstmCell;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, hybrid (TensorFlow Lite's {@code lstm_eval.cc} EvalHybrid): float input,
 * state and output, int8 weights (input, recurrent, peephole and projection; per-tensor scales). Each step
 * quantizes the input row and the output-state row to int8 (symmetric, or asymmetric with
 * {@code asymmetric_quantize_inputs}), takes int32 dot products with the weights (less zero point x row
 * sum) and scales them by row scale x weight scale into float gates that start from the bias; peepholes
 * use the dequantized int8 weights; the rest (layer norm, activations, cell update, clipping) is the float
 * LSTM's. The hidden value is quantized the same way before an int8 projection.
 */
public final class UnidirectionalSequenceLstmHybrid implements Kernel {
  private static final int INPUT = 0;

  private LstmCell.Config cfg;
  private LstmOperands.Sequence seq;
  private boolean asymmetric;

  private final byte[][] inW = new byte[4][];
  private final byte[][] recW = new byte[4][];
  private final float[] inScale = new float[4];
  private final float[] recScale = new float[4];
  private final int[][] inRowSums = new int[4][];
  private final int[][] recRowSums = new int[4][];
  private final float[][] peephole = new float[4][];
  private final float[][] layerNorm = new float[4][];
  private final float[][] bias = new float[4][];
  private byte[] projW;
  private float projScale;
  private int[] projRowSums;
  private float[] projBias;

  private float[] x;
  private float[] h;
  private float[] c;
  private int[] qx;
  private int[] qh;
  private int[] qHidden;
  private final float[][] gates = new float[4][];
  private float[] hidden;
  private final int[] zp = new int[1];

  @Override
  public void prepare(OpContext ctx) {
    requireArity(ctx);
    UnidirectionalSequenceLSTMOptions o = ctx.options(new UnidirectionalSequenceLSTMOptions());
    if (!LstmCell.supportsActivation(o.fusedActivationFunction())) {
      throw ctx.unsupported("activation code " + o.fusedActivationFunction() + " is not supported");
    }
    if (o.diagonalRecurrentTensors()) {
      throw ctx.unsupported("diagonal recurrent weights are not supported by the hybrid LSTM");
    }
    asymmetric = o.asymmetricQuantizeInputs();
    seq = LstmOperands.prepare(ctx, o);
    cfg = seq.cfg();
    int nInput = cfg.nInput();
    int nCell = cfg.nCell();
    int nOutput = cfg.nOutput();
    checkTypes(ctx);
    x = new float[nInput];
    h = new float[nOutput];
    c = new float[nCell];
    qx = new int[nInput];
    qh = new int[nOutput];
    qHidden = new int[nCell];
    hidden = new float[nCell];
    for (int g = 0; g < 4; g++) {
      gates[g] = new float[nCell];
    }
  }

  private void checkTypes(OpContext ctx) {
    for (int i = 0; i < ctx.inputCount(); i++) {
      TensorBuffer t = ctx.input(i);
      if (t == null) {
        continue;
      }
      boolean weights = (i >= INPUT_TO_INPUT_WEIGHTS && i <= CELL_TO_OUTPUT_WEIGHTS) || i == PROJECTION_WEIGHTS;
      DataType expected = weights ? DataType.INT8 : DataType.FLOAT32;
      if (t.type() != expected) {
        throw ctx.unsupported("input " + i + " '" + t.name() + "' is " + t.type() + "; the hybrid LSTM needs "
            + expected);
      }
      if (weights) {
        QuantizedTensors.scale(ctx, t, "weights (input " + i + ")");
        ctx.require(t.quantization().scales().length == 1, "weights '%s' must have one scale", t.name());
        ctx.require(t.isConstant(), "weights '%s' must be constant in the hybrid LSTM", t.name());
      }
    }
    ctx.require(ctx.output(0).type() == DataType.FLOAT32, "output is %s, expected FLOAT32", ctx.output(0).type());
  }

  @Override
  public void pack(OpContext ctx) {
    for (int g = 0; g < 4; g++) {
      if (g == 0 && cfg.cifg()) {
        continue;
      }
      TensorBuffer wi = ctx.input(INPUT_WEIGHTS[g]);
      TensorBuffer wr = ctx.input(RECURRENT_WEIGHTS[g]);
      inW[g] = bytes(wi);
      recW[g] = bytes(wr);
      inScale[g] = wi.quantization().scale();
      recScale[g] = wr.quantization().scale();
      inRowSums[g] = rowSums(inW[g], cfg.nInput());
      recRowSums[g] = rowSums(recW[g], cfg.nOutput());
      bias[g] = floats(ctx.input(BIASES[g]));
      TensorBuffer p = PEEPHOLE_WEIGHTS[g] < 0 ? null : ctx.input(PEEPHOLE_WEIGHTS[g]);
      if (cfg.peephole() && p != null) {
        byte[] q = bytes(p);
        peephole[g] = new float[q.length];
        for (int r = 0; r < q.length; r++) {
          peephole[g][r] = p.quantization().scale() * q[r]; // VectorScalarMultiply
        }
      }
      if (cfg.layerNorm()) {
        layerNorm[g] = floats(ctx.input(LAYER_NORM[g]));
      }
    }
    if (cfg.projection()) {
      TensorBuffer p = ctx.input(PROJECTION_WEIGHTS);
      projW = bytes(p);
      projScale = p.quantization().scale();
      projRowSums = rowSums(projW, cfg.nCell());
      projBias = cfg.projectionBias() ? floats(ctx.input(PROJECTION_BIAS)) : null;
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (inW[1] == null) {
      pack(ctx);
    }
    FloatBuffer input = ctx.input(INPUT).floats();
    FloatBuffer output = ctx.output(0).floats();
    FloatBuffer hState = ctx.input(OUTPUT_STATE).floats();
    FloatBuffer cState = ctx.input(CELL_STATE).floats();
    int nInput = cfg.nInput();
    int nOutput = cfg.nOutput();
    int nCell = cfg.nCell();
    for (int b = 0; b < seq.nBatch(); b++) {
      hState.get(b * nOutput, h);
      cState.get(b * nCell, c);
      for (int t = 0; t < seq.maxTime(); t++) {
        int row = seq.row(b, t);
        input.get(row * nInput, x);
        step();
        output.put(row * nOutput, h);
      }
      hState.put(b * nOutput, h);
      cState.put(b * nCell, c);
    }
  }

  private void step() {
    float sx = HybridQuantization.quantize(x, 0, x.length, qx, asymmetric, zp);
    int zx = zp[0];
    float sh = HybridQuantization.quantize(h, 0, h.length, qh, asymmetric, zp);
    int zh = zp[0];
    if (!cfg.cifg()) {
      gate(0, sx, zx, sh, zh, SIGMOID);
    }
    gate(1, sx, zx, sh, zh, SIGMOID);
    gate(2, sx, zx, sh, zh, cfg.activation());
    float[] f = gates[1];
    float[] in = gates[0];
    float[] g = gates[2];
    float clip = cfg.cellClip();
    for (int r = 0; r < c.length; r++) {
      float i = cfg.cifg() ? 1f - f[r] : in[r];
      float v = f[r] * c[r] + g[r] * i;
      c[r] = clip > 0f ? Math.max(Math.min(clip, v), -clip) : v;
    }
    gate(3, sx, zx, sh, zh, SIGMOID);
    float[] o = gates[3];
    for (int r = 0; r < c.length; r++) {
      hidden[r] = o[r] * LstmCell.apply(cfg.activation(), c[r]);
    }
    if (!cfg.projection()) {
      System.arraycopy(hidden, 0, h, 0, h.length);
      return;
    }
    for (int r = 0; r < h.length; r++) {
      h[r] = projBias == null ? 0f : projBias[r];
    }
    float s = HybridQuantization.quantize(hidden, 0, hidden.length, qHidden, asymmetric, zp) * projScale;
    accumulate(projW, qHidden, zp[0], projRowSums, s, h);
    float pclip = cfg.projClip();
    if (pclip > 0f) {
      for (int r = 0; r < h.length; r++) {
        h[r] = Math.max(Math.min(pclip, h[r]), -pclip);
      }
    }
  }

  /** {@code CalculateLstmGateHybrid} for gate {@code g}. */
  private void gate(int g, float sx, int zx, float sh, int zh, byte activation) {
    float[] v = gates[g];
    if (cfg.layerNorm()) {
      Arrays.fill(v, 0f);
    } else {
      System.arraycopy(bias[g], 0, v, 0, v.length);
    }
    accumulate(inW[g], qx, zx, inRowSums[g], sx * inScale[g], v);
    accumulate(recW[g], qh, zh, recRowSums[g], sh * recScale[g], v);
    if (peephole[g] != null) {
      for (int r = 0; r < v.length; r++) {
        v[r] += peephole[g][r] * c[r];
      }
    }
    if (cfg.layerNorm()) {
      LstmCell.meanStddevNormalize(v, v.length);
      for (int r = 0; r < v.length; r++) {
        v[r] = v[r] * layerNorm[g][r];
      }
      for (int r = 0; r < v.length; r++) {
        v[r] = v[r] + bias[g][r];
      }
    }
    for (int r = 0; r < v.length; r++) {
      v[r] = LstmCell.apply(activation, v[r]);
    }
  }

  /** The hybrid matrix x vector product: out[r] += (W[r] . q - zero point x rowsum[r]) x scale. */
  private void accumulate(byte[] w, int[] q, int zeroPoint, int[] rowSums, float scale, float[] out) {
    int cols = q.length;
    for (int r = 0; r < out.length; r++) {
      int dot = 0;
      int base = r * cols;
      for (int k = 0; k < cols; k++) {
        dot += w[base + k] * q[k];
      }
      if (asymmetric) {
        dot -= rowSums[r] * zeroPoint;
      }
      out[r] += dot * scale;
    }
  }
}
