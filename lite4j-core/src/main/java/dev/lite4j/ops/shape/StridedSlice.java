package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.StridedSliceOptions;

/**
 * STRIDED_SLICE, as TensorFlow Lite's strided_slice.cc and strided_slice_logic.h: begin/end/strides
 * vectors with begin, end, ellipsis, new-axis and shrink-axis masks, negative indices and strides,
 * and the {@code offset} option (end = begin + end). The masks are first expanded to one
 * (start, stop, stride) per "effective" axis (input axes plus new axes); each axis is then clamped as
 * {@code StridedSliceStartForAxis}/{@code StridedSliceEndForAxis} do. Any element type.
 *
 * <p>Where TensorFlow Lite would read past a vector or leave output elements unwritten (a shrunk
 * axis whose index lies outside the dimension, an offset slice running past the end), this kernel
 * reports a model error instead.
 */
public final class StridedSlice extends StridedCopy {
  /** Effective rank limit (TensorFlow Lite's is 5). */
  static final int MAX_RANK = 8;

  private int beginMask;
  private int endMask;
  private int ellipsisMask;
  private int newAxisMask;
  private int shrinkMask;
  private boolean offset;
  /** The walk set at prepare holds for every run (all slice inputs constant). */
  private boolean planned;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer[] inputs = checkInputs(ctx, "input", "begin", "end", "strides");
    TensorBuffer in = inputs[0];
    TensorBuffer begin = inputs[1];
    TensorBuffer end = inputs[2];
    TensorBuffer strides = inputs[3];
    ctx.require(in.rank() <= MAX_RANK, "input rank %d is over %d", in.rank(), MAX_RANK);
    for (TensorBuffer t : new TensorBuffer[] {begin, end, strides}) {
      IntTensors.requireIndexType(ctx, t, "begin, end and strides");
      ctx.require(t.rank() == 1 && t.dim(0) == begin.numElements(),
          "begin, end and strides must be vectors of one length, shapes %s %s %s",
          Arrays.toString(begin.shape()), Arrays.toString(end.shape()), Arrays.toString(strides.shape()));
    }
    StridedSliceOptions o = ctx.options(new StridedSliceOptions());
    beginMask = o.beginMask();
    endMask = o.endMask();
    ellipsisMask = o.ellipsisMask();
    newAxisMask = o.newAxisMask();
    shrinkMask = o.shrinkAxisMask();
    offset = o.offset();
    ctx.require(Integer.bitCount(ellipsisMask) <= 1, "ellipsis_mask %d has more than one bit", ellipsisMask);
    // With offset, the output shape depends on end and strides only (strided_slice.cc, Prepare).
    boolean known = strides.isConstant() && end.isConstant() && (offset || begin.isConstant());
    planned = known && begin.isConstant();
    if (!known) {
      ctx.setOutputDynamic(0);
      return;
    }
    ctx.setOutputShape(0, plan(ctx, begin.isConstant()));
  }

  @Override
  int[] plan(OpContext ctx) {
    return plan(ctx, true);
  }

  /**
   * Plans again unless prepare's walk holds: with offset, prepare may know the shape but not the begin,
   * so the walk is planned at every run and must keep the prepared shape.
   */
  @Override
  void replan(OpContext ctx) {
    TensorBuffer out = ctx.output(0);
    if (!planned) {
      int[] shape = plan(ctx);
      if (out.isDynamic()) {
        ctx.resizeDynamicOutput(0, shape);
      } else if (!Arrays.equals(shape, out.shape())) {
        throw ctx.error("output shape " + Arrays.toString(shape) + " differs from the prepared "
            + Arrays.toString(out.shape()));
      }
    }
  }

  /**
   * Expands the masks into effective axes, clamps each, sets the walk (base, count, step) and returns
   * the output shape. Without {@code haveBegin} (offset slices with a non-constant begin, at prepare),
   * only the shape is meaningful.
   */
  private int[] plan(OpContext ctx, boolean haveBegin) {
    TensorBuffer in = ctx.input(0);
    int[] begins = haveBegin ? IntTensors.read(ctx, ctx.input(1), "begin") : new int[ctx.input(1).numElements()];
    int[] ends = IntTensors.read(ctx, ctx.input(2), "end");
    int[] strides = IntTensors.read(ctx, ctx.input(3), "strides");
    int n = begins.length;
    int inRank = in.rank();

    // Spec entries that add an axis (a new-axis bit where no ellipsis bit is).
    int numAddAxis = 0;
    for (int i = 0; i < n && i < 32; i++) {
      if ((ellipsisMask & (1 << i)) == 0 && (newAxisMask & (1 << i)) != 0) {
        numAddAxis++;
      }
    }
    int effDims = inRank + numAddAxis;
    ctx.require(effDims <= MAX_RANK, "slice of rank %d is over %d", effDims, MAX_RANK);

    // The ellipsis covers the input axes the spec does not name; new-axis bits after it shift.
    int effEllipsis = 0;
    int effNewAxis = 0;
    int ellipsisStart = effDims;
    int expanded = 0;
    for (int i = 0; i < effDims; ) {
      if ((ellipsisMask & (1 << i)) != 0) {
        ellipsisStart = i;
        int ellipsisEnd = Math.max(i + 1, Math.min(i + 1 + numAddAxis + inRank - n, effDims));
        expanded = ellipsisEnd - ellipsisStart - 1;
        for (; i < ellipsisEnd; i++) {
          effEllipsis |= 1 << i;
        }
        continue;
      }
      // Only spec entries add axes (bits past the spec would add axes no entry counted).
      int orig = i - expanded;
      if (orig < n && (newAxisMask & (1 << orig)) != 0) {
        effNewAxis |= 1 << i;
      }
      i++;
    }

    int[] inShape = in.shape();
    int[] inStrides = Shapes.strides(inShape);
    count = new int[effDims];
    step = new int[effDims];
    counter = new int[effDims];
    int[] shape = new int[effDims];
    int rank = 0;
    long start0 = 0;
    int addedEllipsis = 0;
    int addedAxes = 0;
    for (int i = 0; i < effDims; i++) {
      long start = 0;
      long stop = 0;
      long stride = 1;
      boolean beginBit = false;
      boolean endBit = false;
      boolean shrink = false;
      boolean specAxis = false;
      boolean newAxis = false;
      if ((effEllipsis & (1 << i)) != 0) {
        addedEllipsis = Math.max(0, i - ellipsisStart);
        beginBit = true;
        endBit = true;
      } else if ((effNewAxis & (1 << i)) != 0) {
        stop = 1;
        newAxis = true;
      } else if (i >= n + expanded) {
        beginBit = true;
        endBit = true;
      } else {
        int orig = i - addedEllipsis;
        ctx.require(orig >= 0 && orig < n, "masks %d/%d name spec entry %d of %d", ellipsisMask,
            newAxisMask, orig, n);
        start = begins[orig];
        stop = ends[orig];
        stride = strides[orig];
        beginBit = (beginMask & (1 << orig)) != 0;
        endBit = (endMask & (1 << orig)) != 0;
        shrink = (shrinkMask & (1 << orig)) != 0;
        specAxis = true;
      }
      int inAxis = i - addedAxes;
      if (newAxis) {
        addedAxes++;
      } else {
        ctx.require(inAxis >= 0 && inAxis < inRank, "masks do not fit an input of rank %d", inRank);
      }
      long size = newAxis ? 1 : inShape[inAxis];
      long inStride = newAxis ? 0 : inStrides[inAxis];
      ctx.require(stride != 0, "stride of axis %d is 0", i);

      long first = startForAxis(start, stride, size, beginBit);
      long taken;
      if (shrink) {
        ctx.require(first >= 0 && first < size, "shrunk axis %d index %d is outside dimension of size %d",
            i, start, size);
        taken = 1;
      } else {
        long last = endForAxis(stop, stride, size, endBit, offset ? first : 0);
        taken = Math.max(0, Math.ceilDiv(last - first, stride));
        long dim = offset && specAxis ? Math.max(0, Math.ceilDiv(stop, stride)) : taken;
        shape[rank++] = (int) dim;
        if (haveBegin) {
          ctx.require(taken == dim, "offset slice of axis %d runs past the dimension of size %d", i, size);
        }
      }
      count[i] = (int) taken;
      // A walk of one element never steps (and a huge stride must not overflow the step).
      step[i] = taken > 1 ? (int) (stride * inStride) : 0;
      if (taken > 0) {
        start0 += first * inStride;
      }
    }
    // Every input axis must be walked exactly once, else the walk would not cover the input.
    ctx.require(addedAxes == numAddAxis, "masks (ellipsis %d, new axis %d) do not fit %d spec entries on "
        + "an input of rank %d", ellipsisMask, newAxisMask, n, inRank);
    base = (int) start0;
    return Arrays.copyOf(shape, rank);
  }

  /** strided_slice_logic.h, StridedSliceStartForAxis. */
  private static long startForAxis(long start, long stride, long size, boolean beginBit) {
    if (beginBit) {
      return stride > 0 ? 0 : size - 1;
    }
    if (start < 0) {
      start += size;
    }
    return stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
  }

  /** strided_slice_logic.h, StridedSliceEndForAxis (not shrunk): {@code base} is the start under offset. */
  private static long endForAxis(long stop, long stride, long size, boolean endBit, long base) {
    if (endBit) {
      return stride > 0 ? size : -1;
    }
    long end = stop + base;
    if (end < 0) {
      end += size;
    }
    return stride > 0 ? clamp(end, 0, size) : clamp(end, -1, size - 1);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
