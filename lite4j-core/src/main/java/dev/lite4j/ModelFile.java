package dev.lite4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * The file a {@link Model} was mapped from, with the attributes it had while it was loaded. A
 * delegate's cache keyed by model content uses them to recognise the same contents in a later
 * process without reading them again (it remembers the file's digest against these attributes, as
 * build tools do). {@code changedNanos} is the inode change time where the platform has one (every
 * write moves it, and it cannot be set back), else -1; {@code fileKey} is the platform's identity of
 * the file (device and inode), or null.
 */
public record ModelFile(Path path, long size, long modifiedNanos, long changedNanos, Object fileKey) {

  /** The attributes {@code file} has now, or null when they cannot be read. */
  public static ModelFile of(Path file) {
    try {
      Path absolute = file.toAbsolutePath().normalize();
      BasicFileAttributes a = Files.readAttributes(absolute, BasicFileAttributes.class);
      return new ModelFile(absolute, a.size(), nanos(a.lastModifiedTime()), changeTime(absolute), a.fileKey());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the file still has these attributes (a rewrite or replacement changes them). */
  public boolean unchanged() {
    return equals(of(path));
  }

  // Written out: a record's generated equals and hashCode are bootstrapped through invokedynamic,
  // which costs milliseconds the first time in a fresh JVM, on the interpreter's start path.
  @Override
  public boolean equals(Object o) {
    return o instanceof ModelFile f && path.equals(f.path) && size == f.size && modifiedNanos == f.modifiedNanos
        && changedNanos == f.changedNanos && java.util.Objects.equals(fileKey, f.fileKey);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Long.hashCode(size ^ modifiedNanos ^ changedNanos);
  }

  @Override
  public String toString() {
    return "ModelFile[" + path + ", " + size + " B, modified " + modifiedNanos + ", changed " + changedNanos
        + ", key " + fileKey + "]";
  }

  private static long changeTime(Path file) {
    try {
      return nanos((FileTime) Files.getAttribute(file, "unix:ctime")); // of the target, as the other attributes
    } catch (IOException | RuntimeException e) {
      return -1; // no "unix" attribute view on this platform
    }
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }
}
