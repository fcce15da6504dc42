package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's native libraries are unpacked once per user, checked, and re-unpacked when damaged. */
class NativeLibrariesTest {
  @TempDir
  Path dir;

  @Test
  void unpacksOnceAndRepairs() throws Exception {
    OnnxRuntimeDelegate.environment(); // the binding is loaded whatever the property says below
    String saved = System.getProperty(NativeLibraries.PROPERTY);
    try {
      System.clearProperty(NativeLibraries.PROPERTY);
      assumeTrue(NativeLibraries.useCachedCopy(dir), "ONNX Runtime has no native library for " + NativeLibraries.osArch());
      Path folder = Path.of(System.getProperty(NativeLibraries.PROPERTY));
      assertTrue(folder.startsWith(dir.resolve("native")), folder.toString());
      Path lib = folder.resolve(System.mapLibraryName("onnxruntime"));
      byte[] good = Files.readAllBytes(lib);
      assertTrue(good.length > 1_000_000);
      // Damage it: the next process finds the mismatch and unpacks a good copy again.
      byte[] bad = good.clone();
      bad[bad.length / 2] ^= 1;
      Files.write(lib, bad);
      System.clearProperty(NativeLibraries.PROPERTY);
      assertTrue(NativeLibraries.useCachedCopy(dir));
      assertArrayEquals(good, Files.readAllBytes(lib));
      try (Stream<Path> s = Files.list(folder)) {
        assertEquals(0, s.filter(p -> p.toString().endsWith(".tmp")).count(), "no temporary files left");
      }
    } finally {
      if (saved != null) {
        System.setProperty(NativeLibraries.PROPERTY, saved);
      } else {
        System.clearProperty(NativeLibraries.PROPERTY);
      }
    }
  }

  @Test
  void userPathIsLeftAlone() {
    String saved = System.getProperty(NativeLibraries.PROPERTY);
    try {
      System.setProperty(NativeLibraries.PROPERTY, "/opt/my-onnxruntime");
      assertTrue(!NativeLibraries.useCachedCopy(dir));
      assertEquals("/opt/my-onnxruntime", System.getProperty(NativeLibraries.PROPERTY));
    } finally {
      if (saved != null) {
        System.setProperty(NativeLibraries.PROPERTY, saved);
      } else {
        System.clearProperty(NativeLibraries.PROPERTY);
      }
    }
  }
}
