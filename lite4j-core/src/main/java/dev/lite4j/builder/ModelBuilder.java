package dev.lite4j.builder;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.lite4j.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.MetadataT;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.SignatureDefT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorMapT;
import org.tensorflow.lite.schema.TensorT;

/**
 * Writes {@code .tflite} models in memory: tensors, constant buffers, operators with options,
 * signatures and metadata, one subgraph. Options are the schema's object-API classes
 * ({@code new Conv2DOptionsT()}), whose union type is found from the class name.
 *
 * <pre>
 *   ModelBuilder b = new ModelBuilder();
 *   int x = b.addInput("x", DataType.FLOAT32, 1, 4);
 *   int y = b.addTensor("y", DataType.FLOAT32, 1, 4);
 *   b.addOperator(BuiltinOperator.RELU, new int[] {x}, new int[] {y});
 *   b.addOutput(y);
 *   byte[] tflite = b.build();
 * </pre>
 */
public final class ModelBuilder {
  private final List<TensorT> tensors = new ArrayList<>();
  private final List<BufferT> buffers = new ArrayList<>();
  private final List<OperatorT> operators = new ArrayList<>();
  private final List<OperatorCodeT> opCodes = new ArrayList<>();
  private final List<Integer> inputs = new ArrayList<>();
  private final List<Integer> outputs = new ArrayList<>();
  private final List<SignatureDefT> signatures = new ArrayList<>();
  private final List<MetadataT> metadata = new ArrayList<>();
  private String description = "Lite4j ModelBuilder";

  public ModelBuilder() {
    buffers.add(new BufferT()); // buffer 0: the empty buffer, by convention
  }

  public ModelBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** Adds a tensor without data (an activation); returns its index. */
  public int addTensor(String name, DataType type, int... shape) {
    TensorT t = new TensorT();
    t.setName(name);
    t.setType((byte) type.schemaCode());
    t.setShape(shape.clone());
    t.setBuffer(0);
    tensors.add(t);
    return tensors.size() - 1;
  }

  /** Adds a tensor and makes it the next subgraph input. */
  public int addInput(String name, DataType type, int... shape) {
    int t = addTensor(name, type, shape);
    inputs.add(t);
    return t;
  }

  /** Makes an existing tensor the next subgraph output. */
  public ModelBuilder addOutput(int tensor) {
    outputs.add(tensor);
    return this;
  }

  /** Marks a tensor as the next subgraph input. */
  public ModelBuilder markInput(int tensor) {
    inputs.add(tensor);
    return this;
  }

  /** Adds a variable tensor (state kept between runs, e.g. LSTM). */
  public int addVariable(String name, DataType type, int... shape) {
    int t = addTensor(name, type, shape);
    tensors.get(t).setIsVariable(true);
    return t;
  }

  /** Adds a constant tensor with raw little-endian bytes. */
  public int addConstant(String name, DataType type, int[] shape, byte[] littleEndianBytes) {
    int t = addTensor(name, type, shape);
    BufferT buf = new BufferT();
    buf.setData(unsigned(littleEndianBytes));
    buffers.add(buf);
    tensors.get(t).setBuffer(buffers.size() - 1);
    return t;
  }

  public int addConstantFloats(String name, int[] shape, float... values) {
    ByteBuffer b = le(values.length * 4);
    for (float v : values) {
      b.putFloat(v);
    }
    return addConstant(name, DataType.FLOAT32, shape, b.array());
  }

  /** A FLOAT16 constant holding {@code values} rounded to half precision. */
  public int addConstantFloat16(String name, int[] shape, float... values) {
    ByteBuffer b = le(values.length * 2);
    for (float v : values) {
      b.putShort(Float.floatToFloat16(v));
    }
    return addConstant(name, DataType.FLOAT16, shape, b.array());
  }

  public int addConstantInts(String name, int[] shape, int... values) {
    ByteBuffer b = le(values.length * 4);
    for (int v : values) {
      b.putInt(v);
    }
    return addConstant(name, DataType.INT32, shape, b.array());
  }

  public int addConstantLongs(String name, int[] shape, long... values) {
    ByteBuffer b = le(values.length * 8);
    for (long v : values) {
      b.putLong(v);
    }
    return addConstant(name, DataType.INT64, shape, b.array());
  }

