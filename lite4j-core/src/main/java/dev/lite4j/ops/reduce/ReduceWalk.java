package dev.lite4j.ops.reduce;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * The order in which a reduction visits its input: output elements in C order and, for each, its
 * reduced elements in C order, which is the order TF Lite accumulates in. Adjacent dimensions that are
 * both kept or both reduced are merged first, so reducing all or the inner axes walks contiguous runs.
 * For output element {@code o}, the reduced elements are at
 * {@code bases[o] + outerOffsets[r] + j * innerStride} for every r and every j below {@code innerCount}.
 */
final class ReduceWalk {
  final int[] outputShape;
  final int outputCount;
  /** Elements folded into each output element (0 when a reduced dimension is empty). */
  final int reducedCount;
  final int[] bases;
  final int[] outerOffsets;
  final int innerCount;
  final int innerStride;
  /** Every dimension is reduced (or the input is a scalar): one output from the whole input in order. */
  final boolean allDims;

  private ReduceWalk(int[] outputShape, int reducedCount, int[] bases, int[] outerOffsets, int innerCount,
      int innerStride, boolean allDims) {
    this.allDims = allDims;
    this.outputShape = outputShape;
    this.outputCount = Shapes.elementCount(outputShape);
    this.reducedCount = reducedCount;
    this.bases = bases;
    this.outerOffsets = outerOffsets;
    this.innerCount = innerCount;
    this.innerStride = innerStride;
  }

  /**
   * Reads the axis tensor (int32 or int64; negative axes count from the end; duplicates allowed) and
   * plans the walk of {@code input}. A scalar input ignores the axes, as TF Lite's ResolveAxis does.
   */
  static ReduceWalk of(OpContext ctx, TensorBuffer input, TensorBuffer axisTensor, boolean keepDims) {
    int[] axes = IntTensors.read(ctx, axisTensor, "axis");
    int[] shape = input.shape();
    int rank = shape.length;
    boolean[] reduced = new boolean[rank];
    if (rank > 0) {
      for (int a : axes) {
        ctx.require(a >= -rank && a < rank, "axis %d is out of range for rank %d", a, rank);
        reduced[a < 0 ? a + rank : a] = true;
      }
    }
    return plan(shape, reduced, keepDims);
  }

  private static ReduceWalk plan(int[] shape, boolean[] reduced, boolean keepDims) {
    int rank = shape.length;
    int[] strides = Shapes.strides(shape);
    int kept = 0;
    for (boolean r : reduced) {
      kept += r ? 0 : 1;
    }
    boolean allDims = kept == 0;
    int[] outputShape = new int[keepDims ? rank : kept];
    for (int d = 0, k = 0; d < rank; d++) {
      if (keepDims) {
        outputShape[d] = reduced[d] ? 1 : shape[d];
      } else if (!reduced[d]) {
        outputShape[k++] = shape[d];
      }
    }
    // Merged (size, stride) runs of kept and of reduced dimensions, outermost first.
    int[][] keptRuns = runs(shape, strides, reduced, false);
    int[][] reducedRuns = runs(shape, strides, reduced, true);
    int reducedCount = 1;
    for (int size : reducedRuns[0]) {
      reducedCount *= size;
    }
    int last = reducedRuns[0].length - 1;
    int innerCount = last >= 0 ? reducedRuns[0][last] : 1;
    int innerStride = last >= 0 ? reducedRuns[1][last] : 1;
    int[] outerSizes = last >= 0 ? Arrays.copyOf(reducedRuns[0], last) : new int[0];
    int[] outerStrides = last >= 0 ? Arrays.copyOf(reducedRuns[1], last) : new int[0];
    return new ReduceWalk(outputShape, reducedCount, offsets(keptRuns[0], keptRuns[1]), offsets(outerSizes,
        outerStrides), innerCount, innerStride, allDims);
  }

  /** Sizes and strides of the dimensions of one kind, dropping size-1 ones and merging neighbours. */
  private static int[][] runs(int[] shape, int[] strides, boolean[] reduced, boolean kind) {
    int[] sizes = new int[shape.length];
    int[] runStrides = new int[shape.length];
    int n = 0;
    boolean previousIsKind = false;
    for (int d = 0; d < shape.length; d++) {
      if (shape[d] == 1) {
        continue; // contributes nothing and does not separate its neighbours
      }
      boolean isKind = reduced[d] == kind;
      if (isKind && previousIsKind) {
        sizes[n - 1] *= shape[d];
        runStrides[n - 1] = strides[d];
      } else if (isKind) {
        sizes[n] = shape[d];
        runStrides[n] = strides[d];
        n++;
      }
      previousIsKind = isKind;
    }
    return new int[][] {Arrays.copyOf(sizes, n), Arrays.copyOf(runStrides, n)};
  }

  /** Offsets of every index of a (sizes, strides) grid, in C order. */
  private static int[] offsets(int[] sizes, int[] strides) {
    int count = 1;
    for (int s : sizes) {
      count *= s;
    }
    int[] out = new int[count];
    int[] index = new int[sizes.length];
    int offset = 0;
    for (int i = 0; i < count; i++) {
      out[i] = offset;
      for (int d = sizes.length - 1; d >= 0; d--) {
        offset += strides[d];
        if (++index[d] < sizes[d]) {
          break;
        }
        offset -= strides[d] * sizes[d];
        index[d] = 0;
      }
    }
    return out;
  }
}
