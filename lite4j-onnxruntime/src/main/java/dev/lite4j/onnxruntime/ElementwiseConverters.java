package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.DivOptions;
import org.tensorflow.lite.schema.MulOptions;
import org.tensorflow.lite.schema.SubOptions;

/**
 * Broadcasting binary ops. They run in whatever layout their inputs already have: when a rank-4
 * input is at hand in NCHW (made by a conv or pool) the op runs in NCHW and the other operand is
 * brought there (constants re-laid out at conversion time), so residual adds between convolutions
 * cost no transposes.
 */
final class ElementwiseConverters {
  private ElementwiseConverters() {}

  static final OpConverter ADD = new Binary("Add", n -> n.options(new AddOptions()).fusedActivationFunction());
  static final OpConverter SUB = new Binary("Sub", n -> n.options(new SubOptions()).fusedActivationFunction());
  static final OpConverter MUL = new Binary("Mul", n -> n.options(new MulOptions()).fusedActivationFunction());
  static final OpConverter DIV = new Binary("Div", n -> n.options(new DivOptions()).fusedActivationFunction());
  static final OpConverter MAXIMUM = new Binary("Max", n -> ActivationFunctionType.NONE);
  static final OpConverter MINIMUM = new Binary("Min", n -> ActivationFunctionType.NONE);
  static final OpConverter POW = new Binary("Pow", n -> ActivationFunctionType.NONE);
  /** (a - b)^2. */
  static final OpConverter SQUARED_DIFFERENCE = new Binary("SquaredDifference", n -> ActivationFunctionType.NONE);
  /** ONNX PRelu broadcasts the slope to the input (one way): the output must have the input's shape. */
  static final OpConverter PRELU = new Binary("PRelu", n -> ActivationFunctionType.NONE);

  private static final class Binary implements OpConverter {
    private final String op;
    private final ToIntFunction<DelegateNode> activation;

    Binary(String op, ToIntFunction<DelegateNode> activation) {
      this.op = op;
      this.activation = activation;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0, 1);
      if (r != null) {
        return r;
      }
      if (op.equals("PRelu") && !Arrays.equals(in(n, 0).shape(), out(n, 0).shape())) {
        return "alpha " + Arrays.toString(in(n, 1).shape()) + " broadcasts the input "
            + Arrays.toString(in(n, 0).shape()) + " (ONNX PRelu broadcasts alpha only)";
      }
      return Checks.fusedActivation((byte) activation.applyAsInt(n));
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer a = in(n, 0);
      TensorBuffer b = in(n, 1);
      TensorBuffer y = out(n, 0);
      boolean nchw = y.rank() == 4 && (runsNchw(g, a) || runsNchw(g, b));
      List<String> inputs = new ArrayList<>();
      for (TensorBuffer t : List.of(a, b)) {
        inputs.add(nchw ? g.broadcastOperandNchw(t) : g.tf(t));
      }
      String result = nchw ? g.nchwOut(y) : g.tfOut(y);
      byte act = (byte) activation.applyAsInt(n);
      String target = Activations.target(g, act, result);
      if (op.equals("SquaredDifference")) {
        String d = g.node("Sub", inputs, g.fresh("diff"));
        g.node("Mul", List.of(d, d), target);
      } else {
        g.node(op, inputs, target);
      }
      Activations.apply(g, act, target, result);
    }
  }

  /** A non-constant rank-4 operand already in NCHW pulls the op into NCHW. */
  static boolean runsNchw(OnnxGraph g, TensorBuffer t) {
    return !t.isConstant() && t.rank() == 4 && g.inNchw(t);
  }
}
