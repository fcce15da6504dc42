package dev.lite4j.cli;

import dev.lite4j.builder.MobileNetV2;

/** Models built into the CLI, for {@code lite4j run} without a model file. */
public final class BuiltinModels {
  /** Fixed, so the built-in model is the same file on every machine. */
  private static final long SEED = 2018;

  private BuiltinModels() {}

  /** The MobileNet V2 1.0 224 architecture with seeded weights, built in memory (about 14 MB). */
  public static byte[] mobilenetV2() {
    return MobileNetV2.build(SEED);
  }
}
