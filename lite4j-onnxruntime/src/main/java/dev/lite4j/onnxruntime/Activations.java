package dev.lite4j.onnxruntime;

import java.util.List;
import org.tensorflow.lite.schema.ActivationFunctionType;

/** Fused activations as ONNX nodes after the op (ONNX Runtime fuses Conv + Relu/Clip again). */
final class Activations {
  private Activations() {}

  /** Where the op writes its result: {@code out} itself when there is no activation. */
  static String target(OnnxGraph g, byte activation, String out) {
    return activation == ActivationFunctionType.NONE ? out : g.fresh("pre_act");
  }

  /** Applies {@code activation} to {@code value} into {@code out} (nothing when NONE). */
  static void apply(OnnxGraph g, byte activation, String value, String out) {
    switch (activation) {
      case ActivationFunctionType.NONE -> { }
      case ActivationFunctionType.RELU -> g.node("Relu", List.of(value), out);
      case ActivationFunctionType.RELU6 -> clip(g, value, out, 0f, 6f);
      case ActivationFunctionType.RELU_N1_TO_1 -> clip(g, value, out, -1f, 1f);
      default -> throw new IllegalStateException("fused activation " + activation + " was not checked");
    }
  }

  static String clip(OnnxGraph g, String value, String out, float min, float max) {
    return g.node("Clip", List.of(value, g.scalar(min), g.scalar(max)), out);
  }
}
