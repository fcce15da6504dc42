package dev.lite4j.onnxruntime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The disk cache of optimised ONNX models, one entry per key: {@code <key>.meta} (format, key, ONNX
 * Runtime version, and the name, size and CRC-32C of each file), the model file it names and, for
 * models ONNX Runtime saved from a CPU session, the file of their weights (external data, which ONNX
 * Runtime maps when it loads the model: a warm start then copies no weights). An entry is trusted
 * only when every field matches and every file's bytes have the recorded checksum; any other entry
 * (truncated, stale, edited) is deleted and rebuilt. Model files are written under temporary names
 * and renamed, weight files under names no other entry uses, and the meta file last, so concurrent
 * interpreters never read a half-written entry.
 */
final class SessionCache {
  private static final System.Logger LOG = System.getLogger("dev.lite4j.onnxruntime");
  static final String FORMAT = "3";
  /** Larger entries are not read back (ONNX protobufs stop at 2 GiB anyway). */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private final Path dir;
  private final String ortVersion;
  private final FileDigests fileDigests;

  SessionCache(Path dir, String ortVersion) {
    this.dir = dir;
    this.ortVersion = ortVersion;
    this.fileDigests = new FileDigests(dir.resolve("files"));
  }

  /** Model files' digests, remembered against their attributes (see {@link FileDigests}). */
  FileDigests fileDigests() {
    return fileDigests;
  }

  Path dir() {
    return dir;
  }

  Path metaPath(String key) {
    return dir.resolve(key + ".meta");
  }

  private boolean swept;

  /** A fresh path for ONNX Runtime to write the optimised model of {@code key} to. */
  Path tempModelPath(String key) throws IOException {
    Files.createDirectories(dir);
    sweepOnce();
    return dir.resolve(key + "." + UUID.randomUUID() + ".tmp");
  }

  /**
   * A fresh name, in this folder, for the weights ONNX Runtime writes beside the optimised model of
   * {@code key}. The model refers to it by this name, so it is final from the start.
   */
  String newDataName(String key) {
    return key + "." + UUID.randomUUID().toString().replace("-", "") + ".data";
  }

