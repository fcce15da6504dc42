package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared models are: LITE4J_SHARED, else ../shared beside the repository; tests skip without them. */
final class TestFiles {
  private TestFiles() {}

  static Path shared() {
    String env = System.getenv("LITE4J_SHARED");
    Path p;
    if (env != null && !env.isBlank()) {
      p = Path.of(env);
    } else {
      String root = System.getenv("LITE4J_REPO_ROOT");
      p = (root != null ? Path.of(root) : Path.of("..").toAbsolutePath()).resolve("../shared").normalize();
    }
    boolean present = Files.isDirectory(p.resolve("models"));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("shared data missing at " + p + " (CI=true)");
    }
    assumeTrue(present, "shared data not found at " + p + " (set LITE4J_SHARED)");
    return p;
  }

  static Path model(String name) {
    return shared().resolve("models").resolve(name + ".tflite");
  }

  /** The generated Inception V3 model (LITE4J_CACHE or ~/.cache/lite4j/models); skips when not made yet. */
  static Path inception() {
    String cache = System.getenv("LITE4J_CACHE");
    Path dir = (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "lite4j"))
        .resolve("models");
    Path p = dir.resolve("inception_v3_299_synthetic.tflite");
    assumeTrue(Files.isRegularFile(p), "Inception V3 not generated at " + p
        + " (../shared/tools/modelgen/make.sh inception_v3_299_synthetic " + dir + ")");
    return p;
  }
}
