package dev.lite4j.model;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.QuantizationParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.DimensionMetadata;
import org.tensorflow.lite.schema.DimensionType;
import org.tensorflow.lite.schema.Int32Vector;
import org.tensorflow.lite.schema.Metadata;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SignatureDef;
import org.tensorflow.lite.schema.SparseIndexVector;
import org.tensorflow.lite.schema.SparsityParameters;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorMap;
import org.tensorflow.lite.schema.Uint16Vector;
import org.tensorflow.lite.schema.Uint8Vector;

/**
 * Reads and verifies a {@code .tflite} FlatBuffer. Nothing in the file is trusted: every vector
 * length is checked against the file size before anything is allocated from it, every index against
 * its table, every shape against the size cap, and any out-of-range read inside the FlatBuffers
 * accessors becomes a {@link ModelFormatException} naming the field being read.
 */
public final class ModelReader {
  /** Largest tensor a model may declare, in bytes; larger ones are taken as corrupt dimensions. */
  public static final long MAX_TENSOR_BYTES = 1L << 31;

  private static final int SCHEMA_VERSION = 3;

  private final ByteBuffer bytes;
  private final int capacity;
  private String where = "model";

  private ModelReader(ByteBuffer bytes) {
    this.bytes = bytes;
    this.capacity = bytes.capacity();
  }

  /** Reads a model from {@code bytes} (position 0 .. capacity; kept by reference, not copied). */
  public static ModelDef read(ByteBuffer bytes) {
    ByteBuffer bb = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (bb.position() != 0) {
      bb = bb.slice().order(ByteOrder.LITTLE_ENDIAN);
    }
    ModelReader reader = new ModelReader(bb);
    try {
      return reader.readModel();
    } catch (ModelFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      // IndexOutOfBounds, IllegalArgument, BufferUnderflow... from a FlatBuffers accessor.
      throw new ModelFormatException(
          "corrupt model: reading " + reader.where + " went outside the file (" + e + ")", e);
    }
  }

