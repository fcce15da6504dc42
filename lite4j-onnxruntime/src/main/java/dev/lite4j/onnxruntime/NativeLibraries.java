package dev.lite4j.onnxruntime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * ONNX Runtime's Java binding unpacks its native libraries (22 MB on Linux x64) from its jar into a
 * new temporary folder in every process, which is most of its 170-230 ms load. This unpacks them once
 * into the user's cache folder ({@code <cache>/native/<os-arch>-<crc>}) and points the binding at
 * them ({@code onnxruntime.native.path}); later processes only check each file's size and CRC-32
 * against the jar's directory entry (about 10 ms) and load it. Anything unexpected leaves the
 * binding to unpack as usual; a path the user set is left alone.
 */
final class NativeLibraries {
  private static final System.Logger LOG = System.getLogger("dev.lite4j.onnxruntime");
  static final String PROPERTY = "onnxruntime.native.path";
  /** Set to "off" to let ONNX Runtime unpack its libraries itself. */
  static final String SWITCH = "lite4j.onnxruntime.nativeCache";

  private NativeLibraries() {}

  /** Points ONNX Runtime at a verified unpacked copy under {@code cacheDir}; false when it did not. */
  static synchronized boolean useCachedCopy(Path cacheDir) {
    if (System.getProperty(PROPERTY) != null || "off".equals(System.getProperty(SWITCH))
        || System.getProperty("ORT_LOAD_FROM_LIBRARY_PATH") != null) {
      return false;
    }
    String folder = "ai/onnxruntime/native/" + osArch() + "/";
    String main = System.mapLibraryName("onnxruntime");
    URL url = NativeLibraries.class.getClassLoader().getResource(folder + main);
    if (url == null) {
      return false;
    }
    try {
      URLConnection c = url.openConnection();
      if (!(c instanceof JarURLConnection jar)) {
        if ("file".equals(url.getProtocol())) {
          System.setProperty(PROPERTY, Path.of(url.toURI()).getParent().toString());
          return true;
        }
        return false;
      }
      jar.setUseCaches(false);
      try (JarFile file = jar.getJarFile()) {
        JarEntry mainEntry = file.getJarEntry(folder + main);
        Path dir = cacheDir.resolve("native").resolve(osArch() + "-" + String.format("%08x", mainEntry.getCrc()));
        Files.createDirectories(dir);
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          String name = e.getName();
          if (e.isDirectory() || !name.startsWith(folder) || name.substring(folder.length()).contains("/")) {
            continue;
          }
          Path target = dir.resolve(name.substring(folder.length()));
          if (!matches(target, e)) {
            unpack(file, e, target);
          }
        }
        System.setProperty(PROPERTY, dir.toString());
        return true;
      }
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      LOG.log(Level.DEBUG, "ONNX Runtime native libraries not cached (" + e + "); the binding unpacks them");
      return false;
    }
  }

  /** The folder name ONNX Runtime's jar uses for this platform. */
  static String osArch() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
    String a = switch (arch) {
      case "amd64", "x86_64" -> "x64";
      case "aarch64", "arm64" -> "aarch64";
      default -> arch;
    };
    return o + "-" + a;
  }

  private static boolean matches(Path file, JarEntry e) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) != e.getSize()) {
      return false;
    }
    CRC32 crc = new CRC32();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
      while (ch.read(b) >= 0) {
        b.flip();
        crc.update(b);
        b.clear();
      }
    }
    return crc.getValue() == e.getCrc();
  }

  private static void unpack(JarFile jar, JarEntry e, Path target) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (InputStream in = jar.getInputStream(e)) {
      Files.copy(in, temp);
      if (!matches(temp, e)) {
        throw new IOException("unpacked " + e.getName() + " does not match its jar entry");
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException ex) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
