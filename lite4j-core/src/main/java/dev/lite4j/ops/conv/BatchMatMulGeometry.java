package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Broadcast;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.BatchMatMulOptions;

/**
 * The options and shapes of a BATCH_MATMUL node, checked once at prepare and shared by its float, integer
 * and hybrid kernels: lhs [..., M, K] (or [..., K, M] with adj_x) times rhs [..., K, N] (or [..., N, K]
 * with adj_y), ranks 2 to 5, the batch dimensions (all but the last two, extended with leading 1s to the
 * larger rank) broadcasting against each other.
 */
record BatchMatMulGeometry(boolean adjX, boolean adjY, boolean asymmetricQuantizeInputs, int m, int k, int n,
    int[] lhsBatch, int[] rhsBatch, int[] outBatch, int[] outputShape) {
  static final int MAX_RANK = 5;

  static BatchMatMulGeometry of(OpContext ctx) {
    TensorBuffer lhs = ctx.input(0);
    TensorBuffer rhs = ctx.input(1);
    ctx.require(lhs != null && rhs != null, "needs two inputs");
    BatchMatMulOptions o = ctx.options(new BatchMatMulOptions());
    boolean adjX = o.adjX();
    boolean adjY = o.adjY();
    ctx.require(lhs.rank() >= 2 && lhs.rank() <= MAX_RANK && rhs.rank() >= 2 && rhs.rank() <= MAX_RANK,
        "input ranks must be 2 to %d, shapes are %s and %s", MAX_RANK, Arrays.toString(lhs.shape()),
        Arrays.toString(rhs.shape()));
    int rank = Math.max(lhs.rank(), rhs.rank());
    int[] l = extend(lhs.shape(), rank);
    int[] r = extend(rhs.shape(), rank);
    int m = adjX ? l[rank - 1] : l[rank - 2];
    int k = adjX ? l[rank - 2] : l[rank - 1];
    int rhsK = adjY ? r[rank - 1] : r[rank - 2];
    int n = adjY ? r[rank - 2] : r[rank - 1];
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
    return new BatchMatMulGeometry(adjX, adjY, o.asymmetricQuantizeInputs(), m, k, n, lhsBatch, rhsBatch, outBatch,
        outShape);
  }

  /** {@code shape} with leading 1s up to {@code rank} dimensions. */
  private static int[] extend(int[] shape, int rank) {
    int[] e = new int[rank];
    Arrays.fill(e, 1);
    System.arraycopy(shape, 0, e, rank - shape.length, shape.length);
    return e;
  }

  int outBatches() {
    return Shapes.elementCount(outBatch);
  }

  int rhsBatches() {
    return Shapes.elementCount(rhsBatch);
  }

  int[] lhsBatchStrides() {
    return broadcastStrides(lhsBatch);
  }

  int[] rhsBatchStrides() {
    return broadcastStrides(rhsBatch);
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

  /** The flat lhs or rhs batch index (by its {@code strides}) that output batch {@code ob} reads. */
  int batchIndex(int ob, int[] strides) {
    int index = 0;
    for (int d = outBatch.length - 1; d >= 0; d--) {
      int size = outBatch[d];
      index += (ob % size) * strides[d];
      ob /= size;
    }
    return index;
  }
}
