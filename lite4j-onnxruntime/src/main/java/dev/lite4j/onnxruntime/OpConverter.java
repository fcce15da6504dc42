package dev.lite4j.onnxruntime;

import dev.lite4j.delegate.DelegateNode;

/**
 * Turns one TensorFlow Lite operator into ONNX nodes. {@link #check} is called before delegation
 * and says why a node cannot go to ONNX Runtime (null: it can); {@link #convert} is only called on
 * nodes {@code check} accepted.
 */
interface OpConverter {
  /** Null when the node converts; otherwise the reason it stays on the CPU. */
  String check(DelegateNode node);

  void convert(DelegateNode node, OnnxGraph graph);
}
