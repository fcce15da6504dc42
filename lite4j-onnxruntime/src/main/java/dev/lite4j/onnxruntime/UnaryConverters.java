package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.List;
import org.tensorflow.lite.schema.GeluOptions;
import org.tensorflow.lite.schema.LeakyReluOptions;

/** Element-wise functions of one input; they keep the layout their input is in. */
final class UnaryConverters {
  private UnaryConverters() {}

  static OpConverter of(String onnxOp) {
    return new Unary(onnxOp, 0, 0);
  }

  static OpConverter clip(float min, float max) {
    return new Unary("Clip", min, max);
  }

  static final OpConverter RELU = of("Relu");
  static final OpConverter RELU6 = clip(0f, 6f);
  static final OpConverter RELU_N1_TO_1 = clip(-1f, 1f);
  static final OpConverter RELU_0_TO_1 = clip(0f, 1f);
  static final OpConverter TANH = of("Tanh");
  static final OpConverter LOGISTIC = of("Sigmoid");
  /** ONNX: x * max(0, min(1, x / 6 + 1/2)), TensorFlow Lite: x * relu6(x + 3) / 6. */
  static final OpConverter HARD_SWISH = of("HardSwish");
  static final OpConverter EXP = of("Exp");
  static final OpConverter LOG = of("Log");
  static final OpConverter SQRT = of("Sqrt");
  static final OpConverter ABS = of("Abs");
  static final OpConverter NEG = of("Neg");
  static final OpConverter FLOOR = of("Floor");
  static final OpConverter CEIL = of("Ceil");
  static final OpConverter SIN = of("Sin");
  static final OpConverter COS = of("Cos");
  /** Round half to even in both. */
  static final OpConverter ROUND = of("Round");
  static final OpConverter ELU = of("Elu");
  /** 1 / sqrt(x). */
  static final OpConverter RSQRT = of("Rsqrt");
  /** x * x. */
  static final OpConverter SQUARE = of("Square");
  static final OpConverter LEAKY_RELU = of("LeakyRelu");
  /**
   * Opset 17 has no Gelu: 0.5 x (1 + erf(x / sqrt 2)), or with {@code approximate}
   * 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))), the two forms TensorFlow Lite computes.
   */
  static final OpConverter GELU = of("Gelu");

  /**
   * Emits the function of {@code x} into {@code out}: one ONNX op of the same name, or the few that
   * ONNX spells differently. A switch, not a lambda per op: lambdas cost a bootstrap each when the
   * converters load, on a fresh JVM's start-up path.
   */
  private static void emit(String op, float min, float max, DelegateNode n, OnnxGraph g, String x, String out) {
    switch (op) {
      case "Clip" -> Activations.clip(g, x, out, min, max);
      case "Rsqrt" -> g.node("Reciprocal", List.of(g.node("Sqrt", List.of(x), g.fresh("sqrt"))), out);
      case "Square" -> g.node("Mul", List.of(x, x), out);
      case "LeakyRelu" ->
          g.node("LeakyRelu", List.of(x), out, OnnxGraph.f("alpha", n.options(new LeakyReluOptions()).alpha()));
      case "Gelu" -> gelu(n, g, x, out);
      default -> g.node(op, List.of(x), out);
    }
  }

  private static void gelu(DelegateNode n, OnnxGraph g, String x, String out) {
    String inner;
    if (n.options(new GeluOptions()).approximate()) {
      String cube = g.node("Mul", List.of(x, g.node("Mul", List.of(x, x), g.fresh("sq"))), g.fresh("cube"));
      String poly = g.node("Add", List.of(x, g.node("Mul", List.of(cube, g.scalar(0.044715f)), g.fresh("c"))),
          g.fresh("poly"));
      String scaled = g.node("Mul", List.of(poly, g.scalar((float) Math.sqrt(2 / Math.PI))), g.fresh("s"));
      inner = g.node("Tanh", List.of(scaled), g.fresh("tanh"));
    } else {
      String scaled = g.node("Mul", List.of(x, g.scalar((float) (1 / Math.sqrt(2)))), g.fresh("s"));
      inner = g.node("Erf", List.of(scaled), g.fresh("erf"));
    }
    String onePlus = g.node("Add", List.of(inner, g.scalar(1f)), g.fresh("one_plus"));
    String half = g.node("Mul", List.of(x, g.scalar(0.5f)), g.fresh("half"));
    g.node("Mul", List.of(half, onePlus), out);
  }

  private static final class Unary implements OpConverter {
    private final String op;
    private final float min;
    private final float max;

    Unary(String op, float min, float max) {
      this.op = op;
      this.min = min;
      this.max = max;
    }

    @Override
    public String check(DelegateNode n) {
      return Checks.floats(n, 0);
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      if (x.rank() == 4 && y.rank() == 4 && g.inNchw(x)) {
        emit(op, min, max, n, g, g.nchw(x), g.nchwOut(y));
      } else {
        emit(op, min, max, n, g, g.tf(x), g.tfOut(y));
      }
    }
  }
}
