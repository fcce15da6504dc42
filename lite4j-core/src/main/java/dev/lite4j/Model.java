package dev.lite4j;

import dev.lite4j.model.ModelDef;
import dev.lite4j.model.ModelReader;
import dev.lite4j.model.SubgraphDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, verified model: immutable and shareable. Several {@link Interpreter}s may run one Model
 * at once in different threads; constant tensors are views of the model bytes, never copied.
 */
public final class Model {
  private final ModelDef def;
  private final String source;
  private final ModelFile file;

  private Model(ModelDef def, String source, ModelFile file) {
    this.def = def;
    this.source = source;
    this.file = file;
  }

  /** Memory-maps and verifies a {@code .tflite} file. */
  public static Model load(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new ModelFormatException(file + " is " + size + " bytes; models over 2 GiB are not supported");
      }
      ModelFile before = ModelFile.of(file);
      ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
      ModelDef def = ModelReader.read(mapped);
      // Attributes that held from before mapping to after reading describe the bytes this model has.
      boolean steady = before != null && before.size() == size && before.unchanged();
      return new Model(def, file.toString(), steady ? before : null);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("model file not found: " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Verifies a model held in a buffer (from position to limit); the bytes are used in place, not copied. */
  public static Model fromBuffer(ByteBuffer buffer) {
    if (buffer == null) {
      throw new IllegalArgumentException("model buffer is null");
    }
    return new Model(ModelReader.read(buffer.slice().order(ByteOrder.LITTLE_ENDIAN)), "buffer", null);
  }

  /** Verifies a model held in a byte array (not copied: do not modify the array afterwards). */
  public static Model fromBytes(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("model bytes are null");
    }
    return new Model(ModelReader.read(ByteBuffer.wrap(bytes)), "byte[]", null);
  }

  /** Reads a file fully into memory (for files that must not stay mapped). */
  public static Model read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("model file not found: " + file);
    }
    return fromBytes(Files.readAllBytes(file));
  }

  /**
   * The file this model is mapped from, with its attributes at load ({@link #load} only; empty for
   * models read into memory, and when the file changed while it was being loaded).
   */
  public Optional<ModelFile> file() {
    return Optional.ofNullable(file);
  }

  public ModelDef def() {
    return def;
  }

  public SubgraphDef primarySubgraph() {
    return def.primarySubgraph();
  }

  /** Where the model came from (a path, or "buffer"). */
  public String source() {
    return source;
  }

  public String description() {
    return def.description();
  }

  public long schemaVersion() {
    return def.schemaVersion();
  }

  /** The converter's {@code min_runtime_version} metadata, if the file has one. */
  public Optional<String> minRuntimeVersion() {
    return Optional.ofNullable(def.minRuntimeVersion());
  }

  /** Metadata buffers by name (e.g. TFLITE_METADATA, min_runtime_version): read-only views. */
  public Map<String, ByteBuffer> metadata() {
    return def.metadata();
  }

  public List<Signature> signatures() {
    List<Signature> out = new ArrayList<>();
    for (dev.lite4j.model.SignatureDef s : def.signatures()) {
      out.add(new Signature(s.key(), s.subgraphIndex(), List.copyOf(s.inputs().keySet()),
          List.copyOf(s.outputs().keySet())));
    }
    return out;
  }

  public int sizeBytes() {
    return def.bytes().capacity();
  }
}
