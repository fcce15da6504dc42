package dev.lite4j.onnxruntime;

import dev.lite4j.ModelFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Digests of model files, remembered on disk against the attributes the file had when it was hashed
 * (path, size, modification and inode change times, device and inode: {@link ModelFile}), as build
 * tools remember file contents. A later process that maps the same, unchanged file finds the digest
 * here instead of hashing the whole model again, which in a fresh JVM is the slowest part of
 * computing a cache key. Any change of those attributes (a rewrite, a replacement, a copy) makes the
 * record useless, and the file is hashed afresh. One small file per model path under {@code dir}.
 */
final class FileDigests {
  private final Path dir;

  FileDigests(Path dir) {
    this.dir = dir;
  }

  /** The remembered digest of {@code file}, or null when none was recorded for exactly these attributes. */
  byte[] lookup(ModelFile file) {
    Path record = recordPath(file);
    try {
      if (!Files.isRegularFile(record) || Files.size(record) > 4096) {
        return null;
      }
      String text = Files.readString(record, StandardCharsets.UTF_8);
      String expected = describe(file);
      if (!text.startsWith(expected)) {
        return null;
      }
      String digest = text.substring(expected.length()).strip();
      boolean valid = digest.startsWith("sha256=") && SessionCache.isLowerHex(digest.substring(7), 64);
      return valid ? HexFormat.of().parseHex(digest.substring(7)) : null;
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable record only costs a hash
    }
  }

  /**
   * Hashes {@code file} (mapped, not copied) and remembers its digest; null when the file no longer
   * has the attributes it had at load, so that its contents may differ from the model's.
   */
  byte[] hashAndRemember(ModelFile file) throws IOException {
    long startNanos = System.currentTimeMillis() * 1_000_000L;
    if (!file.unchanged()) {
      return null;
    }
    byte[] digest;
    try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
      if (ch.size() != file.size()) {
        return null;
      }
      digest = ContentHash.digest(ch.map(FileChannel.MapMode.READ_ONLY, 0, file.size()));
    }
    if (!file.unchanged()) {
      return null; // written while it was hashed
    }
    if (!settled(file, startNanos)) {
      return digest; // correct now, but not safe to remember (see settled)
    }
    Files.createDirectories(dir);
    Path temp = dir.resolve(recordPath(file).getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temp, describe(file) + "sha256=" + HexFormat.of().formatHex(digest) + "\n",
          StandardCharsets.UTF_8);
      try {
        Files.move(temp, recordPath(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, recordPath(file), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return digest;
  }

  /**
   * Whether the file's times are old enough that a later write must change them. File systems with
   * coarse timestamps give a write within the same tick the same times (the "racily clean" files of
   * git); a file last written at least {@link #SETTLE_NANOS} before it was hashed cannot be rewritten
   * unnoticed afterwards. Younger files are hashed again on each start until they settle.
   */
  private static boolean settled(ModelFile file, long hashedAtNanos) {
    long newest = Math.max(file.modifiedNanos(), file.changedNanos());
    return newest <= hashedAtNanos - SETTLE_NANOS;
  }

  static final long SETTLE_NANOS = 2_000_000_000L;

  /**
   * The record of a path: named by two cheap hashes of it (no SHA-256, whose first use costs
   * milliseconds in a fresh JVM); paths that collide only overwrite each other's record, which
   * names its path in full and is checked against it.
   */
  private Path recordPath(ModelFile file) {
    String path = file.path().toString();
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(path.getBytes(StandardCharsets.UTF_8));
    HexFormat hex = HexFormat.of();
    return dir.resolve(hex.toHexDigits(path.hashCode()) + hex.toHexDigits((int) crc.getValue()) + ".digest");
  }

  /** Every attribute, one per line; a record is valid only for a file that has all of them. */
  private static String describe(ModelFile f) {
    return "path=" + f.path() + "\nsize=" + f.size() + "\nmodified=" + f.modifiedNanos() + "\nchanged="
        + f.changedNanos() + "\nfileKey=" + f.fileKey() + "\n";
  }
}
