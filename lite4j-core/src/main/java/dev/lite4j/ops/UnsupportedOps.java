package dev.lite4j.ops;

/** Builtin operators Lite4j leaves out on purpose (filled in as families land). */
final class UnsupportedOps {
  private UnsupportedOps() {}

  static void register(OpRegistry.Builder b) {
  }
}
