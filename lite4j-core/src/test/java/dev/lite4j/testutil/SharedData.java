package dev.lite4j.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (models, goldens, images): {@code LITE4J_SHARED}, else beside the repository
 * root. Where it is absent, tests skip with a visible reason, except under {@code CI=true}, where
 * they fail.
 */
public final class SharedData {
  private SharedData() {}

  public static Path repoRoot() {
    String env = System.getenv("LITE4J_REPO_ROOT");
    if (env != null && !env.isBlank() && Files.isDirectory(Paths.get(env))) {
      return Paths.get(env).toAbsolutePath().normalize();
    }
    Path p = Paths.get("").toAbsolutePath();
    for (Path cur = p; cur != null; cur = cur.getParent()) {
      if (Files.exists(cur.resolve("lite4j")) && Files.exists(cur.resolve("pom.xml"))) {
        return cur;
      }
    }
    return p;
  }

  /** The shared folder, or a skip (a failure under CI=true) when it is missing. */
  public static Path root() {
    String env = System.getenv("LITE4J_SHARED");
    Path shared = env != null && !env.isBlank() ? Paths.get(env) : repoRoot().resolve("../shared").normalize();
    if (!Files.isDirectory(shared.resolve("models"))) {
      String reason = "shared data not found at " + shared + " (set LITE4J_SHARED)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason + "; CI=true requires it");
      }
      Assumptions.abort(reason);
    }
    return shared;
  }

  public static Path model(String fileName) {
    Path p = root().resolve("models").resolve(fileName);
    if (!Files.exists(p)) {
      throw new AssertionError("model missing from shared data: " + p);
    }
    return p;
  }

  public static Path golden(String name) {
    return root().resolve("golden").resolve(name);
  }

  public static Path image(String name) {
    return root().resolve("images").resolve(name);
  }
}
