package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.DataType;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.DepthToSpaceOptions;
import org.tensorflow.lite.schema.GatherOptions;
import org.tensorflow.lite.schema.MirrorPadMode;
import org.tensorflow.lite.schema.MirrorPadOptions;
import org.tensorflow.lite.schema.SpaceToDepthOptions;

/** Ops that move data: reshapes, concatenation, padding, transposes, depth/space, gather, slice. */
final class ShapeConverters {
  private ShapeConverters() {}

  /**
   * RESHAPE, SQUEEZE, EXPAND_DIMS: a Reshape of the TensorFlow Lite layout to the output's (known)
   * shape. Inputs after the first (new shape, axis) must be constant when present.
   */
  static final OpConverter RESHAPE = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r != null) {
        return r;
      }
      TensorBuffer shape = in(n, 1);
      if (shape != null && !shape.isConstant()) {
        return "the new shape is computed in the graph, not constant";
      }
      return null;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer y = out(n, 0);
      g.node("Reshape", List.of(g.tf(in(n, 0)), g.int64s(OnnxGraph.toLongs(y.shape()))), g.tfOut(y));
    }
  };

  static final OpConverter CONCATENATION = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      int[] all = new int[n.inputs().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      String r = Checks.floats(n, all);
      if (r != null) {
        return r;
      }
      ConcatenationOptions o = n.options(new ConcatenationOptions());
      int rank = out(n, 0).rank();
      if (o.axis() < -rank || o.axis() >= rank) {
        return "axis " + o.axis() + " is out of range for rank " + rank;
      }
      return Checks.fusedActivation(o.fusedActivationFunction());
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      ConcatenationOptions o = n.options(new ConcatenationOptions());
      TensorBuffer y = out(n, 0);
      int axis = o.axis() < 0 ? o.axis() + y.rank() : o.axis();
      boolean nchw = false;
      if (y.rank() == 4) {
        for (TensorBuffer t : n.inputs()) {
          nchw |= ElementwiseConverters.runsNchw(g, t);
        }
      }
      List<String> inputs = new ArrayList<>();
      for (TensorBuffer t : n.inputs()) {
        inputs.add(nchw ? g.nchw(t) : g.tf(t));
      }
      String result = nchw ? g.nchwOut(y) : g.tfOut(y);
      byte act = o.fusedActivationFunction();
      String target = Activations.target(g, act, result);
      g.node("Concat", inputs, target, OnnxGraph.i("axis", nchw ? OnnxGraph.nchwAxis(axis) : axis));
      Activations.apply(g, act, target, result);
    }
  };

  /** PAD, PADV2 (constant value) and MIRROR_PAD (REFLECT only: ONNX has no SYMMETRIC mode). */
  static final class PadConverter implements OpConverter {
    private final String kind;

    PadConverter(String kind) {
      this.kind = kind;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null) {
        r = Checks.constantInts(n, 1, "paddings");
      }
      if (r != null) {
        return r;
      }
      TensorBuffer x = in(n, 0);
      TensorBuffer p = in(n, 1);
      if (p.numElements() != 2 * x.rank()) {
        return "paddings shape " + Arrays.toString(p.shape()) + " does not fit rank " + x.rank();
      }
      for (long v : Checks.intValues(p)) {
        if (v < 0) {
          return "negative padding " + v;
        }
      }
      if (kind.equals("PADV2")) {
        TensorBuffer value = in(n, 2);
        if (value != null && (!value.isConstant() || value.type() != DataType.FLOAT32 || value.numElements() != 1)) {
          return "the pad value is not a constant float32 scalar";
        }
      }
      if (kind.equals("MIRROR_PAD") && n.options(new MirrorPadOptions()).mode() != MirrorPadMode.REFLECT) {
        return "SYMMETRIC mirror padding has no ONNX equivalent";
      }
      return null;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      long[] p = Checks.intValues(in(n, 1));
      int rank = x.rank();
      boolean nchw = rank == 4 && ElementwiseConverters.runsNchw(g, x);
      long[] pads = new long[2 * rank];
      for (int d = 0; d < rank; d++) {
        int to = nchw ? OnnxGraph.nchwAxis(d) : d;
        pads[to] = p[2 * d];
        pads[rank + to] = p[2 * d + 1];
      }
      List<String> inputs = new ArrayList<>(List.of(nchw ? g.nchw(x) : g.tf(x), g.int64s(pads)));
      String mode = "constant";
      if (kind.equals("PADV2") && in(n, 2) != null) {
        inputs.add(g.scalar(in(n, 2).floats().get(0)));
      } else if (kind.equals("MIRROR_PAD")) {
        mode = "reflect";
      }
      g.node("Pad", inputs, nchw ? g.nchwOut(y) : g.tfOut(y), OnnxGraph.s("mode", mode));
    }
  }

  static final OpConverter PAD = new PadConverter("PAD");
  static final OpConverter PADV2 = new PadConverter("PADV2");
  static final OpConverter MIRROR_PAD = new PadConverter("MIRROR_PAD");

  /** TRANSPOSE with a constant permutation; from an NCHW input the two permutations are composed. */
  static final OpConverter TRANSPOSE = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      return r != null ? r : Checks.constantInts(n, 1, "permutation");
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      long[] perm = Checks.intValues(in(n, 1));
      int[] p = new int[perm.length];
      boolean nchw = x.rank() == 4 && ElementwiseConverters.runsNchw(g, x);
      for (int i = 0; i < p.length; i++) {
        int axis = (int) (perm[i] < 0 ? perm[i] + x.rank() : perm[i]);
        p[i] = nchw ? OnnxGraph.nchwAxis(axis) : axis;
      }
      g.node("Transpose", List.of(nchw ? g.nchw(x) : g.tf(x)), g.tfOut(out(n, 0)), OnnxGraph.ints("perm", p));
    }
  };

  /** DEPTH_TO_SPACE (ONNX DCR order = TensorFlow's) and SPACE_TO_DEPTH, in NCHW. */
  static final class BlockConverter implements OpConverter {
    private final boolean toSpace;

    BlockConverter(boolean toSpace) {
      this.toSpace = toSpace;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null) {
        r = Checks.rank(in(n, 0), 4, "input");
      }
      if (r == null && blockSize(n) < 1) {
        r = "block size " + blockSize(n) + " is not positive";
      }
      return r;
    }

    private int blockSize(DelegateNode n) {
      return toSpace ? n.options(new DepthToSpaceOptions()).blockSize() : n.options(new SpaceToDepthOptions()).blockSize();
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      if (toSpace) {
        g.node("DepthToSpace", List.of(g.nchw(in(n, 0))), g.nchwOut(out(n, 0)),
            OnnxGraph.i("blocksize", blockSize(n)), OnnxGraph.s("mode", "DCR"));
      } else {
        g.node("SpaceToDepth", List.of(g.nchw(in(n, 0))), g.nchwOut(out(n, 0)), OnnxGraph.i("blocksize", blockSize(n)));
      }
    }
  }

  static final OpConverter DEPTH_TO_SPACE = new BlockConverter(true);
  static final OpConverter SPACE_TO_DEPTH = new BlockConverter(false);

  /** GATHER of float data with constant, in-range indices (batch_dims 0). */
  static final OpConverter GATHER = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null) {
        r = Checks.constantInts(n, 1, "indices");
      }
      if (r != null) {
        return r;
      }
      GatherOptions o = n.options(new GatherOptions());
      TensorBuffer x = in(n, 0);
      if (o.batchDims() != 0) {
        return "batch_dims " + o.batchDims() + " is not supported";
      }
      int axis = o.axis() < 0 ? o.axis() + x.rank() : o.axis();
      if (axis < 0 || axis >= x.rank()) {
        return "axis " + o.axis() + " is out of range";
      }
      for (long v : Checks.intValues(in(n, 1))) {
        if (v < 0 || v >= x.dim(axis)) {
          return "index " + v + " is out of range";
        }
      }
      return null;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      GatherOptions o = n.options(new GatherOptions());
      TensorBuffer x = in(n, 0);
      TensorBuffer idx = in(n, 1);
      int axis = o.axis() < 0 ? o.axis() + x.rank() : o.axis();
      String indices = g.int64s(Checks.intValues(idx));
      if (idx.rank() != 1) {
        indices = g.node("Reshape", List.of(indices, g.int64s(OnnxGraph.toLongs(idx.shape()))), g.fresh("indices"));
      }
      g.node("Gather", List.of(g.tf(x), indices), g.tfOut(out(n, 0)), OnnxGraph.i("axis", axis));
    }
  };

  /**
   * STRIDED_SLICE with constant begin, end and strides, begin/end/shrink-axis masks (ellipsis and
   * new-axis masks and {@code offset} stay on the CPU): TensorFlow Lite's start and stop per axis
   * (strided_slice_logic.h: masks, negative indices, clamping by the sign of the stride) become an
   * ONNX Slice with explicit indices, then a Reshape drops the shrunk axes.
   */
  static final OpConverter STRIDED_SLICE = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      for (int i = 1; r == null && i <= 3; i++) {
        r = Checks.constantInts(n, i, i == 1 ? "begin" : i == 2 ? "end" : "strides");
      }
      if (r != null) {
        return r;
      }
      org.tensorflow.lite.schema.StridedSliceOptions o = n.options(new org.tensorflow.lite.schema.StridedSliceOptions());
      if (o.ellipsisMask() != 0 || o.newAxisMask() != 0 || o.offset()) {
        return "ellipsis_mask, new_axis_mask and offset are not converted";
      }
      int k = in(n, 1).numElements();
      if (k > in(n, 0).rank() || in(n, 2).numElements() != k || in(n, 3).numElements() != k) {
        return "begin, end and strides do not fit the input rank";
      }
      for (long s : Checks.intValues(in(n, 3))) {
        if (s == 0) {
          return "a zero stride";
        }
      }
      return null;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      org.tensorflow.lite.schema.StridedSliceOptions o = n.options(new org.tensorflow.lite.schema.StridedSliceOptions());
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      long[] begin = Checks.intValues(in(n, 1));
      long[] end = Checks.intValues(in(n, 2));
      long[] strides = Checks.intValues(in(n, 3));
      int k = begin.length;
      long[] starts = new long[k];
      long[] stops = new long[k];
      long[] axes = new long[k];
      long[] steps = new long[k];
      for (int a = 0; a < k; a++) {
        long dim = x.dim(a);
        boolean shrink = (o.shrinkAxisMask() & (1 << a)) != 0;
        long stride = shrink ? 1 : strides[a];
        long start;
        if (!shrink && (o.beginMask() & (1 << a)) != 0) {
          start = stride > 0 ? 0 : dim - 1;
        } else {
          start = begin[a] < 0 ? begin[a] + dim : begin[a];
          start = stride > 0 ? clamp(start, 0, dim) : clamp(start, -1, dim - 1);
        }
        long stop;
        if (shrink) {
          stop = start + 1;
        } else if ((o.endMask() & (1 << a)) != 0) {
          stop = stride > 0 ? dim : -1;
        } else {
          stop = end[a] < 0 ? end[a] + dim : end[a];
          stop = stride > 0 ? clamp(stop, 0, dim) : clamp(stop, -1, dim - 1);
        }
        starts[a] = start;
        // ONNX reads a negative stop as counted from the end: "before the first element" is INT64_MIN.
        stops[a] = stop < 0 ? Long.MIN_VALUE : stop;
        axes[a] = a;
        steps[a] = stride;
      }
      String sliced = g.node("Slice", List.of(g.tf(x), g.int64s(starts), g.int64s(stops), g.int64s(axes),
          g.int64s(steps)), g.fresh("slice"));
      g.node("Reshape", List.of(sliced, g.int64s(OnnxGraph.toLongs(y.shape()))), g.tfOut(y));
    }

    private long clamp(long v, long lo, long hi) {
      return Math.max(lo, Math.min(hi, v));
    }
  };

  /**
   * SPLIT (axis in input 0), SPLIT_V (sizes in input 1, axis in input 2) and UNPACK (axis option):
   * one ONNX Split with the sizes the outputs already have, in NCHW when the input is there
   * (channel splits after a convolution), UNPACK's outputs reshaped to drop the axis.
   */
  static final class SplitConverter implements OpConverter {
    private final String kind;

    SplitConverter(String kind) {
      this.kind = kind;
    }

    private int dataInput() {
      return kind.equals("SPLIT") ? 1 : 0;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, dataInput());
      if (r == null && kind.equals("SPLIT")) {
        r = Checks.constantInts(n, 0, "axis");
      }
      if (r == null && kind.equals("SPLIT_V")) {
        r = Checks.constantInts(n, 2, "axis");
      }
      if (r != null) {
        return r;
      }
      int axis = axis(n);
      return axis < 0 || axis >= in(n, dataInput()).rank() ? "axis out of range" : null;
    }

    private int axis(DelegateNode n) {
      TensorBuffer x = in(n, dataInput());
      long a = switch (kind) {
        case "SPLIT" -> Checks.intValues(in(n, 0))[0];
        case "SPLIT_V" -> Checks.intValues(in(n, 2))[0];
        default -> n.options(new org.tensorflow.lite.schema.UnpackOptions()).axis();
      };
      return (int) (a < 0 ? a + x.rank() : a);
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, dataInput());
      int axis = axis(n);
      boolean unpack = kind.equals("UNPACK");
      boolean nchw = !unpack && x.rank() == 4 && ElementwiseConverters.runsNchw(g, x);
      long[] sizes = new long[n.outputs().size()];
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < sizes.length; i++) {
        TensorBuffer y = n.outputs().get(i);
        sizes[i] = unpack ? 1 : y.dim(axis);
        parts.add(unpack ? g.fresh("part") : nchw ? g.nchwOut(y) : g.tfOut(y));
      }
      g.node("Split", List.of(nchw ? g.nchw(x) : g.tf(x), g.int64s(sizes)), parts,
          OnnxGraph.i("axis", nchw ? OnnxGraph.nchwAxis(axis) : axis));
      if (unpack) {
        for (int i = 0; i < sizes.length; i++) {
          TensorBuffer y = n.outputs().get(i);
          g.node("Reshape", List.of(parts.get(i), g.int64s(OnnxGraph.toLongs(y.shape()))), g.tfOut(y));
        }
      }
    }
  }

  static final OpConverter SPLIT = new SplitConverter("SPLIT");
  static final OpConverter SPLIT_V = new SplitConverter("SPLIT_V");
  static final OpConverter UNPACK = new SplitConverter("UNPACK");

  /** PACK: each input given its new axis of size 1 (a Reshape), then one Concat along it. */
  static final OpConverter PACK = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      int[] all = new int[n.inputs().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return Checks.floats(n, all);
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer y = out(n, 0);
      int axis = n.options(new org.tensorflow.lite.schema.PackOptions()).axis();
      axis = axis < 0 ? axis + y.rank() : axis;
      int[] partShape = y.shape().clone();
      partShape[axis] = 1;
      String shape = g.int64s(OnnxGraph.toLongs(partShape));
      List<String> parts = new ArrayList<>();
      for (TensorBuffer t : n.inputs()) {
        parts.add(g.node("Reshape", List.of(g.tf(t), shape), g.fresh("unsqueezed")));
      }
      g.node("Concat", parts, g.tfOut(y), OnnxGraph.i("axis", axis));
    }
  };

  /** TILE with constant multiples. */
  static final OpConverter TILE = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      return r != null ? r : Checks.constantInts(n, 1, "multiples");
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      g.node("Tile", List.of(g.tf(in(n, 0)), g.int64s(Checks.intValues(in(n, 1)))), g.tfOut(out(n, 0)));
    }
  };

  /** SLICE with constant begin and size (size -1: to the end). */
  static final OpConverter SLICE = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null) {
        r = Checks.constantInts(n, 1, "begin");
      }
      if (r == null) {
        r = Checks.constantInts(n, 2, "size");
      }
      if (r == null && (in(n, 1).numElements() != in(n, 0).rank() || in(n, 2).numElements() != in(n, 0).rank())) {
        r = "begin and size do not have one entry per input dimension";
      }
      return r;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      long[] begin = Checks.intValues(in(n, 1));
      long[] size = Checks.intValues(in(n, 2));
      long[] end = new long[begin.length];
      long[] axes = new long[begin.length];
      for (int d = 0; d < begin.length; d++) {
        end[d] = size[d] < 0 ? x.dim(d) : begin[d] + size[d];
        axes[d] = d;
      }
      g.node("Slice", List.of(g.tf(x), g.int64s(begin), g.int64s(end), g.int64s(axes)), g.tfOut(out(n, 0)));
    }
  };
}
