package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.model.Sparsity;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * DENSIFY: expands a sparse constant tensor (FLOAT32, FLOAT16, INT8) to its declared dense shape, walking
 * the traversal order as TensorFlow Lite's {@code sparsity_format_converter} does. The sparse encoding
 * is checked in prepare as TensorFlow Lite's verifier checks it (permuted traversal order, block map,
 * dense sizes equal to the blocked shape, CSR segments and indices in bounds, value count equal to the
 * buffer), so the walk never reads or writes out of bounds.
 */
public final class Densify implements Kernel {
  private int rank;
  private int levels;
  private int[] order;
  private int[] blockMap;
  private int[] blockSize;
  private Sparsity.Dimension[] dims;
  private int[] strides;
  private int elementSize;
  /** Scratch of the walk: the index at each traversal level, the dense coordinate, the next value. */
  private int[] levelIndex;
  private int[] coord;
  private int nextValue;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    DataType type = in.type();
    if (type != DataType.FLOAT32 && type != DataType.FLOAT16 && type != DataType.INT8) {
      throw ctx.unsupported("type " + type + " is not supported");
    }
    ctx.require(ctx.output(0).type() == type, "output type %s differs from input type %s",
        ctx.output(0).type(), type);
    ctx.require(in.isConstant(), "input '%s' must be a constant tensor", in.name());
    Sparsity sparsity = in.def().sparsity();
    ctx.require(sparsity != null, "input '%s' has no sparsity parameters", in.name());
    int[] shape = in.def().shape();
    ctx.require(shape.length <= 4, "input rank must be at most 4, got %d", shape.length);
    rank = shape.length;
    elementSize = type.byteSize();
    long values = checkEncoding(ctx, sparsity, shape);
    ctx.require(values * elementSize == in.bytes().capacity(),
        "sparse input '%s' holds %d bytes, its encoding needs %d values of %d bytes",
        in.name(), in.bytes().capacity(), values, elementSize);
    strides = Shapes.strides(shape);
    levelIndex = new int[levels];
    coord = new int[rank];
    ctx.setOutputShape(0, shape);
  }

  /** Checks the encoding against the dense shape; returns the number of values it stores. */
  private long checkEncoding(OpContext ctx, Sparsity sp, int[] shape) {
    order = sp.traversalOrder().clone();
    blockMap = sp.blockMap().clone();
    dims = sp.dimensions().toArray(new Sparsity.Dimension[0]);
    levels = order.length;
    int blocks = levels - rank;
    ctx.require(blocks >= 0 && dims.length == levels && blockMap.length == blocks,
        "sparsity has %d traversal levels, %d dimension metadata and %d block map entries for rank %d",
        levels, dims.length, blockMap.length, rank);
    checkPermutation(ctx, Arrays.copyOfRange(order, 0, rank), 0);
    checkPermutation(ctx, Arrays.copyOfRange(order, rank, levels), rank);
    checkPermutation(ctx, blockMap.clone(), -1);
    int[] expanded = expandedShape(ctx, shape, blocks);
    long count = 1;
    for (int level = 0; level < levels; level++) {
      Sparsity.Dimension d = dims[level];
      int size = expanded[order[level]];
      if (d.dense()) {
        ctx.require(d.denseSize() == size, "dense level %d has size %d, the blocked shape needs %d",
            level, d.denseSize(), size);
        count *= size;
      } else {
        checkCompressed(ctx, level, d, count, size);
        count = d.indices().length;
      }
      ctx.require(count <= Integer.MAX_VALUE, "sparse tensor has too many values");
    }
    return count;
  }

  /** {@code values} must be {@code base..base+n-1} in some order ({@code base} -1: distinct, in [0, rank)). */
  private void checkPermutation(OpContext ctx, int[] values, int base) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      boolean ok = base >= 0 ? sorted[i] == base + i
          : sorted[i] >= 0 && sorted[i] < rank && (i == 0 || sorted[i] != sorted[i - 1]);
      ctx.require(ok, "sparsity %s %s is not valid for rank %d",
          base >= 0 ? "traversal order" : "block map", Arrays.toString(base >= 0 ? order : blockMap), rank);
    }
  }

  /** Sizes of the original dimensions divided by their blocks, then of the block dimensions. */
  private int[] expandedShape(OpContext ctx, int[] shape, int blocks) {
    int[] expanded = Arrays.copyOf(shape, levels);
    blockSize = new int[blocks];
    for (int level = rank; level < levels; level++) {
      int b = order[level] - rank;
      blockSize[b] = dims[level].denseSize();
      ctx.require(blockSize[b] > 0, "block dimension %d has size %d", b, blockSize[b]);
      expanded[rank + b] = blockSize[b];
    }
    for (int b = 0; b < blocks; b++) {
      expanded[blockMap[b]] = shape[blockMap[b]] / blockSize[b];
    }
    return expanded;
  }

  /** CSR level: one segment per entry of the level above, non-decreasing, indices within the level's size. */
  private static void checkCompressed(OpContext ctx, int level, Sparsity.Dimension d, long entriesAbove, int size) {
    int[] seg = d.segments();
    int[] idx = d.indices();
    ctx.require(seg.length == entriesAbove + 1, "level %d has %d segments, needs %d",
        level, seg.length, entriesAbove + 1);
    for (int j = 0; j < seg.length; j++) {
      ctx.require(seg[j] >= 0 && (j == 0 || seg[j] >= seg[j - 1]),
          "level %d segments are not non-decreasing at %d", level, j);
    }
    ctx.require(seg[seg.length - 1] == idx.length, "level %d segments end at %d, but it has %d indices",
        level, seg[seg.length - 1], idx.length);
    for (int j = 0; j < idx.length; j++) {
      ctx.require(idx[j] >= 0 && idx[j] < size, "level %d index %d is outside [0, %d)", level, idx[j], size);
    }
  }

  @Override
  public void run(OpContext ctx) {
    ByteBuffer src = ctx.input(0).bytes();
    ByteBuffer dst = ctx.output(0).bytes();
    int bytes = (int) ctx.output(0).numBytes();
    for (int i = 0; i < bytes; i++) {
      dst.put(i, (byte) 0);
    }
    nextValue = 0;
    walk(src, dst, 0, 0);
  }

  /** Visits level {@code level} under entry {@code parent} of the level above; leaves place one value. */
  private void walk(ByteBuffer src, ByteBuffer dst, int level, int parent) {
    if (level == levels) {
      place(src, dst);
      return;
    }
    Sparsity.Dimension d = dims[level];
    if (d.dense()) {
      int size = d.denseSize();
      for (int i = 0; i < size; i++) {
        levelIndex[level] = i;
        walk(src, dst, level + 1, parent * size + i);
      }
    } else {
      int[] seg = d.segments();
      for (int k = seg[parent]; k < seg[parent + 1]; k++) {
        levelIndex[level] = d.indices()[k];
        walk(src, dst, level + 1, k);
      }
    }
  }

  /** Maps the traversal indices back to the dense coordinate (block index * block size + offset). */
  private void place(ByteBuffer src, ByteBuffer dst) {
    for (int i = 0; i < rank; i++) {
      coord[order[i]] = levelIndex[i];
    }
    for (int i = rank; i < levels; i++) {
      int b = order[i] - rank;
      coord[blockMap[b]] = coord[blockMap[b]] * blockSize[b] + levelIndex[i];
    }
    int flat = 0;
    for (int i = 0; i < rank; i++) {
      flat += coord[i] * strides[i];
    }
    int from = nextValue++ * elementSize;
    int to = flat * elementSize;
    switch (elementSize) {
      case 4 -> dst.putInt(to, src.getInt(from));
      case 2 -> dst.putShort(to, src.getShort(from));
      default -> dst.put(to, src.get(from));
    }
  }
}
