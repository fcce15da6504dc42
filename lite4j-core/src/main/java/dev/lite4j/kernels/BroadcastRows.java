package dev.lite4j.kernels;

import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * Walks a broadcast output (NumPy rules, see {@link Broadcast#shape}) row by row, for element-wise
 * ops with any number of inputs. The output's dimensions are first merged wherever every input
 * broadcasts them alike (and dimensions of size 1 dropped), so a row is the innermost merged
 * dimension, along which each input advances by {@link #step} (1, or 0 where it is broadcast).
 *
 * <p>Unlike {@link Broadcast#indexMap} it keeps nothing proportional to the tensor size: a model
 * that declares a huge broadcast output fails on the arena cap instead of exhausting the heap here.
 *
 * <pre>
 *   for (int r = 0; r &lt; rows.rowCount(); r++) {
 *     int o = r * rows.rowLength(), ia = rows.rowStart(0, r), ib = rows.rowStart(1, r);
 *     for (int k = 0; k &lt; rows.rowLength(); k++, ia += rows.step(0), ib += rows.step(1)) { ... }
 *   }
 * </pre>
 */
public final class BroadcastRows {
  private final int[] dims;
  private final int[][] strides;
  private final int rowLength;
  private final int rowCount;

  private BroadcastRows(int[] dims, int[][] strides, int rowLength, int rowCount) {
    this.dims = dims;
    this.strides = strides;
    this.rowLength = rowLength;
    this.rowCount = rowCount;
  }

  /**
   * The walk of {@code outShape} for inputs of shapes {@code inShapes}, each of which must broadcast
   * to {@code outShape} (every dimension, aligned from the right, equal to the output's or 1), and
   * {@code outShape} must have at most 2^31-1 elements: callers check both first.
   */
  public static BroadcastRows of(int[] outShape, int[]... inShapes) {
    int rank = outShape.length;
    int n = inShapes.length;
    long total = 1;
    for (int d : outShape) {
      total *= d;
    }
    if (total == 0) {
      return new BroadcastRows(new int[0], new int[n][0], 0, 0);
    }
    // Merge dimensions: a dimension joins the previous kept one when every input is full in both or
    // broadcast in both, since the input's flat index then runs over the pair as over one dimension.
    int[] dims = new int[rank];
    boolean[][] full = new boolean[rank][n];
    int kept = 0;
    for (int d = 0; d < rank; d++) {
      if (outShape[d] == 1) {
        continue;
      }
      boolean[] pattern = new boolean[n];
      for (int k = 0; k < n; k++) {
        int inDim = d - (rank - inShapes[k].length);
        pattern[k] = inDim >= 0 && inShapes[k][inDim] == outShape[d];
      }
      if (kept > 0 && Arrays.equals(pattern, full[kept - 1])) {
        dims[kept - 1] *= outShape[d];
      } else {
        dims[kept] = outShape[d];
        full[kept] = pattern;
        kept++;
      }
    }
    int[] merged = Arrays.copyOf(dims, kept);
    int[][] strides = new int[n][kept];
    for (int k = 0; k < n; k++) {
      int stride = 1;
      for (int d = kept - 1; d >= 0; d--) {
        if (full[d][k]) {
          strides[k][d] = stride;
          stride *= merged[d];
        }
      }
    }
    int rowLength = kept == 0 ? 1 : merged[kept - 1];
    return new BroadcastRows(merged, strides, rowLength, (int) (total / rowLength));
  }

  /**
   * For an element-wise node: the broadcast shape of {@code inputs}, checked (compatible shapes, rank
   * at most {@link Broadcast#MAX_RANK}, at most 2^31-1 elements) and set as output 0's shape; returns
   * the walk of that output over the inputs, in the order given.
   */
  public static BroadcastRows forOutput(OpContext ctx, TensorBuffer... inputs) {
    int[][] shapes = new int[inputs.length][];
    int[] out = new int[0];
    for (int i = 0; i < inputs.length; i++) {
      shapes[i] = inputs[i].shape();
      int[] next = Broadcast.shape(out, shapes[i]);
      ctx.require(next != null, "input shapes %s do not broadcast", describe(inputs));
      out = next;
    }
    ctx.require(out.length <= Broadcast.MAX_RANK, "broadcast rank %d is more than %d (input shapes %s)",
        out.length, Broadcast.MAX_RANK, describe(inputs));
    long count = 1;
    for (int d : out) {
      count *= d;
      ctx.require(count <= Integer.MAX_VALUE, "broadcast shape %s has more than 2^31-1 elements",
          Arrays.toString(out));
    }
    ctx.setOutputShape(0, out);
    return of(out, shapes);
  }

  private static String describe(TensorBuffer[] inputs) {
    StringBuilder s = new StringBuilder();
    for (TensorBuffer t : inputs) {
      s.append(s.length() == 0 ? "" : " and ").append(Arrays.toString(t.shape()));
    }
    return s.toString();
  }

  /** Elements per row; the output element of row {@code r}, position {@code k} is {@code r * rowLength() + k}. */
  public int rowLength() {
    return rowLength;
  }

  public int rowCount() {
    return rowCount;
  }

  /** Flat index in input {@code input} of the first element of row {@code row}. */
  public int rowStart(int input, int row) {
    int[] s = strides[input];
    int offset = 0;
    for (int d = dims.length - 2; d >= 0; d--) {
      int size = dims[d];
      offset += (row % size) * s[d];
      row /= size;
    }
    return offset;
  }

  /** How far input {@code input}'s flat index moves per element along a row: 1, or 0 when broadcast. */
  public int step(int input) {
    int[] s = strides[input];
    return s.length == 0 ? 0 : s[s.length - 1];
  }
}
