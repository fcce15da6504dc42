package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.DataType;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.BatchMatMulOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;

/** FULLY_CONNECTED as Gemm on [rows, K] (weights [O, K] used transposed), BATCH_MATMUL as MatMul. */
final class MatMulConverters {
  private MatMulConverters() {}

  static final OpConverter FULLY_CONNECTED = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0, 1);
      if (r != null) {
        return r;
      }
      FullyConnectedOptions o = n.options(new FullyConnectedOptions());
      if (o.weightsFormat() != FullyConnectedOptionsWeightsFormat.DEFAULT) {
        return "weights format " + o.weightsFormat() + " is not DEFAULT";
      }
      TensorBuffer w = in(n, 1);
      r = Checks.rank(w, 2, "weights");
      if (r != null) {
        return r;
      }
      TensorBuffer x = in(n, 0);
      int k = w.dim(1);
      if (k < 1 || x.rank() < 1 || x.numElements() % k != 0 || x.dim(x.rank() - 1) != k && o.keepNumDims()) {
        return "input " + Arrays.toString(x.shape()) + " does not fit weights " + Arrays.toString(w.shape());
      }
      TensorBuffer b = in(n, 2);
      if (b != null && (b.type() != DataType.FLOAT32 || b.numElements() != w.dim(0))) {
        return "bias " + b + " is not float32 [" + w.dim(0) + "]";
      }
      return Checks.fusedActivation(o.fusedActivationFunction());
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      FullyConnectedOptions o = n.options(new FullyConnectedOptions());
      TensorBuffer x = in(n, 0);
      TensorBuffer w = in(n, 1);
      TensorBuffer b = in(n, 2);
      TensorBuffer y = out(n, 0);
      int k = w.dim(1);
      int units = w.dim(0);
      int rows = x.numElements() / k;
      String a = g.tf(x);
      if (x.rank() != 2 || x.dim(1) != k) {
        a = g.node("Reshape", List.of(a, g.int64s(rows, k)), g.fresh("rows"));
      }
      List<String> inputs = new ArrayList<>(List.of(a, g.tf(w)));
      if (b != null) {
        inputs.add(b.rank() == 1 ? g.tf(b) : g.node("Reshape", List.of(g.tf(b), g.int64s(units)), g.fresh("bias")));
      }
      String result = g.tfOut(y);
      boolean reshape = !Arrays.equals(y.shape(), new int[] {rows, units});
      byte activation = o.fusedActivationFunction();
      String activated = reshape ? g.fresh("fc") : result;
      String target = Activations.target(g, activation, activated);
      g.node("Gemm", inputs, target, OnnxGraph.i("transB", 1));
      Activations.apply(g, activation, target, activated);
      if (reshape) {
        g.node("Reshape", List.of(activated, g.int64s(OnnxGraph.toLongs(y.shape()))), result);
      }
    }
  };

  static final OpConverter BATCH_MATMUL = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0, 1);
      if (r != null) {
        return r;
      }
      if (in(n, 0).rank() < 2 || in(n, 1).rank() < 2) {
        return "operands must have rank >= 2";
      }
      return null;
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      BatchMatMulOptions o = n.options(new BatchMatMulOptions());
      String a = adjoint(g, in(n, 0), o.adjX());
      String b = adjoint(g, in(n, 1), o.adjY());
      g.node("MatMul", List.of(a, b), g.tfOut(out(n, 0)));
    }

    private String adjoint(OnnxGraph g, TensorBuffer t, boolean adjoint) {
      String v = g.tf(t);
      if (!adjoint) {
        return v;
      }
      int r = t.rank();
      int[] perm = new int[r];
      for (int i = 0; i < r; i++) {
        perm[i] = i;
      }
      perm[r - 2] = r - 1;
      perm[r - 1] = r - 2;
      return g.node("Transpose", List.of(v), g.fresh("adj"), OnnxGraph.ints("perm", perm));
    }
  };
}
