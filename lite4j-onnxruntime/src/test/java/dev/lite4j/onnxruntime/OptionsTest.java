package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateProvider;
import dev.lite4j.delegate.Delegates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaults() {
    OnnxRuntimeOptions o = OnnxRuntimeOptions.defaults();
    assertEquals(List.of("cpu"), o.providers());
    assertTrue(o.cache());
    assertFalse(o.fp16(), "never float16 unless asked");
    assertEquals(0, o.threads());
    assertEquals(Integer.MAX_VALUE, o.limits().maxDelegatedPartitions());
    assertEquals(1, o.limits().minNodesPerPartition());
  }

  @Test
  void parsesEveryKey() {
    OnnxRuntimeOptions o = OnnxRuntimeOptions.parse(Map.of("providers", "cpu", "max_delegated_partitions", "2",
        "min_nodes_per_partition", "3", "cache", "off", "cache_dir", "/tmp/x", "fp16", "on", "threads", "4"));
    assertEquals(2, o.limits().maxDelegatedPartitions());
    assertEquals(3, o.limits().minNodesPerPartition());
    assertFalse(o.cache());
    assertEquals(Path.of("/tmp/x"), o.cacheDir());
    assertTrue(o.fp16());
    assertEquals(4, o.threads());
  }

  @Test
  void unknownKeysAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxRuntimeOptions.parse(Map.of("providers", "cpu", "turbo", "on")));
    assertTrue(e.getMessage().contains("turbo"), e.getMessage());
  }

  @Test
  void badValuesAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> OnnxRuntimeOptions.parse(Map.of("cache", "maybe")));
    assertThrows(IllegalArgumentException.class, () -> OnnxRuntimeOptions.parse(Map.of("threads", "-1")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxRuntimeOptions.parse(Map.of("providers", "warp")));
    assertTrue(e.getMessage().contains("warp") && e.getMessage().contains("cuda"), e.getMessage());
  }

  @Test
  void missingProviderNamesItAndWhatIsAvailable() {
    assertFalse(Providers.availableNames().contains("cuda"), "this test expects the CPU-only ONNX Runtime jar");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new OnnxRuntimeDelegate(Map.of("providers", "cuda+cpu")));
    assertTrue(e.getMessage().contains("'cuda'") && e.getMessage().contains("available: cpu"), e.getMessage());
  }

  @Test
  void foundByServiceLoaderAndSpec() {
    DelegateProvider p = Delegates.providers().stream().filter(x -> x.name().equals("onnxruntime")).findFirst()
        .orElseThrow();
    assertNull(p.unavailableReason());
    try (Delegate d = Delegates.create("onnxruntime:cache=off,min_nodes_per_partition=2")) {
      OnnxRuntimeDelegate ort = assertInstanceOf(OnnxRuntimeDelegate.class, d);
      assertEquals(2, ort.options().minNodesPerPartition());
      assertFalse(ort.onnxRuntimeOptions().cache());
      assertTrue(ort.capabilities().float16Dequantize());
    }
    assertThrows(IllegalArgumentException.class, () -> Delegates.create("onnxruntime:bogus=1"));
  }

  @Test
  void defaultCacheFolderIsPerUser() {
    Path dir = OnnxRuntimeOptions.defaultCacheDir();
    String xdg = System.getenv("XDG_CACHE_HOME");
    String lite4j = System.getenv("LITE4J_CACHE");
    if (lite4j != null && !lite4j.isBlank()) {
      assertEquals(Path.of(lite4j, "onnxruntime"), dir);
    } else if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
      assertEquals(base.resolve("lite4j").resolve("onnxruntime"), dir);
    }
  }
}
