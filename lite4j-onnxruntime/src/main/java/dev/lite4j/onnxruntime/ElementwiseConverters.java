package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  static final OpConverter ADD = new Binary("Add");
  static final OpConverter SUB = new Binary("Sub");
  static final OpConverter MUL = new Binary("Mul");
  static final OpConverter DIV = new Binary("Div");
  static final OpConverter MAXIMUM = new Binary("Max");
  static final OpConverter MINIMUM = new Binary("Min");
  static final OpConverter POW = new Binary("Pow");
  /** (a - b)^2. */
  static final OpConverter SQUARED_DIFFERENCE = new Binary("SquaredDifference");
  /** ONNX PRelu broadcasts the slope to the input (one way): the output must have the input's shape. */
  static final OpConverter PRELU = new Binary("PRelu");

  private static final class Binary implements OpConverter {
    private final String op;

    Binary(String op) {
      this.op = op;
    }

    /**
     * The fused activation, from the op's options where it has one. A switch, not a lambda per op:
     * lambdas cost a bootstrap each when the converters load, on a fresh JVM's start-up path.
     */
    private byte activation(DelegateNode n) {
      return switch (op) {
        case "Add" -> n.options(new AddOptions()).fusedActivationFunction();
        case "Sub" -> n.options(new SubOptions()).fusedActivationFunction();
        case "Mul" -> n.options(new MulOptions()).fusedActivationFunction();
        case "Div" -> n.options(new DivOptions()).fusedActivationFunction();
        default -> ActivationFunctionType.NONE;
      };
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
      return Checks.fusedActivation(activation(n));
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
      byte act = activation(n);
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
