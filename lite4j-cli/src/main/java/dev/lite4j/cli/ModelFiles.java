package dev.lite4j.cli;

import dev.lite4j.Model;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loading the model a command names, with the CLI's error messages. */
final class ModelFiles {
  private ModelFiles() {}

  static Model load(Path file) {
    if (!Files.exists(file)) {
      throw new CliException("model file not found: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException("not a model file: " + file);
    }
    return Model.load(file);
  }

  static Path requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(what + " not found: " + file);
    }
    return file;
  }
}
