package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * BATCH_MATMUL on integers, as TensorFlow Lite 2.6 computes it: INT8 lhs and rhs (per-tensor, any zero
 * points; the int8 GEMM is ruy's, so the rescale rounds once) or INT16 lhs and rhs (zero points 0, 64-bit
 * sums, TF Lite's 15-bit int64 rescale). Output of the input type, clamped to the type's range (the op has no
 * fused activation). Shapes, {@code adj_x}/{@code adj_y} and batch broadcasting as in {@link BatchMatMul}.
 *
 * <p>Each output is {@code clamp(zp_out + M * sum_k (l_ik + off_l)(r_kj + off_r))}, {@code M = s_l * s_r /
 * s_out}. Both operands are widened with their offsets into row-major [M][K] and [N][K] arrays (a constant rhs
 * once at pack) so that each output is a dot product of two contiguous rows.
 */
public final class QuantizedBatchMatMul implements Kernel {

  private boolean adjX;
  private boolean adjY;
  private int m;
  private int k;
  private int n;
  private boolean empty;
  private boolean wide;
  private int lhsOffset;
  private int rhsOffset;
  private int outZp;
  private int outMin;
  private int outMax;
  private int multiplier;
  private int shift;
  private BatchMatMulGeometry geo;
  private int[] lhsBatchStrides;
  private int[] rhsBatchStrides;
  private int outBatches;
  /** lhs batches as [M][K] rows, rhs batches as [N][K] rows, offsets added. */
  private int[] lhsRows;
  private int[] rhsCols;
  private int[] raw;
  private int[] out;
  private byte[] outBytes;
  private short[] outShorts;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer lhs = ctx.input(0);
    TensorBuffer rhs = ctx.input(1);
    TensorBuffer output = ctx.output(0);
    geo = BatchMatMulGeometry.of(ctx);
    lhsOffset = QuantizedOperands.inputOffset(ctx, lhs, "lhs");
    if (rhs.type() != lhs.type()) {
      throw ctx.unsupported("rhs of type " + rhs.type() + " with a " + lhs.type() + " lhs is not supported");
    }
    if (lhs.type() == DataType.UINT8) {
      throw ctx.unsupported("UINT8 inputs are not supported (TensorFlow Lite has INT8 and INT16 only)");
    }
    rhsOffset = QuantizedOperands.inputOffset(ctx, rhs, "rhs");
    ctx.require(rhs.quantization().channelCount() == 1, "rhs '%s' is quantized per channel (not supported)",
        rhs.name());
    outZp = QuantizedOperands.outputZeroPoint(ctx, lhs, output);
    wide = lhs.type() == DataType.INT16;
    outMin = wide ? Short.MIN_VALUE : Byte.MIN_VALUE;
    outMax = wide ? Short.MAX_VALUE : Byte.MAX_VALUE;
    // TF Lite's GetQuantizedConvolutionMultipler: the input scales multiplied in float, divided in double
    QuantizedMultiplier qm = QuantizedMultiplier.of((double) (lhs.quantization().scale() * rhs.quantization().scale())
        / (double) output.quantization().scale());
    multiplier = qm.multiplier();
    shift = qm.shift();
    adjX = geo.adjX();
    adjY = geo.adjY();
    m = geo.m();
    k = geo.k();
    n = geo.n();
    FloatOperands.setOutputShape(ctx, geo.outputShape());
    empty = output.numElements() == 0;
    if (empty) {
      return;
    }
    outBatches = geo.outBatches();
    lhsBatchStrides = geo.lhsBatchStrides();
    rhsBatchStrides = geo.rhsBatchStrides();
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    TensorBuffer lhs = ctx.input(0);
    TensorBuffer rhs = ctx.input(1);
    raw = new int[Math.max(lhs.numElements(), rhs.numElements())];
    lhsRows = new int[lhs.numElements()];
    rhsCols = new int[rhs.numElements()];
    if (rhs.isConstant()) {
      loadRhs(rhs);
    }
    out = new int[ctx.output(0).numElements()];
    outBytes = QuantizedOperands.byteScratch(lhs.type(), out.length);
    outShorts = QuantizedOperands.shortScratch(lhs.type(), out.length);
  }

  /** lhs batches as [M][K] (transposing [K][M] when adj_x), offset added. */
  private void loadLhs(TensorBuffer lhs) {
    int count = lhs.numElements();
    QuantizedTensors.read(lhs, 0, raw, 0, count);
    int batches = k == 0 || m == 0 ? 0 : count / (m * k);
    for (int b = 0; b < batches; b++) {
      int base = b * m * k;
      for (int i = 0; i < m; i++) {
        for (int kk = 0; kk < k; kk++) {
          lhsRows[base + i * k + kk] = raw[base + (adjX ? kk * m + i : i * k + kk)] + lhsOffset;
        }
      }
    }
  }

  /** rhs batches as [N][K] (transposing [K][N] unless adj_y), offset added. */
  private void loadRhs(TensorBuffer rhs) {
    int count = rhs.numElements();
    QuantizedTensors.read(rhs, 0, raw, 0, count);
    int batches = k == 0 || n == 0 ? 0 : count / (n * k);
    for (int b = 0; b < batches; b++) {
      int base = b * n * k;
      for (int j = 0; j < n; j++) {
        for (int kk = 0; kk < k; kk++) {
          rhsCols[base + j * k + kk] = raw[base + (adjY ? j * k + kk : kk * n + j)] + rhsOffset;
        }
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    TensorBuffer rhs = ctx.input(1);
    if (!rhs.isConstant()) {
      loadRhs(rhs);
    }
    loadLhs(ctx.input(0));
    boolean single = QuantizedOperands.ruyRescales(ctx.input(0).type());
    for (int ob = 0; ob < outBatches; ob++) {
      int lBase = geo.batchIndex(ob, lhsBatchStrides) * m * k;
      int rBase = geo.batchIndex(ob, rhsBatchStrides) * n * k;
      int oBase = ob * m * n;
      for (int i = 0; i < m; i++) {
        int l = lBase + i * k;
        for (int j = 0; j < n; j++) {
          int r = rBase + j * k;
          if (wide) {
            long a = 0;
            for (int kk = 0; kk < k; kk++) {
              a += lhsRows[l + kk] * rhsCols[r + kk]; // |product| <= 2^30: exact in int
            }
            out[oBase + i * n + j] = QuantizedOperands.requantize(a, multiplier, shift, outZp, outMin, outMax);
          } else {
            int a = 0;
            for (int kk = 0; kk < k; kk++) {
              a += lhsRows[l + kk] * rhsCols[r + kk];
            }
            out[oBase + i * n + j] = QuantizedOperands.requantize(a, multiplier, shift, single, outZp, outMin, outMax);
          }
        }
      }
    }
    QuantizedOperands.store(out, ctx.output(0), outBytes, outShorts);
  }
}
