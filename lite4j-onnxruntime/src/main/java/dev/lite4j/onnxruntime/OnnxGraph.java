package dev.lite4j.onnxruntime;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.lite4j.DataType;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph under construction, with the layout of every TensorFlow Lite tensor tracked.
 *
 * <p>TensorFlow Lite is NHWC; ONNX's Conv, pools, Resize and DepthToSpace are NCHW. A rank-4 tensor
 * may exist in its TensorFlow Lite layout (value {@code t<index>}), in NCHW (value
 * {@code t<index>_nchw}), or both; {@link #tf} and {@link #nchw} hand out the form an op needs and
 * add the one Transpose that makes it the first time it is asked for. Partition inputs arrive and
 * outputs leave in the TensorFlow Lite layout, so a chain of NCHW ops pays one transpose at each end.
 *
 * <p>Float constants (weights) are not copied while the graph is built: they stay references to the
 * model's bytes with the permutation they need ({@link Weight}), so the cache key can be computed
 * from the graph structure and the source bytes, and the data is only laid out when the model is
 * serialized (a cache miss).
 */
final class OnnxGraph {
  static final int OPSET = 17;
  /** IR version 8 (ONNX 1.10) is enough for opset 17 and read by every ONNX Runtime since 1.10. */
  static final long IR_VERSION = 8;

  /** NHWC -> NCHW and back. */
  static final int[] TO_NCHW = {0, 3, 1, 2};
  static final int[] TO_NHWC = {0, 2, 3, 1};

  /**
   * A float32 initializer made from a TensorFlow Lite constant: its bytes {@code source}
   * (little-endian, in the constant's own order) with ONNX dimensions {@code dims}; {@code owner} is
   * the constant's definition (where its bytes are in the model file).
   */
  record Weight(String name, int[] dims, ByteBuffer source, Object owner) {}

  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("lite4j_partition");
  private final List<Weight> weights = new ArrayList<>();
  private final Map<Integer, String> tfForm = new HashMap<>();
  private final Map<Integer, String> nchwForm = new HashMap<>();
  private final Map<String, String> smallConstants = new HashMap<>();
  private final java.util.Set<String> weightNames = new java.util.HashSet<>();
  private int counter;

  // ---- graph edges ----

  /** Declares a partition input: a float32 graph input in TensorFlow Lite layout. */
  void addInput(TensorBuffer t) {
    String name = tfName(t);
    graph.addInput(valueInfo(name, t.shape()));
    tfForm.put(t.index(), name);
  }

  /** Declares a partition output: the tensor in TensorFlow Lite layout becomes a graph output. */
  void addOutput(TensorBuffer t) {
    graph.addOutput(valueInfo(tf(t), t.shape()));
  }

  static String tfName(TensorBuffer t) {
    return "t" + t.index();
  }

  private static ValueInfoProto valueInfo(String name, int[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (int d : shape) {
      s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    TypeProto type = TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))
        .build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  // ---- layouts ----

  /** Whether the tensor's value is at hand in NCHW (made by an NCHW op), so NCHW consumers need no transpose. */
  boolean inNchw(TensorBuffer t) {
    return nchwForm.containsKey(t.index());
  }

  /** The tensor in its TensorFlow Lite layout (constants become initializers as they are). */
  String tf(TensorBuffer t) {
    String name = tfForm.get(t.index());
    if (name != null) {
      return name;
    }
    if (t.isConstant()) {
      name = tfName(t);
      addWeight(name, t.shape(), t, t.shape(), null);
    } else {
      String nchw = nchwForm.get(t.index());
      if (nchw == null) {
        throw new IllegalStateException(t + " is used before it is made in the ONNX graph");
      }
      name = tfName(t);
      relayout(nchw, permute(t.shape(), TO_NCHW), TO_NHWC, t.shape(), name);
    }
    tfForm.put(t.index(), name);
    return name;
  }

  /** The rank-4 tensor in NCHW. */
  String nchw(TensorBuffer t) {
    if (t.rank() != 4) {
      throw new IllegalStateException(t + " has rank " + t.rank() + ", not 4: no NCHW form");
    }
    String name = nchwForm.get(t.index());
    if (name != null) {
      return name;
    }
    name = tfName(t) + "_nchw";
    if (t.isConstant()) {
      addWeight(name, permute(t.shape(), TO_NCHW), t, t.shape(), TO_NCHW);
    } else {
      relayout(tf(t), t.shape(), TO_NCHW, permute(t.shape(), TO_NCHW), name);
    }
    nchwForm.put(t.index(), name);
    return name;
  }

  /**
   * Transposes {@code value} (of {@code shape}) by {@code perm} into {@code out}; a Reshape when the
   * permutation only moves dimensions of size 1 ([1, 1, 1, C] and [1, C, 1, 1] hold the same bytes).
   */
  private void relayout(String value, int[] shape, int[] perm, int[] outShape, String out) {
    if (keepsOrder(shape, perm)) {
      node("Reshape", List.of(value, int64s(toLongs(outShape))), out);
    } else {
      node("Transpose", List.of(value), out, ints("perm", perm));
    }
  }

  /**
   * An operand of a broadcasting op computed in NCHW whose output has rank 4: rank-4 operands in
   * NCHW; single values as they are; lower-rank operands (which broadcast against the trailing NHWC
   * dimensions) padded with leading 1s to rank 4, then moved to NCHW.
   */
  String broadcastOperandNchw(TensorBuffer t) {
    if (t.rank() == 4) {
      return nchw(t);
    }
    if (t.numElements() == 1) {
      return tf(t);
    }
    int[] padded = padTo4(t.shape());
    if (t.isConstant()) {
      String name = tfName(t) + "_nchw4";
      addWeight(name, permute(padded, TO_NCHW), t, padded, TO_NCHW);
      return name;
    }
    String reshaped = node("Reshape", List.of(tf(t), int64s(toLongs(padded))), fresh("rank4"));
    return node("Transpose", List.of(reshaped), fresh("nchw"), ints("perm", TO_NCHW));
  }

  static int[] padTo4(int[] shape) {
    int[] out = new int[4];
    Arrays.fill(out, 1);
    System.arraycopy(shape, 0, out, 4 - shape.length, shape.length);
    return out;
  }

  /** Records {@code name} as the NCHW form of {@code t} (the op that makes it wrote it there). */
  String nchwOut(TensorBuffer t) {
    String name = tfName(t) + "_nchw";
    nchwForm.put(t.index(), name);
    return name;
  }

  /** The name an op writes {@code t} to in its TensorFlow Lite layout. */
  String tfOut(TensorBuffer t) {
    String name = tfName(t);
    tfForm.put(t.index(), name);
    return name;
  }

  /** The NHWC axis {@code axis} (non-negative, of a rank-4 tensor) as an NCHW axis. */
  static int nchwAxis(int axis) {
    return switch (axis) {
      case 0 -> 0;
      case 1 -> 2;
      case 2 -> 3;
      default -> 1;
    };
  }

  static int[] permute(int[] shape, int[] perm) {
    int[] out = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = shape[perm[i]];
    }
    return out;
  }

  // ---- nodes and constants ----

  String fresh(String hint) {
    return hint + "_" + (counter++);
  }

  /** Adds a node with one output and returns that output's name. */
  String node(String op, List<String> inputs, String output, AttributeProto... attributes) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + (counter++));
    n.addAllInput(inputs);
    n.addOutput(output);
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return output;
  }

  /** Adds a node with several outputs. */
  void node(String op, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + (counter++));
    n.addAllInput(inputs);
    n.addAllOutput(outputs);
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
  }

  /**
   * A float32 initializer {@code name} from a constant tensor, permuted by {@code perm} (null: as is).
   * A permutation that moves data is a Transpose node over the weight in its source layout, which
   * ONNX Runtime's constant folding carries out natively when it makes the session: no weight is
   * transposed in Java (slow while a fresh JVM still interprets), and every weight keeps the bytes
   * of the model, so a model file can supply all of them as external data.
   */
  void addWeight(String name, int[] dims, TensorBuffer t, int[] sourceShape, int[] perm) {
    if (t.type() != DataType.FLOAT32) {
      throw new IllegalStateException(t + " is not float32");
    }
    if (!weightNames.add(name)) {
      return; // a constant shared by several nodes is laid out once
    }
    ByteBuffer src = t.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    src.limit((int) t.numBytes());
    if (perm == null || keepsOrder(sourceShape, perm)) {
      weights.add(new Weight(name, dims.clone(), src, t.def()));
      return;
    }
    String source = name + "_src";
    weights.add(new Weight(source, sourceShape.clone(), src, t.def()));
    node("Transpose", List.of(source), name, ints("perm", perm));
  }

  /** A small int64 constant (shapes, pads, axes), deduplicated by value. */
  String int64s(long... values) {
    String key = "i64" + Arrays.toString(values);
    String name = smallConstants.get(key);
    if (name == null) {
      name = fresh("i64");
      ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (long v : values) {
        b.putLong(v);
      }
      graph.addInitializer(TensorProto.newBuilder().setName(name)
          .setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length)
          .setRawData(ByteString.copyFrom(b.array())));
      smallConstants.put(key, name);
    }
    return name;
  }

  /** A float32 scalar constant, deduplicated by value. */
  String scalar(float value) {
    String key = "f32:" + Float.floatToRawIntBits(value);
    String name = smallConstants.get(key);
    if (name == null) {
      name = fresh("f32");
      ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, value);
      graph.addInitializer(TensorProto.newBuilder().setName(name)
          .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(b.array())));
      smallConstants.put(key, name);
    }
    return name;
  }

  static long[] toLongs(int[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  // ---- attributes ----

  static AttributeProto ints(String name, int... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
    for (int v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto i(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  static AttributeProto f(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
  }

  static AttributeProto s(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value)).build();
  }

  // ---- output ----

  List<Weight> weights() {
    return weights;
  }

  /** The model without the float weights' data: what the cache key hashes (with the weights' source bytes). */
  ModelProto structure() {
    GraphProto.Builder g = graph.clone();
    for (Weight w : weights) {
      g.addInitializer(initializer(w));
    }
    return model(g);
  }

  /** The complete model, every weight inline. */
  ModelProto build() {
    return build(null);
  }

  /** Each weight's bytes to put in the protobuf (null for those {@code file} holds): views, not copies. */
  private List<ByteString> inlineData(dev.lite4j.ModelFile file) {
    ByteString[] out = new ByteString[weights.size()];
    for (int i = 0; i < out.length; i++) {
      Weight w = weights.get(i);
      if (file == null || !storedAsIs(w)) {
        out[i] = UnsafeByteOperations.unsafeWrap(w.source().duplicate());
      }
    }
    return Arrays.asList(out);
  }

  /**
   * The complete model, except that the weights stored in {@code file} (float32 constants of the
   * model's own buffers: every weight keeps the model's bytes, see {@link #addWeight}) are ONNX
   * external data at their offset in that file instead of bytes in the protobuf: ONNX Runtime reads
   * them from the file (the page cache, which mapping the model filled), so megabytes of serialising
   * here and of parsing there fall away. Weights computed at load (float16 widened) stay inline. The
   * session must be told the file's folder
   * ({@code session.model_external_initializers_file_folder_path}). With a null {@code file}, every
   * weight is inline.
   */
  ModelProto build(dev.lite4j.ModelFile file) {
    List<ByteString> data = inlineData(file);
    GraphProto.Builder g = graph.clone();
    for (int i = 0; i < weights.size(); i++) {
      Weight w = weights.get(i);
      TensorProto.Builder t = initializer(w);
      if (data.get(i) == null) {
        t.setDataLocation(TensorProto.DataLocation.EXTERNAL);
        t.addExternalData(entry("location", file.path().getFileName().toString()));
        t.addExternalData(entry("offset", Long.toString(((dev.lite4j.model.TensorDef) w.owner()).dataOffset())));
        t.addExternalData(entry("length", Integer.toString(w.source().remaining())));
      } else {
        t.setRawData(data.get(i));
      }
      g.addInitializer(t);
    }
    return model(g);
  }

  /** A float32 initializer's name, type and dimensions (no data yet). */
  private static TensorProto.Builder initializer(Weight w) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(w.name()).setDataType(TensorProto.DataType.FLOAT_VALUE);
    for (int d : w.dims()) {
      t.addDims(d);
    }
    return t;
  }

  /** Whether the weight's bytes are a constant of the model file. */
  private static boolean storedAsIs(Weight w) {
    return w.owner() instanceof dev.lite4j.model.TensorDef d && d.isConstant() && d.dataOffset() >= 0
        && d.sparsity() == null && d.type() == DataType.FLOAT32;
  }

  private static ai.onnx.proto.OnnxMl.StringStringEntryProto entry(String key, String value) {
    return ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  private static ModelProto model(GraphProto.Builder g) {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("lite4j")
        .setProducerVersion(OnnxConverter.VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(g)
        .build();
  }

  /**
   * Adds the weights' names, shapes, permutations and source bytes (tree-hashed, {@link ContentHash};
   * remembered per tensor definition, {@link DigestMemo}) to a digest (the cache key).
   */
  void digestWeights(MessageDigest md) {
    byte[][] digests = new byte[weights.size()][];
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Weight w = weights.get(i);
      digests[i] = DigestMemo.lookup(w.owner(), w.source().remaining());
      if (digests[i] == null) {
        todo.add(i);
      }
    }
    // The ones not remembered yet are hashed together, in parallel, then remembered.
    List<ByteBuffer> sources = new ArrayList<>();
    for (int i : todo) {
      sources.add(weights.get(i).source());
    }
    List<byte[]> computed = ContentHash.digestAll(sources);
    for (int j = 0; j < todo.size(); j++) {
      Weight w = weights.get(todo.get(j));
      digests[todo.get(j)] = computed.get(j);
      DigestMemo.remember(w.owner(), w.source().remaining(), computed.get(j));
    }
    for (int i = 0; i < weights.size(); i++) {
      Weight w = weights.get(i);
      String header = w.name() + Arrays.toString(w.dims());
      md.update(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update(digests[i]);
    }
  }

  /**
   * Whether the permutation leaves the elements in the same memory order: it only moves dimensions
   * of size 1 (a 1x1 convolution's OHWI filter is already OIHW), so no copy is needed.
   */
  static boolean keepsOrder(int[] shape, int[] perm) {
    int last = -1;
    for (int p : perm) {
      if (shape[p] == 1) {
        continue;
      }
      if (p < last) {
        return false;
      }
      last = p;
    }
    return true;
  }


}
