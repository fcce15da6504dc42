package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.Padding;

/** The disk cache: a second start hits; bad, stale or edited entries are detected, rebuilt, never trusted. */
class CacheTest {
  @TempDir
  Path dir;

  static byte[] convModel(long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 16, 16, 8);
    float[] w = new float[16 * 3 * 3 * 8];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextFloat() - 0.5f;
    }
    int f = b.addConstantFloats("w", new int[] {16, 3, 3, 8}, w);
    float[] biasValues = new float[16];
    for (int i = 0; i < biasValues.length; i++) {
      biasValues[i] = r.nextFloat() - 0.5f; // stored as is: ONNX Runtime reads it from a model file
    }
    int bias = b.addConstantFloats("b", new int[] {16}, biasValues);
    int y = b.addTensor("y", DataType.FLOAT32);
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(Padding.SAME);
    o.setStrideH(1);
    o.setStrideW(1);
    o.setFusedActivationFunction(ActivationFunctionType.RELU6);
    b.addOperator(BuiltinOperator.CONV_2D, new int[] {x, f, bias}, new int[] {y}, o);
    b.addOutput(y);
    return b.build();
  }

  /** Prepares and runs a kernel on the model; returns the cache state and the output. */
  private record Start(String cache, float[] output, double conversionMs) {}

  private Start start(OnnxRuntimeDelegate d, Model model) throws Exception {
    try (PartitionHarness h = new PartitionHarness(model, d)) {
      h.wholePartition();
      float[] in = new float[16 * 16 * 8];
      Random r = new Random(1);
      for (int i = 0; i < in.length; i++) {
        in[i] = r.nextFloat() * 2 - 1;
      }
      try (OnnxRuntimeKernel k = (OnnxRuntimeKernel) d.createKernel(h.partition)) {
        k.prepare(h.partition);
        float[] out = h.runDelegate(k, List.of(in)).get(0);
        d.awaitCacheWrites();
        return new Start(k.startup().cache(), out, k.startup().conversionMs());
      }
    }
  }

  private List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  private int round;

  private void damageAndRestart(Consumer<Path[]> damage) throws Exception {
    Model model = Model.fromBytes(convModel(3));
    Path root = dir;
    dir = Files.createDirectories(root.resolve("round" + round++));
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString()))) {
      Start cold = start(d, model);
      assertEquals("miss", cold.cache());
      assertEquals("hit", start(d, model).cache());
      damage.accept(new Path[] {files(".meta").get(0), files(".onnx").get(0), files(".data").get(0)});
      Start rebuilt = start(d, model);
      assertEquals("miss", rebuilt.cache(), "a damaged entry must be rebuilt");
      assertArrayEquals(cold.output(), rebuilt.output(), "same results after the rebuild");
      Start again = start(d, model);
      assertEquals("hit", again.cache(), "the rebuilt entry is used");
      assertArrayEquals(cold.output(), again.output());
    } finally {
      dir = root;
    }
  }

  @Test
  void corruptedModelBytesAreRebuilt() throws Exception {
    damageAndRestart(p -> rewrite(p[1], b -> b[b.length / 2] ^= 0x40));
  }

  @Test
  void corruptedOrMissingWeightFileIsRebuilt() throws Exception {
    damageAndRestart(p -> rewrite(p[2], b -> b[b.length / 2] ^= 0x40));
    damageAndRestart(p -> delete(p[2]));
    damageAndRestart(p -> editMeta(p[0], "dataCrc32c=", "dataCrc32c=deadbeef"));
  }

  /** A warm start maps the weights ONNX Runtime saved beside the optimised model; the entry names both. */
  @Test
  void entriesKeepTheirWeightsInAFileOfTheirOwn() throws Exception {
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString()))) {
      start(d, Model.fromBytes(convModel(3)));
    }
    assertEquals(1, files(".data").size());
    assertTrue(Files.size(files(".data").get(0)) >= 16 * 3 * 3 * 8 * 4, "the filter's bytes are in the weight file");
    assertTrue(Files.readString(files(".meta").get(0)).contains("data=" + files(".data").get(0).getFileName()));
  }

  @Test
  void truncatedModelIsRebuilt() throws Exception {
    damageAndRestart(p -> rewrite(p[1], b -> { }, 100));
  }

  @Test
  void missingModelIsRebuilt() throws Exception {
    damageAndRestart(p -> delete(p[1]));
  }

  @Test
  void staleOrEditedMetaIsRebuilt() throws Exception {
    damageAndRestart(p -> editMeta(p[0], "ort=", "ort=0.0.1"));
    damageAndRestart(p -> editMeta(p[0], "crc32c=", "crc32c=deadbeef"));
    damageAndRestart(p -> editMeta(p[0], "format=", "format=99"));
    damageAndRestart(p -> rewrite(p[0], b -> java.util.Arrays.fill(b, (byte) '#')));
  }

  @Test
  void tamperedModelWithMatchingSizeIsRebuilt() throws Exception {
    // Swap in another (valid) model of the same size: only the checksum can tell.
    damageAndRestart(p -> rewrite(p[1], b -> {
      for (int i = b.length - 64; i < b.length - 32; i++) {
        b[i] = (byte) (b[i] + 1);
      }
    }));
  }

  @Test
  void differentWeightsOrOptionsAreDifferentEntries() throws Exception {
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString()))) {
      assertEquals("miss", start(d, Model.fromBytes(convModel(3))).cache());
      assertEquals("miss", start(d, Model.fromBytes(convModel(4))).cache());
      assertEquals("hit", start(d, Model.fromBytes(convModel(3))).cache());
    }
    try (OnnxRuntimeDelegate fp16 = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString(), "fp16", "on"))) {
      assertEquals("miss", start(fp16, Model.fromBytes(convModel(3))).cache());
    }
    assertEquals(3, files(".meta").size());
    assertTrue(files(".tmp").isEmpty(), "no temporary files left behind");
  }

  /**
   * A model mapped from a file is keyed by the file's digest, remembered against its attributes: the
   * first start of a file hashes nothing (a miss), a later start of the unchanged file hits without
   * hashing, and a rewritten file (same size, other weights) never hits the old entry.
   */
  @Test
  void modelFilesAreKeyedByTheirRememberedDigest() throws Exception {
    Path file = dir.resolve("models").resolve("conv.tflite");
    Files.createDirectories(file.getParent());
    Path cacheDir = dir.resolve("cache");
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", cacheDir.toString()))) {
      writeSettled(file, convModel(3));
      Start first = start(d, Model.load(file));
      assertEquals("miss", first.cache());
      try (Stream<Path> records = Files.list(cacheDir.resolve("files"))) {
        assertEquals(1, records.count(), "the file's digest is remembered");
      }
      Start second = start(d, Model.load(file));
      assertEquals("hit", second.cache());
      assertArrayEquals(first.output(), second.output());
      assertEquals(0, second.conversionMs(), "a remembered file is keyed without converting the partition");

      writeSettled(file, convModel(4)); // same size, other weights
      Start rewritten = start(d, Model.load(file));
      assertEquals("miss", rewritten.cache(), "a rewritten file must not hit the old entry");
      assertArrayEquals(start(d, Model.fromBytes(convModel(4))).output(), rewritten.output());
      assertEquals("hit", start(d, Model.load(file)).cache());

      try (Stream<Path> s = Files.list(cacheDir.resolve("files"))) {
        for (Path record : s.toList()) {
          Files.writeString(record, "path=" + file + "\nsize=1\nsha256=" + "00".repeat(32) + "\n");
        }
      }
      assertEquals("miss", start(d, Model.load(file)).cache(), "a record for other attributes is not used");
      assertEquals("hit", start(d, Model.load(file)).cache(), "and is replaced");
    }
  }

  /**
   * ONNX Runtime reads a mapped model's weights from its file, but only while the file is the one
   * the model was loaded from: a model whose file was rewritten since gets its weights from memory.
   */
  @Test
  void weightsAreReadFromTheModelFileOnlyWhileItIsUnchanged() throws Exception {
    Path file = dir.resolve("conv.tflite");
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"))) {
      Files.write(file, convModel(3));
      Model loaded = Model.load(file);
      float[] expected = start(d, Model.fromBytes(convModel(3))).output();
      assertArrayEquals(expected, start(d, loaded).output(), "weights read from the file");
      Path replacement = dir.resolve("conv.tflite.new");
      Files.write(replacement, convModel(4)); // same size, other weights, swapped in by a rename
      Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertArrayEquals(expected, start(d, loaded).output(), "the model keeps the weights it was loaded with");
    }
  }

  /** Writes a model file whose times are old enough to be remembered ({@link FileDigests#SETTLE_NANOS}). */
  private static void writeSettled(Path file, byte[] bytes) throws Exception {
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Thread.sleep(FileDigests.SETTLE_NANOS / 1_000_000 + 100); // the inode change time cannot be set back
  }

  @Test
  void cacheOffWritesNothing() throws Exception {
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString(), "cache", "off"))) {
      assertEquals("off", start(d, Model.fromBytes(convModel(3))).cache());
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
  }

  private static void rewrite(Path p, Consumer<byte[]> edit) {
    rewrite(p, edit, -1);
  }

  private static void rewrite(Path p, Consumer<byte[]> edit, int keep) {
    try {
      byte[] b = Files.readAllBytes(p);
      edit.accept(b);
      Files.write(p, keep < 0 ? b : java.util.Arrays.copyOf(b, keep));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void editMeta(Path meta, String prefix, String replacement) {
    try {
      List<String> lines = new ArrayList<>();
      for (String l : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
        lines.add(l.startsWith(prefix) ? replacement : l);
      }
      Files.write(meta, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