  private ModelDef readModel() {
    if (capacity < 8) {
      throw new ModelFormatException("not a TensorFlow Lite model: file has " + capacity
          + " bytes, fewer than a FlatBuffer header (8)");
    }
    String identifier = new String(new byte[] {bytes.get(4), bytes.get(5), bytes.get(6), bytes.get(7)},
        StandardCharsets.ISO_8859_1);
    if (!identifier.equals("TFL3")) {
      throw new ModelFormatException("not a TensorFlow Lite model: file identifier is '"
          + printable(identifier) + "', expected 'TFL3'");
    }
    where = "model root table";
    Model model = Model.getRootAsModel(bytes);
    long version = model.version();
    if (version != SCHEMA_VERSION) {
      throw new ModelFormatException("model schema version is " + version + ", Lite4j reads version "
          + SCHEMA_VERSION);
    }
    where = "model.description";
    String description = string(model.descriptionAsByteBuffer());
    List<ByteBuffer> buffers = readBuffers(model);
    List<int[]> opCodes = readOperatorCodes(model);
    List<String> customCodes = readCustomCodes(model);
    where = "model.subgraphs";
    int subgraphCount = checkLength(model.subgraphsLength(), 4, "model.subgraphs");
    if (subgraphCount == 0) {
      throw new ModelFormatException("model.subgraphs is empty: a model needs at least one subgraph");
    }
    List<SubgraphDef> subgraphs = new ArrayList<>(subgraphCount);
    for (int s = 0; s < subgraphCount; s++) {
      subgraphs.add(readSubgraph(model.subgraphs(s), s, buffers, opCodes, customCodes));
    }
    Map<String, ByteBuffer> metadata = readMetadata(model, buffers);
    List<dev.lite4j.model.SignatureDef> signatures = readSignatures(model, subgraphs);
    String minRuntime = null;
    ByteBuffer minRuntimeBuffer = metadata.get("min_runtime_version");
    if (minRuntimeBuffer != null) {
      minRuntime = string(minRuntimeBuffer.duplicate()).replace("\0", "").trim();
    }
    return new ModelDef(version, description, List.copyOf(subgraphs), List.copyOf(signatures),
        Collections.unmodifiableMap(metadata), minRuntime, bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
  }

  /** Where each buffer's data starts in the model's bytes (-1: no data). */
  private long[] bufferOffsets = new long[0];

  private List<ByteBuffer> readBuffers(Model model) {
    where = "model.buffers";
    int count = checkLength(model.buffersLength(), 4, "model.buffers");
    List<ByteBuffer> buffers = new ArrayList<>(count);
    bufferOffsets = new long[count];
    Buffer buffer = new Buffer();
    for (int i = 0; i < count; i++) {
      where = "model.buffers[" + i + "].data";
      model.buffers(buffer, i);
      ByteBuffer data = buffer.dataAsByteBuffer();
      if (data == null || !data.hasRemaining()) {
        buffers.add(null);
        bufferOffsets[i] = -1;
      } else {
        bufferOffsets[i] = data.position(); // the view's position is its offset in the model's bytes
        buffers.add(data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
      }
    }
    return buffers;
  }

  private List<int[]> readOperatorCodes(Model model) {
    int count = checkLength(model.operatorCodesLength(), 4, "model.operator_codes");
    List<int[]> codes = new ArrayList<>(count);
    OperatorCode code = new OperatorCode();
    for (int i = 0; i < count; i++) {
      where = "model.operator_codes[" + i + "]";
      model.operatorCodes(code, i);
      // As TensorFlow Lite reads them: the larger of the two fields (the old one is a byte).
      int builtin = Math.max(code.builtinCode(), code.deprecatedBuiltinCode());
      if (builtin < 0) {
        throw new ModelFormatException(where + ".builtin_code is " + builtin + ", must be >= 0");
      }
      codes.add(new int[] {builtin, code.version()});
    }
    return codes;
  }

  private List<String> readCustomCodes(Model model) {
    int count = model.operatorCodesLength();
    List<String> customs = new ArrayList<>(count);
    OperatorCode code = new OperatorCode();
    for (int i = 0; i < count; i++) {
      where = "model.operator_codes[" + i + "].custom_code";
      model.operatorCodes(code, i);
      customs.add(string(code.customCodeAsByteBuffer()));
    }
    return customs;
  }

  private SubgraphDef readSubgraph(SubGraph sg, int s, List<ByteBuffer> buffers, List<int[]> opCodes,
      List<String> customCodes) {
    String sgName = "subgraph " + s;
    where = sgName + ".name";
    String name = string(sg.nameAsByteBuffer());
    int tensorCount = checkLength(sg.tensorsLength(), 4, sgName + ".tensors");
    List<TensorDef> tensors = new ArrayList<>(tensorCount);
    Tensor t = new Tensor();
    for (int i = 0; i < tensorCount; i++) {
      where = sgName + ".tensors[" + i + "]";
      tensors.add(readTensor(sg.tensors(t, i), i, buffers));
    }
    where = sgName + ".inputs";
    int[] inputs = tensorIndices(sg.inputsLength(), sg::inputs, tensorCount, sgName + ".inputs", false);
    where = sgName + ".outputs";
    int[] outputs = tensorIndices(sg.outputsLength(), sg::outputs, tensorCount, sgName + ".outputs", false);
    int opCount = checkLength(sg.operatorsLength(), 4, sgName + ".operators");
    List<OperatorDef> operators = new ArrayList<>(opCount);
    for (int i = 0; i < opCount; i++) {
      where = sgName + ".operators[" + i + "]";
      operators.add(readOperator(sg.operators(new Operator(), i), i, tensorCount, opCodes, customCodes));
    }
    SubgraphDef def = new SubgraphDef(name, List.copyOf(tensors), inputs, outputs, List.copyOf(operators));
    GraphChecks.check(def, sgName);
    return withEmptyConstants(def);
  }

  /** Zero-element tensors nobody writes become constants with no bytes (see GraphChecks.isEmptyConstant). */
  private static SubgraphDef withEmptyConstants(SubgraphDef def) {
    boolean[] empty = GraphChecks.emptyConstants(def);
    List<TensorDef> tensors = new ArrayList<>(def.tensors());
    boolean changed = false;
    for (int i = 0; i < empty.length; i++) {
      if (empty[i]) {
        TensorDef t = tensors.get(i);
        tensors.set(i, new TensorDef(t.index(), t.name(), t.type(), t.shape(), t.shapeSignature(),
            ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), t.quantization(),
            false, t.sparsity(), -1));
        changed = true;
      }
    }
    return changed ? new SubgraphDef(def.name(), List.copyOf(tensors), def.inputs(), def.outputs(),
        def.operators()) : def;
  }

  private TensorDef readTensor(Tensor t, int index, List<ByteBuffer> buffers) {
    String tensorWhere = where;
    where = tensorWhere + ".name";
    String name = string(t.nameAsByteBuffer());
    String label = "tensor " + index + " '" + name + "'";
    where = label + ".type";
    DataType type = DataType.fromSchemaCode(t.type());
    if (type == null) {
      throw new ModelFormatException(label + " has type code " + t.type()
          + ", which Lite4j does not support (FLOAT32, FLOAT16, INT8, UINT8, INT16, INT32, INT64, BOOL, STRING, COMPLEX64)");
    }
    where = label + ".shape";
    int[] shape = dims(t.shapeLength(), t::shape, label + ".shape", false);
    where = label + ".shape_signature";
    int[] signature = t.shapeSignatureLength() == 0 ? shape.clone()
        : dims(t.shapeSignatureLength(), t::shapeSignature, label + ".shape_signature", true);
    long elements = elementCount(shape, label);
    long bufferIndex = t.buffer();
    if (bufferIndex < 0 || bufferIndex >= Math.max(1, buffers.size())) {
      throw new ModelFormatException(label + ".buffer is " + bufferIndex + ", outside model.buffers (size "
          + buffers.size() + ")");
    }
    ByteBuffer data = buffers.isEmpty() ? null : buffers.get((int) bufferIndex);
    where = label + ".quantization";
    QuantizationParams quant = readQuantization(t.quantization(), label, shape.length);
    where = label + ".sparsity";
    Sparsity sparsity = t.sparsity() == null ? null : readSparsity(t.sparsity(), label);
    if (data != null && sparsity == null && type != DataType.STRING) {
      long needed = elements * type.byteSize();
      if (data.remaining() < needed) {
        throw new ModelFormatException(label + " of shape " + Arrays.toString(shape) + " " + type
            + " needs " + needed + " bytes, but its buffer " + bufferIndex + " holds " + data.remaining());
      }
    }
    where = label + ".is_variable";
    long offset = data == null || bufferIndex >= bufferOffsets.length ? -1 : bufferOffsets[(int) bufferIndex];
    return new TensorDef(index, name, type, shape, signature, data, quant, t.isVariable(), sparsity, offset);
  }

  private static long elementCount(int[] shape, String label) {
    long elements = 1;
    for (int d : shape) {
      elements *= d;
      if (elements * 8 > MAX_TENSOR_BYTES) {
        throw new ModelFormatException(label + " has shape " + Arrays.toString(shape)
            + ", larger than the " + MAX_TENSOR_BYTES + "-byte limit for one tensor");
      }
    }
    return elements;
  }

  private QuantizationParams readQuantization(QuantizationParameters q, String label, int rank) {
    if (q == null) {
      return QuantizationParams.NONE;
    }
    int n = checkLength(q.scaleLength(), 4, label + ".quantization.scale");
    float[] scales = new float[n];
    for (int i = 0; i < n; i++) {
      scales[i] = q.scale(i);
    }
    int nz = checkLength(q.zeroPointLength(), 8, label + ".quantization.zero_point");
    long[] zeroPoints = new long[nz];
    for (int i = 0; i < nz; i++) {
      zeroPoints[i] = q.zeroPoint(i);
    }
    if (n == 0) {
      return QuantizationParams.NONE;
    }
    if (nz != 0 && nz != n) {
      throw new ModelFormatException(label + ".quantization has " + n + " scales but " + nz
          + " zero points; the counts must match");
    }
    // quantized_dimension may be out of range on rank-1 tensors (person_detect's biases carry 3):
    // harmless, as TensorFlow Lite Micro treats it: the channel count comes from the scales array.
    int dim = q.quantizedDimension();
    return new QuantizationParams(scales[0], nz == 0 ? 0 : (int) zeroPoints[0], scales, zeroPoints, dim);
  }

  private Sparsity readSparsity(SparsityParameters sp, String label) {
    int[] order = ints(sp.traversalOrderLength(), sp::traversalOrder, label + ".sparsity.traversal_order");
    int[] blockMap = ints(sp.blockMapLength(), sp::blockMap, label + ".sparsity.block_map");
    int n = checkLength(sp.dimMetadataLength(), 4, label + ".sparsity.dim_metadata");
    List<Sparsity.Dimension> dims = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String dimLabel = label + ".sparsity.dim_metadata[" + i + "]";
      where = dimLabel;
      DimensionMetadata dm = sp.dimMetadata(i);
      if (dm.format() == DimensionType.DENSE) {
        dims.add(new Sparsity.Dimension(true, dm.denseSize(), new int[0], new int[0]));
      } else {
        int[] segments = indexVector(dm.arraySegmentsType(), dm::arraySegments, dimLabel + ".array_segments");
        int[] indices = indexVector(dm.arrayIndicesType(), dm::arrayIndices, dimLabel + ".array_indices");
        dims.add(new Sparsity.Dimension(false, dm.denseSize(), segments, indices));
      }
    }
    return new Sparsity(order, blockMap, List.copyOf(dims));
  }

