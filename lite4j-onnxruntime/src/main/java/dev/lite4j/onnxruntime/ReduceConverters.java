package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.List;
import java.util.TreeSet;
import org.tensorflow.lite.schema.L2NormOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.SoftmaxOptions;

/** Reductions over constant axes, and the ops that normalise over the last axis. */
final class ReduceConverters {
  private ReduceConverters() {}

  static final OpConverter MEAN = new Reduce("ReduceMean");
  static final OpConverter SUM = new Reduce("ReduceSum");
  static final OpConverter REDUCE_MAX = new Reduce("ReduceMax");
  static final OpConverter REDUCE_MIN = new Reduce("ReduceMin");
  static final OpConverter REDUCE_PROD = new Reduce("ReduceProd");

  /**
   * A reduction over the axes in input 1. From an NCHW input it stays in NCHW: with keep_dims the
   * output is NCHW too; without, it is in TensorFlow Lite order whenever the surviving axes keep
   * their order (e.g. a mean over H and W leaves [N, C] either way), else the input is transposed back.
   */
  private static final class Reduce implements OpConverter {
    private final String op;

    Reduce(String op) {
      this.op = op;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null) {
        r = Checks.constantInts(n, 1, "axis");
      }
      if (r != null) {
        return r;
      }
      int rank = in(n, 0).rank();
      long[] axes = Checks.intValues(in(n, 1));
      if (axes.length == 0) {
        return "an empty axis list (no reduction) is not delegated";
      }
      for (long a : axes) {
        if (a < -rank || a >= rank) {
          return "axis " + a + " is out of range for rank " + rank;
        }
      }
      return null;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      boolean keepDims = n.options(new ReducerOptions()).keepDims();
      int rank = x.rank();
      TreeSet<Integer> axes = new TreeSet<>();
      for (long a : Checks.intValues(in(n, 1))) {
        axes.add((int) (a < 0 ? a + rank : a));
      }
      boolean nchw = rank == 4 && ElementwiseConverters.runsNchw(g, x) && (keepDims || survivorsInOrder(axes));
      int[] onnxAxes = new int[axes.size()];
      int i = 0;
      for (int a : axes) {
        onnxAxes[i++] = nchw ? OnnxGraph.nchwAxis(a) : a;
      }
      java.util.Arrays.sort(onnxAxes);
      String input = nchw ? g.nchw(x) : g.tf(x);
      String result = nchw && keepDims ? g.nchwOut(y) : g.tfOut(y);
      if (!keepDims && !java.util.Arrays.equals(expectedShape(x, axes), y.shape())) {
        // TensorFlow Lite may give the reduced tensor a different (equal-sized) shape: reshape to it.
        String reduced = reduce(g, input, onnxAxes, false, g.fresh("reduced"));
        g.node("Reshape", List.of(reduced, g.int64s(OnnxGraph.toLongs(y.shape()))), result);
      } else {
        reduce(g, input, onnxAxes, keepDims, result);
      }
    }

    private String reduce(OnnxGraph g, String input, int[] axes, boolean keepDims, String out) {
      if (op.equals("ReduceSum")) {
        // Since opset 13 ReduceSum takes its axes as an input; the others still as an attribute.
        long[] a = new long[axes.length];
        for (int k = 0; k < a.length; k++) {
          a[k] = axes[k];
        }
        return g.node(op, List.of(input, g.int64s(a)), out, OnnxGraph.i("keepdims", keepDims ? 1 : 0));
      }
      return g.node(op, List.of(input), out, OnnxGraph.ints("axes", axes), OnnxGraph.i("keepdims", keepDims ? 1 : 0));
    }

    private static int[] expectedShape(TensorBuffer x, TreeSet<Integer> axes) {
      return java.util.stream.IntStream.range(0, x.rank()).filter(d -> !axes.contains(d)).map(x::dim).toArray();
    }

    /** Whether the NHWC axes that survive appear in increasing order when read in NCHW order. */
    private static boolean survivorsInOrder(TreeSet<Integer> axes) {
      int last = -1;
      for (int nchwPos = 0; nchwPos < 4; nchwPos++) {
        int nhwc = OnnxGraph.TO_NCHW[nchwPos];
        if (axes.contains(nhwc)) {
          continue;
        }
        if (nhwc < last) {
          return false;
        }
        last = nhwc;
      }
      return true;
    }
  }

  /** SOFTMAX (beta folded in as a multiply) and LOG_SOFTMAX over the last axis: channels in NCHW. */
  static final class SoftmaxConverter implements OpConverter {
    private final boolean log;

    SoftmaxConverter(boolean log) {
      this.log = log;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      return r == null && in(n, 0).rank() < 1 ? "softmax of a scalar" : r;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      boolean nchw = x.rank() == 4 && ElementwiseConverters.runsNchw(g, x);
      String input = nchw ? g.nchw(x) : g.tf(x);
      float beta = log ? 1f : n.options(new SoftmaxOptions()).beta();
      if (beta != 1f) {
        input = g.node("Mul", List.of(input, g.scalar(beta)), g.fresh("scaled"));
      }
      g.node(log ? "LogSoftmax" : "Softmax", List.of(input), nchw ? g.nchwOut(y) : g.tfOut(y),
          OnnxGraph.i("axis", nchw ? 1 : -1));
    }
  }

  static final OpConverter SOFTMAX = new SoftmaxConverter(false);
  static final OpConverter LOG_SOFTMAX = new SoftmaxConverter(true);

  /** x / max(sqrt(sum x^2), 1e-6) over the last axis, TensorFlow Lite's epsilon. */
  static final OpConverter L2_NORMALIZATION = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null && in(n, 0).rank() < 1) {
        r = "L2 normalisation of a scalar";
      }
      return r != null ? r : Checks.fusedActivation(n.options(new L2NormOptions()).fusedActivationFunction());
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      boolean nchw = x.rank() == 4 && ElementwiseConverters.runsNchw(g, x);
      String input = nchw ? g.nchw(x) : g.tf(x);
      String squares = g.node("ReduceSumSquare", List.of(input), g.fresh("sum_sq"),
          OnnxGraph.ints("axes", nchw ? 1 : x.rank() - 1), OnnxGraph.i("keepdims", 1));
      String norm = g.node("Sqrt", List.of(squares), g.fresh("norm"));
      String clamped = g.node("Max", List.of(norm, g.scalar(1e-6f)), g.fresh("norm_eps"));
      String result = nchw ? g.nchwOut(y) : g.tfOut(y);
      byte act = n.options(new L2NormOptions()).fusedActivationFunction();
      String target = Activations.target(g, act, result);
      g.node("Div", List.of(input, clamped), target);
      Activations.apply(g, act, target, result);
    }
  };
}
