package dev.lite4j.onnxruntime;

import dev.lite4j.delegate.DelegateOptions;
import dev.lite4j.delegate.Delegates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ONNX Runtime delegate's options, as {@code --delegate=onnxruntime:key=value,...} spells them:
 *
 * <ul>
 *   <li>{@code providers}: execution providers in order of preference, '+'-separated ({@code cpu}
 *       default; {@code cuda}, {@code tensorrt}, {@code coreml}, {@code nnapi}, {@code qnn},
 *       {@code openvino}, {@code directml}); ONNX Runtime's CPU provider always runs what the others
 *       leave;
 *   <li>{@code max_delegated_partitions}, {@code min_nodes_per_partition}: TensorFlow Lite's limits;
 *   <li>{@code cache} ({@code on}/{@code off}, default on) and {@code cache_dir} (default: the user's
 *       platform cache folder);
 *   <li>{@code fp16} ({@code off} default): lets providers that can compute in float16 do so;
 *   <li>{@code threads}: ONNX Runtime intra-op threads (0: its default, one per core);
 *   <li>{@code async} ({@code off} default): make sessions in the background; until one is ready the
 *       runtime runs its partition on Lite4j's CPU kernels, so start-up does not wait for it.
 * </ul>
 */
public record OnnxRuntimeOptions(List<String> providers, DelegateOptions limits, boolean cache, Path cacheDir,
    boolean fp16, int threads, boolean async) {

  /** Provider names users write, in the order this file documents them. */
  public static final List<String> PROVIDER_NAMES =
      List.of("cpu", "cuda", "tensorrt", "coreml", "nnapi", "qnn", "openvino", "directml");

  public OnnxRuntimeOptions {
    providers = List.copyOf(providers);
  }

  public static OnnxRuntimeOptions defaults() {
    return parse(Map.of());
  }

  /** Parses {@code key=value} options; unknown keys and bad values are {@link IllegalArgumentException}s. */
  public static OnnxRuntimeOptions parse(Map<String, String> options) {
    Map<String, String> rest = new HashMap<>(options);
    DelegateOptions limits = Delegates.takeLimits(rest);
    List<String> providers = providers(rest.remove("providers"));
    boolean cache = onOff(rest.remove("cache"), "cache", true);
    String dir = rest.remove("cache_dir");
    Path cacheDir = dir == null || dir.isBlank() ? defaultCacheDir() : Path.of(dir);
    boolean fp16 = onOff(rest.remove("fp16"), "fp16", false);
    int threads = threads(rest.remove("threads"));
    boolean async = onOff(rest.remove("async"), "async", false);
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("unknown onnxruntime delegate option(s) " + new ArrayList<>(rest.keySet())
          + "; known: providers, max_delegated_partitions, min_nodes_per_partition, cache, cache_dir, fp16, threads, async");
    }
    return new OnnxRuntimeOptions(providers, limits, cache, cacheDir, fp16, threads, async);
  }

  private static List<String> providers(String value) {
    if (value == null || value.isBlank()) {
      return List.of("cpu");
    }
    List<String> out = new ArrayList<>();
    for (String p : value.split("[+;]")) {
      String name = p.trim().toLowerCase(Locale.ROOT);
      if (!PROVIDER_NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown ONNX Runtime execution provider '" + p.trim() + "'; known: "
            + String.join(", ", PROVIDER_NAMES));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static boolean onOff(String value, String key, boolean fallback) {
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("onnxruntime option " + key + "=" + value + " is not on/off");
    };
  }

  private static int threads(String value) {
    if (value == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("onnxruntime option threads=" + value + " is not a count >= 0");
    }
  }

  /**
   * The per-user cache folder: {@code $LITE4J_CACHE/onnxruntime} when that variable is set (as for
   * Lite4j's generated models), else {@code $XDG_CACHE_HOME/lite4j/onnxruntime} (or
   * {@code ~/.cache/lite4j/onnxruntime}) on Linux, {@code ~/Library/Caches/lite4j/onnxruntime} on
   * macOS, {@code %LOCALAPPDATA%\lite4j\onnxruntime} on Windows.
   */
  public static Path defaultCacheDir() {
    String lite4j = System.getenv("LITE4J_CACHE");
    if (lite4j != null && !lite4j.isBlank()) {
      return Path.of(lite4j).resolve("onnxruntime");
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home", "."));
    if (os.contains("win")) {
      String local = System.getenv("LOCALAPPDATA");
      Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
      return base.resolve("lite4j").resolve("onnxruntime");
    }
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Caches").resolve("lite4j").resolve("onnxruntime");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
    return base.resolve("lite4j").resolve("onnxruntime");
  }

  /** What changes the optimised model (not the thread count): part of the cache key. */
  String cacheIdentity() {
    return "providers=" + String.join("+", providers) + ";fp16=" + fp16;
  }
}
