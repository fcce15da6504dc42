package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.List;
import org.tensorflow.lite.schema.Pool2DOptions;

/**
 * AVERAGE_POOL_2D, MAX_POOL_2D and L2_POOL_2D in NCHW. TensorFlow Lite averages over the taps inside
 * the input only, which is ONNX's {@code count_include_pad = 0}; max pooling ignores padding in both.
 */
final class PoolConverters {
  private PoolConverters() {}

  static final OpConverter AVERAGE_POOL_2D = new Pool("AveragePool");
  static final OpConverter MAX_POOL_2D = new Pool("MaxPool");
  /** sqrt(mean(x^2)) over the window, TensorFlow Lite's L2 pool. */
  static final OpConverter L2_POOL_2D = new Pool("L2");

  private static final class Pool implements OpConverter {
    private final String op;

    Pool(String op) {
      this.op = op;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r != null) {
        return r;
      }
      r = Checks.rank(in(n, 0), 4, "input");
      if (r != null) {
        return r;
      }
      Pool2DOptions o = n.options(new Pool2DOptions());
      if (o.filterHeight() < 1 || o.filterWidth() < 1) {
        return "filter " + o.filterHeight() + "x" + o.filterWidth() + " is empty";
      }
      r = new ConvConverters.Window(o.strideH(), o.strideW(), 1, 1, o.padding()).check();
      return r != null ? r : Checks.fusedActivation(o.fusedActivationFunction());
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      Pool2DOptions o = n.options(new Pool2DOptions());
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      ConvConverters.Window win = new ConvConverters.Window(o.strideH(), o.strideW(), 1, 1, o.padding());
      int kH = o.filterHeight();
      int kW = o.filterWidth();
      int[] pads = win.pads(x.dim(1), x.dim(2), kH, kW, y.dim(1), y.dim(2));
      String result = g.nchwOut(y);
      byte activation = o.fusedActivationFunction();
      String target = Activations.target(g, activation, result);
      String input = g.nchw(x);
      boolean l2 = op.equals("L2");
      if (l2) {
        input = g.node("Mul", List.of(input, input), g.fresh("squares"));
      }
      String pooled = l2 ? g.fresh("mean_squares") : target;
      if (op.equals("MaxPool")) {
        g.node("MaxPool", List.of(input), pooled, OnnxGraph.ints("kernel_shape", kH, kW),
            OnnxGraph.ints("strides", win.strideH(), win.strideW()), OnnxGraph.ints("pads", pads));
      } else {
        g.node("AveragePool", List.of(input), pooled, OnnxGraph.ints("kernel_shape", kH, kW),
            OnnxGraph.ints("strides", win.strideH(), win.strideW()), OnnxGraph.ints("pads", pads),
            OnnxGraph.i("count_include_pad", 0));
      }
      if (l2) {
        g.node("Sqrt", List.of(pooled), target);
      }
      Activations.apply(g, activation, target, result);
    }
  }
}