  public int addConstantBools(String name, int[] shape, boolean... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) (values[i] ? 1 : 0);
    }
    return addConstant(name, DataType.BOOL, shape, b);
  }

  /** Sets per-tensor quantization. */
  public ModelBuilder setQuantization(int tensor, float scale, long zeroPoint) {
    return setQuantization(tensor, new float[] {scale}, new long[] {zeroPoint}, 0);
  }

  /** Sets per-channel quantization along {@code dimension}. */
  public ModelBuilder setQuantization(int tensor, float[] scales, long[] zeroPoints, int dimension) {
    QuantizationParametersT q = new QuantizationParametersT();
    q.setScale(scales.clone());
    q.setZeroPoint(zeroPoints.clone());
    q.setQuantizedDimension(dimension);
    tensors.get(tensor).setQuantization(q);
    return this;
  }

  /** Sets a tensor's shape signature (-1 marks dimensions that may change). */
  public ModelBuilder setShapeSignature(int tensor, int... signature) {
    tensors.get(tensor).setShapeSignature(signature.clone());
    return this;
  }

  /** Direct access to a tensor's schema object, for fields this builder has no method for (sparsity). */
  public TensorT tensor(int index) {
    return tensors.get(index);
  }

  public int addOperator(int builtinCode, int[] in, int[] out) {
    return addOperator(builtinCode, 1, in, out, null);
  }

  public int addOperator(int builtinCode, int[] in, int[] out, Object options) {
    return addOperator(builtinCode, 1, in, out, options);
  }

  /**
   * Adds an operator node; {@code options} is a schema object-API options object (e.g.
   * {@code Conv2DOptionsT}) or null. Optional inputs left out are -1.
   */
  public int addOperator(int builtinCode, int version, int[] in, int[] out, Object options) {
    OperatorT op = new OperatorT();
    op.setOpcodeIndex(opcodeIndex(builtinCode, version));
    op.setInputs(in.clone());
    op.setOutputs(out.clone());
    if (options != null) {
      BuiltinOptionsUnion u = new BuiltinOptionsUnion();
      u.setType(optionsType(options));
      u.setValue(options);
      op.setBuiltinOptions(u);
    }
    operators.add(op);
    return operators.size() - 1;
  }

  /** Sets a node's intermediate tensors (used by some LSTM variants). */
  public ModelBuilder setIntermediates(int node, int... tensorIndices) {
    operators.get(node).setIntermediates(tensorIndices.clone());
    return this;
  }

  private long opcodeIndex(int builtinCode, int version) {
    for (int i = 0; i < opCodes.size(); i++) {
      OperatorCodeT c = opCodes.get(i);
      if (c.getBuiltinCode() == builtinCode && c.getVersion() == version) {
        return i;
      }
    }
    OperatorCodeT c = new OperatorCodeT();
    c.setBuiltinCode(builtinCode);
    // Old readers look at the byte-sized field only; it holds codes below 127 (PLACEHOLDER otherwise).
    c.setDeprecatedBuiltinCode((byte) Math.min(builtinCode, 127));
    c.setVersion(version);
    opCodes.add(c);
    return opCodes.size() - 1;
  }

  private static byte optionsType(Object options) {
    String name = options.getClass().getSimpleName();
    if (!name.endsWith("T")) {
      throw new IllegalArgumentException(name + " is not a schema object-API options class");
    }
    String union = name.substring(0, name.length() - 1);
    String[] names = BuiltinOptions.names;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(union)) {
        return (byte) i;
      }
    }
    throw new IllegalArgumentException(union + " is not a member of the BuiltinOptions union");
  }

  /** Adds a signature mapping names to tensor indices of the subgraph. */
  public ModelBuilder addSignature(String key, Map<String, Integer> sigInputs, Map<String, Integer> sigOutputs) {
    SignatureDefT s = new SignatureDefT();
    s.setSignatureKey(key);
    s.setSubgraphIndex(0);
    s.setInputs(tensorMaps(sigInputs));
    s.setOutputs(tensorMaps(sigOutputs));
    signatures.add(s);
    return this;
  }

  private static TensorMapT[] tensorMaps(Map<String, Integer> map) {
    List<TensorMapT> out = new ArrayList<>();
    map.forEach((name, index) -> {
      TensorMapT m = new TensorMapT();
      m.setName(name);
      m.setTensorIndex(index);
      out.add(m);
    });
    return out.toArray(new TensorMapT[0]);
  }

  /** Adds a named metadata buffer (e.g. "min_runtime_version"). */
  public ModelBuilder addMetadata(String name, byte[] data) {
    BufferT buf = new BufferT();
    buf.setData(unsigned(data));
    buffers.add(buf);
    MetadataT m = new MetadataT();
    m.setName(name);
    m.setBuffer(buffers.size() - 1);
    metadata.add(m);
    return this;
  }

  public int tensorCount() {
    return tensors.size();
  }

  /** Serialises the model as a {@code .tflite} file image. */
  public byte[] build() {
    SubGraphT sg = new SubGraphT();
    sg.setName("main");
    sg.setTensors(tensors.toArray(new TensorT[0]));
    sg.setInputs(inputs.stream().mapToInt(Integer::intValue).toArray());
    sg.setOutputs(outputs.stream().mapToInt(Integer::intValue).toArray());
    sg.setOperators(operators.toArray(new OperatorT[0]));
    ModelT m = new ModelT();
    m.setVersion(3);
    m.setDescription(description);
    m.setOperatorCodes(opCodes.toArray(new OperatorCodeT[0]));
    m.setSubgraphs(new SubGraphT[] {sg});
    m.setBuffers(buffers.toArray(new BufferT[0]));
    m.setMetadata(metadata.toArray(new MetadataT[0]));
    m.setSignatureDefs(signatures.toArray(new SignatureDefT[0]));
    FlatBufferBuilder fbb = new FlatBufferBuilder(1024);
    int root = Model.pack(fbb, m);
    fbb.finish(root, "TFL3");
    return fbb.sizedByteArray();
  }

  /** The model as a buffer (for {@code new Interpreter(ByteBuffer)}). */
  public ByteBuffer buildBuffer() {
    byte[] bytes = build();
    ByteBuffer b = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
    b.put(bytes).flip();
    return b;
  }

  /** The object API holds ubyte vectors as int[]. */
  private static int[] unsigned(byte[] bytes) {
    int[] out = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] & 0xff;
    }
    return out;
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
