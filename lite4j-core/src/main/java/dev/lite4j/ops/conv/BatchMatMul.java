package dev.lite4j.ops.conv;

import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * BATCH_MATMUL (float32): lhs [..., M, K] times rhs [..., K, N] (each transposed first when
 * {@code adj_x} / {@code adj_y}), ranks 2 to 5, the batch dimensions broadcast as in NumPy, as
 * TensorFlow Lite does. Each output sums its products in float in K order.
 *
 * <p>The rhs matrix of a batch is kept as K rows of N (constant rhs: packed once at prepare) so that
 * the inner loop runs over N and four lhs rows share each row load.
 */
public final class BatchMatMul implements Kernel {
  private static final int BLOCK = MultiplyAdd.BLOCK;

  private boolean adjX;
  private boolean adjY;
  private int m;
  private int k;
  private int n;
  private int outBatches;
  private boolean empty;
  /** The lhs / rhs batch strides along the output batch dimensions (0 where broadcast). */
  private BatchMatMulGeometry geo;
  private int[] lhsBatchStrides;
  private int[] rhsBatchStrides;
  /** rhsRows[rb][kk] holds row kk of rhs batch rb as N values (constant rhs: all batches; else one). */
  private float[][][] rhsRows;
  private boolean rhsConstant;
  private int packedBatch;
  private final float[][] acc = new float[BLOCK][];
  private final float[][] lhsRows = new float[BLOCK][];

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer lhs = ctx.input(0);
    TensorBuffer rhs = ctx.input(1);
    geo = BatchMatMulGeometry.of(ctx);
    FloatOperands.requireFloatInput(ctx, lhs, "lhs");
    FloatOperands.requireFloatWeights(ctx, rhs, "rhs");
    FloatOperands.requireFloatOutput(ctx);
    adjX = geo.adjX();
    adjY = geo.adjY();
    m = geo.m();
    k = geo.k();
    n = geo.n();
    FloatOperands.setOutputShape(ctx, geo.outputShape());
    empty = ctx.output(0).numElements() == 0;
    if (empty) {
      return; // batch sizes of an empty output may be absurd: allocate nothing from them
    }
    outBatches = geo.outBatches();
    lhsBatchStrides = geo.lhsBatchStrides();
    rhsBatchStrides = geo.rhsBatchStrides();
    if (k == 0) {
      return; // every output is an empty sum: run writes zeros
    }
    rhsConstant = rhs.isConstant();
    int rhsBatches = geo.rhsBatches();
    rhsRows = new float[rhsConstant ? rhsBatches : 1][k][n];
    packedBatch = -1;
    if (rhsConstant) {
      for (int rb = 0; rb < rhsBatches; rb++) {
        pack(rhs.floats(), rb, rhsRows[rb]);
      }
    }
    for (int p = 0; p < BLOCK; p++) {
      acc[p] = new float[n];
      lhsRows[p] = new float[k];
    }
  }

  /** Rhs batch rb as K rows of N values, transposing when adj_y ([N, K] in memory). */
  private void pack(FloatBuffer rhs, int rb, float[][] rows) {
    int base = rb * k * n;
    for (int kk = 0; kk < k; kk++) {
      float[] row = rows[kk];
      if (adjY) {
        for (int j = 0; j < n; j++) {
          row[j] = rhs.get(base + j * k + kk);
        }
      } else {
        rhs.get(base + kk * n, row, 0, n);
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    if (k == 0) {
      FloatBuffer out = ctx.output(0).floats();
      for (int i = ctx.output(0).numElements() - 1; i >= 0; i--) {
        out.put(i, 0f);
      }
      return;
    }
    FloatBuffer lhs = ctx.input(0).floats();
    FloatBuffer rhs = ctx.input(1).floats();
    FloatBuffer out = ctx.output(0).floats();
    if (!rhsConstant) {
      packedBatch = -1; // rhs values may have changed since the last run
    }
    for (int ob = 0; ob < outBatches; ob++) {
      int lb = geo.batchIndex(ob, lhsBatchStrides);
      int rb = geo.batchIndex(ob, rhsBatchStrides);
      float[][] rows;
      if (rhsConstant) {
        rows = rhsRows[rb];
      } else {
        rows = rhsRows[0];
        if (packedBatch != rb) {
          pack(rhs, rb, rows);
          packedBatch = rb;
        }
      }
      multiply(lhs, lb, rows, out, ob);
    }
  }

  private void multiply(FloatBuffer lhs, int lb, float[][] rows, FloatBuffer out, int ob) {
    for (int i = 0; i < m; i += BLOCK) {
      int count = Math.min(BLOCK, m - i);
      for (int p = 0; p < count; p++) {
        readLhsRow(lhs, lb, i + p, lhsRows[p]);
        Arrays.fill(acc[p], 0f);
      }
      MultiplyAdd.matrixRows(acc, lhsRows, count, rows, k, n);
      for (int p = 0; p < count; p++) {
        out.put((ob * m + i + p) * n, acc[p], 0, n);
      }
    }
  }

  /** Row i of lhs batch lb as K values (a column of the stored [K, M] matrix when adj_x). */
  private void readLhsRow(FloatBuffer lhs, int lb, int i, float[] row) {
    int base = lb * m * k;
    if (adjX) {
      for (int kk = 0; kk < k; kk++) {
        row[kk] = lhs.get(base + kk * m + i);
      }
    } else {
      lhs.get(base + i * k, row, 0, k);
    }
  }
}