  private int[] indexVector(byte type, java.util.function.UnaryOperator<com.google.flatbuffers.Table> get,
      String label) {
    switch (type) {
      case SparseIndexVector.Int32Vector -> {
        Int32Vector v = (Int32Vector) get.apply(new Int32Vector());
        return ints(v.valuesLength(), v::values, label);
      }
      case SparseIndexVector.Uint16Vector -> {
        Uint16Vector v = (Uint16Vector) get.apply(new Uint16Vector());
        int n = checkLength(v.valuesLength(), 2, label);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = v.values(i);
        }
        return out;
      }
      case SparseIndexVector.Uint8Vector -> {
        Uint8Vector v = (Uint8Vector) get.apply(new Uint8Vector());
        int n = checkLength(v.valuesLength(), 1, label);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = v.values(i);
        }
        return out;
      }
      default -> throw new ModelFormatException(label + " has index vector type " + type
          + "; expected Int32Vector, Uint16Vector or Uint8Vector");
    }
  }

  private OperatorDef readOperator(Operator op, int index, int tensorCount, List<int[]> opCodes,
      List<String> customCodes) {
    String label = where;
    long codeIndex = op.opcodeIndex();
    if (codeIndex < 0 || codeIndex >= opCodes.size()) {
      throw new ModelFormatException(label + ".opcode_index is " + codeIndex
          + ", outside model.operator_codes (size " + opCodes.size() + ")");
    }
    int[] code = opCodes.get((int) codeIndex);
    String opLabel = label + " (" + OpNames.name(code[0], customCodes.get((int) codeIndex)) + ")";
    where = opLabel + ".inputs";
    int[] inputs = tensorIndices(op.inputsLength(), op::inputs, tensorCount, opLabel + ".inputs", true);
    where = opLabel + ".outputs";
    int[] outputs = tensorIndices(op.outputsLength(), op::outputs, tensorCount, opLabel + ".outputs", true);
    where = opLabel + ".intermediates";
    int[] intermediates = tensorIndices(op.intermediatesLength(), op::intermediates, tensorCount,
        opLabel + ".intermediates", true);
    where = opLabel + ".builtin_options";
    byte optionsType = op.builtinOptionsType();
    return new OperatorDef(index, code[0], customCodes.get((int) codeIndex), code[1], inputs, outputs,
        intermediates, optionsType, op);
  }

  private Map<String, ByteBuffer> readMetadata(Model model, List<ByteBuffer> buffers) {
    where = "model.metadata";
    int n = checkLength(model.metadataLength(), 4, "model.metadata");
    Map<String, ByteBuffer> out = new LinkedHashMap<>();
    Metadata m = new Metadata();
    for (int i = 0; i < n; i++) {
      where = "model.metadata[" + i + "]";
      model.metadata(m, i);
      String name = string(m.nameAsByteBuffer());
      long buffer = m.buffer();
      if (buffer < 0 || buffer >= buffers.size()) {
        throw new ModelFormatException("model.metadata[" + i + "] '" + name + "'.buffer is " + buffer
            + ", outside model.buffers (size " + buffers.size() + ")");
      }
      ByteBuffer data = buffers.get((int) buffer);
      out.put(name, data == null ? ByteBuffer.allocate(0).asReadOnlyBuffer() : data);
    }
    return out;
  }

  private List<dev.lite4j.model.SignatureDef> readSignatures(Model model, List<SubgraphDef> subgraphs) {
    where = "model.signature_defs";
    int n = checkLength(model.signatureDefsLength(), 4, "model.signature_defs");
    List<dev.lite4j.model.SignatureDef> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String label = "model.signature_defs[" + i + "]";
      where = label;
      SignatureDef sd = model.signatureDefs(i);
      String key = string(sd.signatureKeyAsByteBuffer());
      long sg = sd.subgraphIndex();
      if (sg < 0 || sg >= subgraphs.size()) {
        throw new ModelFormatException(label + " '" + key + "'.subgraph_index is " + sg
            + ", outside model.subgraphs (size " + subgraphs.size() + ")");
      }
      int tensorCount = subgraphs.get((int) sg).tensors().size();
      Map<String, Integer> inputs = tensorMap(sd.inputsLength(), sd::inputs, tensorCount, label + ".inputs");
      Map<String, Integer> outputs = tensorMap(sd.outputsLength(), sd::outputs, tensorCount, label + ".outputs");
      out.add(new dev.lite4j.model.SignatureDef(key, (int) sg, inputs, outputs));
    }
    return out;
  }

  private Map<String, Integer> tensorMap(int length, java.util.function.IntFunction<TensorMap> get,
      int tensorCount, String label) {
    int n = checkLength(length, 4, label);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      where = label + "[" + i + "]";
      TensorMap tm = get.apply(i);
      String name = string(tm.nameAsByteBuffer());
      long index = tm.tensorIndex();
      if (index < 0 || index >= tensorCount) {
        throw new ModelFormatException(label + "[" + i + "] '" + name + "'.tensor_index is " + index
            + ", outside the subgraph's tensors (size " + tensorCount + ")");
      }
      out.put(name, (int) index);
    }
    return Collections.unmodifiableMap(out);
  }

  private int[] tensorIndices(int length, java.util.function.IntUnaryOperator get, int tensorCount,
      String label, boolean optionalAllowed) {
    int[] out = ints(length, get, label);
    for (int i = 0; i < out.length; i++) {
      int v = out[i];
      boolean optional = optionalAllowed && v == -1;
      if (!optional && (v < 0 || v >= tensorCount)) {
        throw new ModelFormatException(label + "[" + i + "] is " + v + ", outside the subgraph's tensors (size "
            + tensorCount + ")");
      }
    }
    return out;
  }

  private int[] dims(int length, java.util.function.IntUnaryOperator get, String label, boolean allowUnknown) {
    int[] out = ints(length, get, label);
    if (out.length > 8) {
      throw new ModelFormatException(label + " has rank " + out.length + "; Lite4j supports rank <= 8");
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] < 0 && !(allowUnknown && out[i] == -1)) {
        throw new ModelFormatException(label + "[" + i + "] is " + out[i] + "; dimensions must be >= 0"
            + (allowUnknown ? " (or -1 for unknown)" : ""));
      }
    }
    return out;
  }

  private int[] ints(int length, java.util.function.IntUnaryOperator get, String label) {
    int n = checkLength(length, 4, label);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = get.applyAsInt(i);
    }
    return out;
  }

  /** A vector length read from the file, checked against the file before anything is sized from it. */
  private int checkLength(int length, int elementBytes, String label) {
    if (length < 0 || (long) length * elementBytes > capacity) {
      throw new ModelFormatException(label + " has length " + length + ", which cannot fit in a file of "
          + capacity + " bytes");
    }
    return length;
  }

  private static String string(ByteBuffer utf8) {
    if (utf8 == null) {
      return "";
    }
    return StandardCharsets.UTF_8.decode(utf8.duplicate()).toString();
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return b.toString();
  }
}