  /**
   * Files older than an hour that processes ending mid-write left: temporary files, and weight
   * files no entry names. Remove them.
   */
  private synchronized void sweepOnce() {
    if (swept) {
      return;
    }
    swept = true;
    long cutoff = System.currentTimeMillis() - 3_600_000L;
    try (var files = Files.newDirectoryStream(dir, "*.{tmp,data}")) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if (Files.getLastModifiedTime(p).toMillis() >= cutoff) {
          continue;
        }
        if (name.endsWith(".tmp") || !name.equals(referencedData(name))) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // Best effort: a leftover file only costs disk space.
    }
  }

  /** The weight file the entry of the key that {@code dataName} starts with names, or null. */
  private String referencedData(String dataName) {
    if (dataName.length() < 64) {
      return null;
    }
    try {
      Path meta = metaPath(dataName.substring(0, 64));
      return Files.isRegularFile(meta) ? readMeta(meta).get("data") : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The verified model file of {@code key}, or null when there is no entry or the entry is bad (then
   * it is deleted, with a warning saying why). The file is checked through a read-only mapping (no
   * copy) and then loaded by ONNX Runtime from its path: entries are only ever replaced by renaming
   * a new file under a new name, never rewritten in place.
   */
  Path load(String key) {
    Path meta = metaPath(key);
    if (!Files.isRegularFile(meta)) {
      return null;
    }
    try {
      Map<String, String> fields = readMeta(meta);
      String why = checkFields(fields, key);
      if (why == null) {
        why = checkFile(fields.get("file"), fields.get("size"), fields.get("crc32c"));
      }
      if (why == null && fields.containsKey("data")) {
        why = checkFile(fields.get("data"), fields.get("dataSize"), fields.get("dataCrc32c"));
      }
      if (why == null) {
        return dir.resolve(fields.get("file"));
      }
      LOG.log(Level.WARNING, "onnxruntime cache entry " + key + " is bad (" + why + "): rebuilding it");
      delete(key, fields.get("file"), fields.get("data"));
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "onnxruntime cache entry " + key + " cannot be read (" + e + "): rebuilding it");
      delete(key, null, null);
      return null;
    }
  }

  /** Why the entry's file {@code name} is not the one recorded (fields checked already), or null. */
  private String checkFile(String name, String sizeField, String crc) throws IOException {
    Path file = dir.resolve(name);
    long size = Long.parseLong(sizeField);
    if (!Files.isRegularFile(file) || Files.size(file) != size) {
      return name + " missing or not " + size + " bytes";
    }
    return mappedCrc32c(file, size).equals(crc) ? null : "checksum mismatch in " + name;
  }

  private String checkFields(Map<String, String> f, String key) {
    if (!FORMAT.equals(f.get("format"))) {
      return "format " + f.get("format");
    }
    if (!key.equals(f.get("key"))) {
      return "key mismatch";
    }
    if (!ortVersion.equals(f.get("ort"))) {
      return "made by ONNX Runtime " + f.get("ort");
    }
    String file = f.get("file");
    if (file == null || file.length() != 64 + 1 + 8 + 5 || !file.startsWith(key + "-") || !file.endsWith(".onnx")
        || !isLowerHex(file.substring(65, 73), 8)) {
      return "bad file name";
    }
    String why = checkSizeAndCrc(f.get("size"), f.get("crc32c"));
    if (why != null || !f.containsKey("data")) {
      return why;
    }
    String data = f.get("data");
    if (!data.startsWith(key + ".") || !data.endsWith(".data") || data.length() != 64 + 1 + 32 + 5
        || !isLowerHex(data.substring(65, 97), 32)) {
      return "bad weight file name";
    }
    return checkSizeAndCrc(f.get("dataSize"), f.get("dataCrc32c"));
  }

  private static String checkSizeAndCrc(String sizeField, String crc) {
    if (crc == null || !isLowerHex(crc, 8)) {
      return "bad checksum field";
    }
    try {
      long size = Long.parseLong(sizeField);
      if (size <= 0 || size > MAX_BYTES) {
        return "size " + size;
      }
    } catch (NumberFormatException e) {
      return "bad size field";
    }
    return null;
  }

  /**
   * Whether {@code s} is {@code length} lowercase hex digits. By hand, not a regular expression: the
   * regex engine's first use costs milliseconds in a fresh JVM, on every warm start's path.
   */
  static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves the model ONNX Runtime wrote at {@code temp} into the entry of {@code key}, with the
   * weights it wrote beside it as {@code dataName} (null, or no such file: the model holds them).
   */
  void commit(String key, Path temp, String dataName) throws IOException {
    try {
      long size = Files.size(temp);
      String crc = mappedCrc32c(temp, size);
      String file = key + "-" + crc + ".onnx";
      StringBuilder meta = new StringBuilder().append("format=").append(FORMAT).append("\nkey=").append(key)
          .append("\nort=").append(ortVersion).append("\nsize=").append(size).append("\ncrc32c=").append(crc)
          .append("\nfile=").append(file).append('\n');
      Path data = dataName == null ? null : dir.resolve(dataName);
      if (data != null && Files.isRegularFile(data)) {
        long dataSize = Files.size(data);
        meta.append("data=").append(dataName).append("\ndataSize=").append(dataSize).append("\ndataCrc32c=")
            .append(mappedCrc32c(data, dataSize)).append('\n');
      }
      move(temp, dir.resolve(file));
      Path metaTemp = dir.resolve(key + "." + UUID.randomUUID() + ".meta.tmp");
      Files.writeString(metaTemp, meta, StandardCharsets.UTF_8);
      move(metaTemp, metaPath(key));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Stores model bytes this process already has (the providers whose sessions ONNX Runtime cannot save). */
  void store(String key, ByteBuffer model) throws IOException {
    Path temp = tempModelPath(key);
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = model.duplicate();
      while (b.hasRemaining()) {
        ch.write(b);
      }
    }
    commit(key, temp, null);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void delete(String key, String file, String data) {
    try {
      Files.deleteIfExists(metaPath(key));
      for (String name : new String[] {file, data}) {
        if (name != null && name.startsWith(key) && !name.contains("/") && !name.contains("\\")) {
          Files.deleteIfExists(dir.resolve(name));
        }
      }
    } catch (IOException ignored) {
      // A cache entry that cannot be deleted is rebuilt over on the next commit.
    }
  }

  private static Map<String, String> readMeta(Path meta) throws IOException {
    if (Files.size(meta) > 4096) {
      throw new IOException("meta file of " + Files.size(meta) + " bytes");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  /** CRC-32C of a file through a read-only mapping (the page cache, no copy). */
  private static String mappedCrc32c(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != size) {
        return "size changed";
      }
      return crc32c(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
    }
  }

  static String crc32c(ByteBuffer bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes.duplicate());
    return java.util.HexFormat.of().toHexDigits((int) crc.getValue()); // not String.format: slow to start
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
