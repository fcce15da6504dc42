package dev.lite4j.ops.conv;

import dev.lite4j.kernels.HybridQuantization;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * BATCH_MATMUL, hybrid: float32 lhs [..., M, K] times INT8 rhs [..., K, N] with one scale (each
 * transposed first when {@code adj_x} / {@code adj_y}), ranks 2 to 5 with broadcast batch dimensions,
 * as TensorFlow Lite 2.6's {@code batch_matmul.cc} ({@code EvalHybrid}, optimized {@code BatchMatMul})
 * computes it: every lhs row of K values is quantized on the fly (symmetric, or asymmetric with
 * {@code asymmetric_quantize_inputs}), its scaling factor multiplied by the rhs scale; the integer
 * product {@code raw} of the row with an rhs column is corrected for the zero point in float, as
 * TensorFlow Lite does ({@code acc = (int) (raw - rowSum * (float) zeroPoint)}), and
 * {@code out = factor * acc}.
 *
 * <p>TensorFlow Lite 2.6 steps through the rows' scaling factors and zero points with a stride of M per
 * broadcast batch dimension (not the product of the inner batch dimensions); this kernel reads them
 * the same way, which differs from the straightforward reading only when the lhs has more than one
 * batch dimension larger than 1.
 */
public final class HybridBatchMatMul implements Kernel {
  private static final int BATCH_DIMS = BatchMatMulGeometry.MAX_RANK - 2;

