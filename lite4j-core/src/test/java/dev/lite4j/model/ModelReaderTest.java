package dev.lite4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.ModelFormatException;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.testutil.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class ModelReaderTest {

  private static ModelBuilder addModel() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 4);
    int c = b.addConstantFloats("c", new int[] {1, 4}, 1f, 2f, 3f, 4f);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 4);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, c}, new int[] {y});
    b.addOutput(y);
    return b;
  }

  private static ModelFormatException rejects(byte[] bytes) {
    return assertThrows(ModelFormatException.class, () -> Model.fromBytes(bytes));
  }

  @Test
  void readsEveryCorpusModel() throws Exception {
    Path models = SharedData.root().resolve("models");
    try (Stream<Path> files = Files.list(models)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".tflite")).toList()) {
        Model m = Model.load(p);
        assertTrue(m.primarySubgraph().operators().size() > 0, p.toString());
      }
    }
  }

  /** Constants know where their bytes are in the file; a mapped model knows its file as it was. */
  @Test
  void mappedModelsKnowTheirFileAndConstantOffsets(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    byte[] bytes = addModel().build();
    Path file = dir.resolve("add.tflite");
    Files.write(file, bytes);
    Model m = Model.load(file);
    dev.lite4j.ModelFile f = m.file().orElseThrow();
    assertEquals(file.toAbsolutePath().normalize(), f.path());
    assertEquals(bytes.length, f.size());
    assertTrue(f.unchanged());
    TensorDef c = m.primarySubgraph().tensors().get(1);
    assertEquals(1f, ByteBuffer.wrap(bytes, (int) c.dataOffset(), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    assertEquals(4f, ByteBuffer.wrap(bytes, (int) c.dataOffset() + 12, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    assertEquals(-1, m.primarySubgraph().tensors().get(0).dataOffset(), "no data, no offset");
    assertTrue(Model.fromBytes(bytes).file().isEmpty(), "a model in memory has no file");

    Path replacement = dir.resolve("other.tflite");
    Files.write(replacement, bytes);
    Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertTrue(!f.unchanged(), "a file replaced since load is not the one the model has");
  }

  @Test
  void acceptsPersonDetectsOutOfRangeQuantizedDimension() {
    Model m = Model.load(SharedData.model("person_detect.tflite"));
    boolean found = m.primarySubgraph().tensors().stream()
        .anyMatch(t -> t.shape().length == 1 && t.quantization().quantizedDimension() == 3);
    assertTrue(found, "person_detect's rank-1 biases carry quantized_dimension 3");
  }

  @Test
  void readsMetadataSignaturesAndDescription() {
    ModelBuilder b = addModel();
    b.addSignature("serving_default", Map.of("in", 0), Map.of("out", 2));
    b.addMetadata("min_runtime_version", "1.5.0\0\0".getBytes(StandardCharsets.UTF_8));
    b.description("described");
    Model m = Model.fromBytes(b.build());
    assertEquals("described", m.description());
    assertEquals("1.5.0", m.minRuntimeVersion().orElseThrow());
    assertEquals("serving_default", m.signatures().get(0).key());
    assertEquals(java.util.List.of("in"), m.signatures().get(0).inputs());
    assertNotNull(m.metadata().get("min_runtime_version"));
  }

  @Test
  void constantsAreViewsOfTheModelBytesNotCopies() {
    ByteBuffer direct = addModel().buildBuffer();
    Model m = Model.fromBuffer(direct);
    ByteBuffer constant = m.primarySubgraph().tensors().get(1).data();
    assertTrue(constant.isDirect(), "a view into the caller's direct buffer");
    assertTrue(constant.isReadOnly());
  }

  @Test
  void rejectsTooShortAndForeignFiles() {
    assertTrue(rejects(new byte[3]).getMessage().contains("fewer than a FlatBuffer header"));
    byte[] notTflite = "PK\3\4 this is a zip, not a model".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(rejects(notTflite).getMessage().contains("expected 'TFL3'"));
  }

  @Test
  void rejectsTruncatedFile() {
    byte[] full = addModel().build();
    ModelFormatException e = rejects(Arrays.copyOf(full, full.length / 2));
    assertTrue(e.getMessage().startsWith("corrupt model") || e.getMessage().contains("length"), e.getMessage());
  }

  @Test
  void rejectsOutOfRangeTensorIndex() {
    ModelBuilder b = addModel();
    b.addOutput(57);
    assertTrue(rejects(b.build()).getMessage().contains("subgraph 0.outputs[1] is 57, outside"));
  }

  @Test
  void rejectsNegativeDimensionNamingTheTensor() {
    ModelBuilder b = addModel();
    b.tensor(2).setShape(new int[] {1, -4});
    String msg = rejects(b.build()).getMessage();
    assertTrue(msg.contains("tensor 2 'y'.shape[1] is -4"), msg);
  }

  @Test
  void rejectsAbsurdDimensions() {
    ModelBuilder b = addModel();
    b.tensor(2).setShape(new int[] {1 << 20, 1 << 20, 1 << 10});
    assertTrue(rejects(b.build()).getMessage().contains("larger than the"));
  }

  @Test
  void rejectsBufferTooSmallForShape() {
    ModelBuilder b = addModel();
    b.tensor(1).setShape(new int[] {2, 4});
    String msg = rejects(b.build()).getMessage();
    assertTrue(msg.contains("tensor 1 'c'") && msg.contains("needs 32 bytes") && msg.contains("holds 16"), msg);
  }

  @Test
  void rejectsBadBufferIndex() {
    ModelBuilder b = addModel();
    b.tensor(1).setBuffer(99);
    assertTrue(rejects(b.build()).getMessage().contains("tensor 1 'c'.buffer is 99"));
  }

  @Test
  void rejectsTensorNobodyWrites() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2);
    int ghost = b.addTensor("ghost", DataType.FLOAT32, 2);
    int y = b.addTensor("y", DataType.FLOAT32, 2);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, ghost}, new int[] {y});
    b.addOutput(y);
    String msg = rejects(b.build()).getMessage();
    assertTrue(msg.contains("node 0 (ADD) reads tensor 1 'ghost', which no earlier operator writes"), msg);
  }

  @Test
  void rejectsCycles() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2);
    int a = b.addTensor("a", DataType.FLOAT32, 2);
    int c = b.addTensor("c", DataType.FLOAT32, 2);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, c}, new int[] {a});
    b.addOperator(BuiltinOperator.ADD, new int[] {a, x}, new int[] {c});
    b.addOutput(c);
    String msg = rejects(b.build()).getMessage();
    assertTrue(msg.contains("node 0 (ADD) reads tensor 2 'c', which is written later by node 1"), msg);
  }

  @Test
  void rejectsTensorWrittenTwice() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2);
    int y = b.addTensor("y", DataType.FLOAT32, 2);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, x}, new int[] {y});
    b.addOperator(BuiltinOperator.ADD, new int[] {x, x}, new int[] {y});
    b.addOutput(y);
    assertTrue(rejects(b.build()).getMessage().contains("node 0 writes it too"));
  }

  @Test
  void rejectsBadOpcodeIndexAndHugeVectorLength() {
    byte[] bytes = addModel().build();
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    org.tensorflow.lite.schema.Model m = org.tensorflow.lite.schema.Model.getRootAsModel(bb);
    // The length word sits just before the first element of the vector.
    int shapeStart = m.subgraphs(0).tensors(0).shapeAsByteBuffer().position();
    bb.putInt(shapeStart - 4, 0x3fffffff);
    String msg = rejects(bytes).getMessage();
    assertTrue(msg.contains("tensor") && msg.contains("cannot fit in a file"), msg);
  }

  @Test
  void zeroElementTensorNobodyWritesIsAnEmptyConstant() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2);
    int axes = b.addTensor("axes", DataType.INT32, 0);
    int y = b.addTensor("y", DataType.FLOAT32, 2);
    b.addOperator(BuiltinOperator.MEAN, new int[] {x, axes}, new int[] {y});
    b.addOutput(y);
    Model m = Model.fromBytes(b.build());
    assertTrue(m.primarySubgraph().tensors().get(axes).isConstant());
  }

  @Test
  void missingFileIsAClearIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Model.load(Path.of("/no/such/model.tflite")));
    assertTrue(e.getMessage().contains("model file not found: /no/such/model.tflite"));
  }
}
