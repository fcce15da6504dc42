package dev.lite4j.ops.conv;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * FULLY_CONNECTED on integers, as TensorFlow Lite 2.6 computes it: UINT8 input and weights (any weight
 * zero point) with a UINT8 or INT16 output; INT8 input and weights with INT32 bias; INT16 input with INT8
 * weights and INT64 (or INT32) bias. Shapes and {@code keep_num_dims} as in {@link FullyConnected}. The
 * shuffled weight format and sparse weights are refused.
 *
 * <p>Each output is {@code clamp(zp_out + M(bias_u + sum_i (x_i + off_in) * (w_ui + off_w)))}: the
 * weights are widened with their offset once at pack, each input row once per run, and the sums are
 * dot products over int arrays.
 */
public final class QuantizedFullyConnected implements Kernel {
  private int units;
  private int inputSize;
  private int batch;
  /** Offsets, output zero point and range, and per-channel rescaling, derived at prepare. */
  private IntegerRescale rescale;
  /** [units][inputSize] weights with the weight offset added. */
  private int[] weights;
  private long[] bias;
  private int[] in;
  private int[] out;
  private byte[] inBytes;
  private short[] inShorts;
  private byte[] outBytes;
  private short[] outShorts;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    FullyConnectedGeometry geo = FullyConnectedGeometry.of(ctx);
    units = geo.units();
    inputSize = geo.inputSize();
    batch = geo.batch();
    rescale = IntegerRescale.fullyConnected(ctx, input, filter, ctx.input(2), units,
        geo.fusedActivation());
    FloatOperands.setOutputShape(ctx, geo.outputShape());
  }

  @Override
  public void pack(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer output = ctx.output(0);
    weights = ctx.input(1).isConstant() ? QuantizedOperands.widen(ctx.input(1), rescale.weightOffset())
        : new int[ctx.input(1).numElements()];
    bias = QuantizedOperands.readBias(ctx.input(2), units);
    in = new int[input.numElements()];
    inBytes = QuantizedOperands.byteScratch(input.type(), in.length);
    inShorts = QuantizedOperands.shortScratch(input.type(), in.length);
    out = new int[output.numElements()];
    outBytes = QuantizedOperands.byteScratch(output.type(), out.length);
    outShorts = QuantizedOperands.shortScratch(output.type(), out.length);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer filter = ctx.input(1);
    if (!filter.isConstant()) {
      QuantizedOperands.load(filter, weights, rescale.weightOffset(), null, null);
    }
    TensorBuffer b = ctx.input(2);
    if (b != null && !b.isConstant()) {
      QuantizedOperands.readBias(b, bias);
    }
    if (in.length == 0 || out.length == 0) {
      return;
    }
    QuantizedOperands.load(ctx.input(0), in, rescale.inputOffset(), inBytes, inShorts);
    for (int r = 0; r < batch; r++) {
      int x = r * inputSize;
      int o = r * units;
      if (rescale.wide()) {
        for (int u = 0; u < units; u++) {
          long a = bias[u];
          int w = u * inputSize;
          for (int i = 0; i < inputSize; i++) {
            a += in[x + i] * weights[w + i]; // |product| < 2^23: exact in int
          }
          out[o + u] = rescale.requantize(a, u);
        }
        continue;
      }
      int u = 0;
      for (; u + 4 <= units; u += 4) {
        int w0 = u * inputSize;
        int w1 = w0 + inputSize;
        int w2 = w1 + inputSize;
        int w3 = w2 + inputSize;
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = 0; i < inputSize; i++) {
          int v = in[x + i];
          a0 += v * weights[w0 + i];
          a1 += v * weights[w1 + i];
          a2 += v * weights[w2 + i];
          a3 += v * weights[w3 + i];
        }
        out[o + u] = rescale.requantize(a0 + (int) bias[u], u);
        out[o + u + 1] = rescale.requantize(a1 + (int) bias[u + 1], u + 1);
        out[o + u + 2] = rescale.requantize(a2 + (int) bias[u + 2], u + 2);
        out[o + u + 3] = rescale.requantize(a3 + (int) bias[u + 3], u + 3);
      }
      for (; u < units; u++) {
        int a = 0;
        int w = u * inputSize;
        for (int i = 0; i < inputSize; i++) {
          a += in[x + i] * weights[w + i];
        }
        out[o + u] = rescale.requantize(a + (int) bias[u], u);
      }
    }
    QuantizedOperands.store(out, ctx.output(0), outBytes, outShorts);
  }
}
