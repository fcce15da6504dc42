package dev.lite4j.delegate;

/** A delegate's answer for one node: it takes it, or it says why not. */
public sealed interface NodeSupport {
  /** The delegate can run the node. */
  record Supported() implements NodeSupport {}

  /** The node stays on the CPU, for {@code reason} (shown by reports and {@code inspect --delegate}). */
  record Unsupported(String reason) implements NodeSupport {}

  NodeSupport SUPPORTED = new Supported();

  static NodeSupport supported() {
    return SUPPORTED;
  }

  static NodeSupport unsupported(String reason) {
    return new Unsupported(reason);
  }

  default boolean isSupported() {
    return this instanceof Supported;
  }
}
