package dev.lite4j.cli;

/** Models shipped inside the CLI, for {@code lite4j run} without a model file. */
public final class BuiltinModels {
  private BuiltinModels() {}

  /** MobileNet V2 (float), the model {@code lite4j run} runs when no model is given. */
  public static byte[] mobilenetV2() {
    // Placeholder until the lead provides the built-in model.
    throw new UnsupportedOperationException("built-in model not yet available");
  }
}