  private boolean adjX;
  private boolean adjY;
  private boolean asymmetric;
  private int m;
  private int k;
  private int n;
  private float rhsScale;
  private boolean empty;
  /** Batch dimensions of lhs, rhs and output, extended to three with leading 1s. */
  private int[] lhsBatch;
  private int[] rhsBatch;
  private int[] outBatch;
  private int lhsBatches;
  private int rhsBatches;
  /** Rhs batch rb's column j (an N-row of K weights) at [(rb * n + j) * k]. */
  private int[] weights;
  /** Sum of each rhs column's weights, at [rb * n + j]. */
  private int[] columnSums;
  private float[] lhsRow;
  private int[] quantized;
  private float[] factors;
  private int[] zeroPoints;
  private float[] outRow;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer lhs = ctx.input(0);
    TensorBuffer rhs = ctx.input(1);
    BatchMatMulGeometry geo = BatchMatMulGeometry.of(ctx);
    FloatOperands.requireFloatInput(ctx, lhs, "lhs");
    FloatOperands.requireFloatOutput(ctx);
    adjX = geo.adjX();
    adjY = geo.adjY();
    asymmetric = geo.asymmetricQuantizeInputs();
    m = geo.m();
    k = geo.k();
    n = geo.n();
    int[] l = lhs.shape();
    int[] r = rhs.shape();
    int rr = r.length;
    float[] scales = HybridInputs.requireWeights(ctx, rhs, "rhs", false, n, rr - (adjY ? 2 : 1));
    if (HybridInputs.differ(scales)) {
      throw ctx.unsupported("per-channel hybrid rhs (" + scales.length + " different scales) is not "
          + "supported: TensorFlow Lite 2.6's hybrid BATCH_MATMUL takes one scale");
    }
    rhsScale = HybridInputs.legacyScale(scales);
    lhsBatch = batchDims(l);
    rhsBatch = batchDims(r);
    outBatch = new int[BATCH_DIMS];
    for (int d = 0; d < BATCH_DIMS; d++) {
      outBatch[d] = lhsBatch[d] == 1 ? rhsBatch[d] : lhsBatch[d]; // they broadcast (checked)
    }
    FloatOperands.setOutputShape(ctx, geo.outputShape());
    empty = ctx.output(0).numElements() == 0;
    lhsBatches = lhsBatch[0] * lhsBatch[1] * lhsBatch[2];
    rhsBatches = rhsBatch[0] * rhsBatch[1] * rhsBatch[2];
    ctx.require((long) lhsBatches * m * k <= Integer.MAX_VALUE && (long) rhsBatches * n * k <= Integer.MAX_VALUE,
        "inputs %s and %s are too large", Arrays.toString(l), Arrays.toString(r));
  }

  /** The batch dimensions of {@code shape} (all but the last two), extended to three with leading 1s. */
  private static int[] batchDims(int[] shape) {
    int[] b = {1, 1, 1};
    int count = shape.length - 2;
    System.arraycopy(shape, 0, b, BATCH_DIMS - count, count);
    return b;
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    if (ctx.input(1).isConstant()) {
      packWeights(ctx.input(1));
    }
    lhsRow = new float[k];
    quantized = new int[lhsBatches * m * k];
    factors = new float[lhsBatches * m];
    zeroPoints = new int[lhsBatches * m];
    outRow = new float[n];
  }

  /** Rhs columns as rows of K (transposing unless adj_y), and their sums. */
  private void packWeights(TensorBuffer rhs) {
    int[] raw = HybridInputs.readSigned(rhs);
    weights = new int[rhsBatches * n * k];
    columnSums = new int[rhsBatches * n];
    for (int rb = 0; rb < rhsBatches; rb++) {
      int base = rb * n * k;
      for (int j = 0; j < n; j++) {
        int sum = 0;
        for (int kk = 0; kk < k; kk++) {
          int w = adjY ? raw[base + j * k + kk] : raw[base + kk * n + j];
          weights[base + j * k + kk] = w;
          sum += w;
        }
        columnSums[rb * n + j] = sum;
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    if (!ctx.input(1).isConstant()) {
      packWeights(ctx.input(1));
    }
    quantizeLhs(ctx.input(0).floats());
    FloatBuffer out = ctx.output(0).floats();
    int ob = 0;
    for (int b0 = 0; b0 < outBatch[0]; b0++) {
      for (int b1 = 0; b1 < outBatch[1]; b1++) {
        for (int b2 = 0; b2 < outBatch[2]; b2++) {
          int lb = flat(lhsBatch, b0, b1, b2);
          int rb = flat(rhsBatch, b0, b1, b2);
          // TensorFlow Lite's stride through the per-row factors: m per non-broadcast batch dimension.
          int factorBase = (lhsBatch[0] == 1 ? 0 : m * b0) + (lhsBatch[1] == 1 ? 0 : m * b1)
              + (lhsBatch[2] == 1 ? 0 : m * b2);
          int sumBase = (rhsBatch[0] == 1 ? 0 : n * b0) + (rhsBatch[1] == 1 ? 0 : n * b1)
              + (rhsBatch[2] == 1 ? 0 : n * b2);
          for (int i = 0; i < m; i++) {
            float factor = factors[factorBase + i];
            float zp = zeroPoints[factorBase + i];
            int q = (lb * m + i) * k;
            for (int j = 0; j < n; j++) {
              int raw = HybridInputs.dot(weights, (rb * n + j) * k, quantized, q, k);
              int acc = (int) ((float) raw - columnSums[sumBase + j] * zp);
              outRow[j] = factor * acc;
            }
            out.put((ob * m + i) * n, outRow, 0, n);
          }
          ob++;
        }
      }
    }
  }

  private static int flat(int[] dims, int b0, int b1, int b2) {
    int i0 = dims[0] == 1 ? 0 : b0;
    int i1 = dims[1] == 1 ? 0 : b1;
    int i2 = dims[2] == 1 ? 0 : b2;
    return (i0 * dims[1] + i1) * dims[2] + i2;
  }

  /** Quantizes every lhs row (of K values, after adj_x) with its own factor and zero point. */
  private void quantizeLhs(FloatBuffer lhs) {
    for (int lb = 0; lb < lhsBatches; lb++) {
      int base = lb * m * k;
      for (int i = 0; i < m; i++) {
        if (adjX) {
          for (int kk = 0; kk < k; kk++) {
            lhsRow[kk] = lhs.get(base + kk * m + i);
          }
        } else {
          lhs.get(base + i * k, lhsRow, 0, k);
        }
        int row = lb * m + i;
        float scale;
        if (asymmetric) {
          scale = HybridQuantization.asymmetric(lhsRow, 0, k, quantized, row * k, zeroPoints, row, false);
        } else {
          scale = HybridQuantization.symmetric(lhsRow, 0, k, quantized, row * k);
          zeroPoints[row] = 0;
        }
        factors[row] = scale * rhsScale;
      }
    }
  }
}
