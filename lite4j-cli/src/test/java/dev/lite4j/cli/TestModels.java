package dev.lite4j.cli;

import dev.lite4j.io.Json;
import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Model files of the golden folders: in {@code shared/models}, or generated once by
 * {@code shared/tools/modelgen/make.sh} into {@code ${LITE4J_CACHE:-$HOME/.cache/lite4j}/models}
 * (Inception V3 synthetic, 95 MB, too large to store).
 */
final class TestModels {
  /** Models that {@code make.sh} generates rather than {@code shared/models} holding them. */
  private static final java.util.Set<String> GENERATED = java.util.Set.of("inception_v3_299_synthetic");

  private TestModels() {}

  /** The model file of golden folder {@code name} (its summary's "model"). */
  static Path forGolden(String name) throws IOException, InterruptedException {
    Map<String, Object> summary = GoldenCheck.readSummary(SharedData.golden(name));
    if (GENERATED.contains(name)) {
      return generated(name, Json.string(summary, "model_sha256"));
    }
    return SharedData.model(Json.string(summary, "model"));
  }

  static Path cacheDir() {
    String env = System.getenv("LITE4J_CACHE");
    Path base = env != null && !env.isBlank() ? Paths.get(env)
        : Paths.get(System.getProperty("user.home"), ".cache", "lite4j");
    return base.toAbsolutePath();
  }

  /**
   * The generated model, made once: several test JVMs may ask at once, so generation holds a file
   * lock, writes into a temporary folder and renames the result into place.
   */
  static Path generated(String name, String sha256) throws IOException, InterruptedException {
    Path models = cacheDir().resolve("models");
    Files.createDirectories(models);
    Path target = models.resolve(name + ".tflite");
    if (Files.isRegularFile(target) && GoldenCheck.sha256(target).equalsIgnoreCase(sha256)) {
      return target;
    }
    try (FileChannel lockFile = FileChannel.open(models.resolve("." + name + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      if (Files.isRegularFile(target) && GoldenCheck.sha256(target).equalsIgnoreCase(sha256)) {
        return target; // another JVM made it while this one waited
      }
      Path tmp = Files.createTempDirectory(models, ".gen-" + name);
      try {
        Path make = SharedData.root().resolve("tools/modelgen/make.sh");
        ProcessBuilder pb = new ProcessBuilder("sh", make.toString(), name, tmp.toString());
        pb.environment().put("MODELGEN_BUILD", cacheDir().resolve("modelgen-build").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("make.log").toFile());
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError("make.sh " + name + " took over 20 minutes");
        }
        Path made = tmp.resolve(name + ".tflite");
        if (p.exitValue() != 0 || !Files.isRegularFile(made)) {
          throw new AssertionError("make.sh " + name + " failed (exit " + p.exitValue() + "): "
              + Files.readString(tmp.resolve("make.log")));
        }
        String got = GoldenCheck.sha256(made);
        if (!got.equalsIgnoreCase(sha256)) {
          throw new AssertionError("generated " + name + " has sha256 " + got + ", the golden expects " + sha256);
        }
        Files.move(made, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
      } finally {
        deleteTree(tmp);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
