package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Broadcast;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.BatchMatMulOptions;

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
  private static final int MAX_RANK = 5;

  private boolean adjX;
  private boolean adjY;
  private int m;
  private int k;
  private int n;
  private int outBatches;
  private boolean empty;
  /** Output batch dimensions, and the lhs / rhs batch strides along them (0 where broadcast). */
  private int[] outBatchDims;
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
    ctx.require(lhs != null && rhs != null, "needs two inputs");
    FloatOperands.requireFloatInput(ctx, lhs, "lhs");
    FloatOperands.requireFloatWeights(ctx, rhs, "rhs");
    FloatOperands.requireFloatOutput(ctx);
    BatchMatMulOptions o = ctx.options(new BatchMatMulOptions());
    adjX = o.adjX();
    adjY = o.adjY();
    ctx.require(lhs.rank() >= 2 && lhs.rank() <= MAX_RANK && rhs.rank() >= 2 && rhs.rank() <= MAX_RANK,
        "input ranks must be 2 to %d, shapes are %s and %s", MAX_RANK, Arrays.toString(lhs.shape()),
        Arrays.toString(rhs.shape()));
    int rank = Math.max(lhs.rank(), rhs.rank());
    int[] l = extend(lhs.shape(), rank);
    int[] r = extend(rhs.shape(), rank);
    m = adjX ? l[rank - 1] : l[rank - 2];
    k = adjX ? l[rank - 2] : l[rank - 1];
    int rhsK = adjY ? r[rank - 1] : r[rank - 2];
    n = adjY ? r[rank - 2] : r[rank - 1];
    ctx.require(k == rhsK, "contracted dimensions differ: lhs %s%s, rhs %s%s", Arrays.toString(lhs.shape()),
        adjX ? " (adj_x)" : "", Arrays.toString(rhs.shape()), adjY ? " (adj_y)" : "");
    int[] lhsBatch = Arrays.copyOf(l, rank - 2);
    int[] rhsBatch = Arrays.copyOf(r, rank - 2);
    int[] outBatch = Broadcast.shape(lhsBatch, rhsBatch);
    ctx.require(outBatch != null, "batch dimensions of %s and %s do not broadcast", Arrays.toString(lhs.shape()),
        Arrays.toString(rhs.shape()));
    int[] outShape = Arrays.copyOf(outBatch, rank);
    outShape[rank - 2] = m;
    outShape[rank - 1] = n;
    FloatOperands.setOutputShape(ctx, outShape);
    empty = ctx.output(0).numElements() == 0;
    if (empty) {
      return; // batch sizes of an empty output may be absurd: allocate nothing from them
    }
    outBatches = Shapes.elementCount(outBatch);
    outBatchDims = outBatch;
    lhsBatchStrides = broadcastStrides(lhsBatch);
    rhsBatchStrides = broadcastStrides(rhsBatch);
    if (k == 0) {
      return; // every output is an empty sum: run writes zeros
    }
    rhsConstant = rhs.isConstant();
    int rhsBatches = Shapes.elementCount(rhsBatch);
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

  /** Row-major strides of a batch shape, 0 along dimensions of size 1 (they broadcast). */
  private static int[] broadcastStrides(int[] batchShape) {
    int[] strides = Shapes.strides(batchShape);
    for (int d = 0; d < batchShape.length; d++) {
      if (batchShape[d] == 1) {
        strides[d] = 0;
      }
    }
    return strides;
  }

  /** The flat lhs or rhs batch index read by output batch {@code ob}. */
  private int batchIndex(int ob, int[] strides) {
    int index = 0;
    for (int d = outBatchDims.length - 1; d >= 0; d--) {
      int size = outBatchDims[d];
      index += (ob % size) * strides[d];
      ob /= size;
    }
    return index;
  }

  /** {@code shape} with leading 1s up to {@code rank} dimensions. */
  private static int[] extend(int[] shape, int rank) {
    int[] e = new int[rank];
    Arrays.fill(e, 1);
    System.arraycopy(shape, 0, e, rank - shape.length, shape.length);
    return e;
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
      int lb = batchIndex(ob, lhsBatchStrides);
      int rb = batchIndex(ob, rhsBatchStrides);
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
