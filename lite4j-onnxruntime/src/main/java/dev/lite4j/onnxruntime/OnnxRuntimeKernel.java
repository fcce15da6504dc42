package dev.lite4j.onnxruntime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import com.google.protobuf.CodedOutputStream;
import dev.lite4j.delegate.DelegateKernel;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.Partition;
import dev.lite4j.runtime.TensorBuffer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one partition in an ONNX Runtime session. {@code prepare} starts converting the partition for
 * the current shapes and making the session (or loading the optimised model from the disk cache) on
 * a background thread, and {@code awaitPrepared} waits for it; nothing happens when the shapes did
 * not change. {@code run} hands ONNX Runtime the partition's input
 * tensors themselves (wrapped, not copied, when their bytes are direct and in native order, as
 * Lite4j's arena is; the wrappers are reused until the runtime rebinds a tensor). Outputs go to
 * buffers of the kernel's own and are copied into the partition's tensors only once the session
 * has succeeded: the CPU memory plan may let an output share bytes with an input that its CPU
 * schedule no longer needs, and a failed run must leave the inputs intact for the CPU fallback.
 */
public final class OnnxRuntimeKernel implements DelegateKernel {
  private static final System.Logger LOG = System.getLogger("dev.lite4j.onnxruntime");
  private static final boolean NATIVE_LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private final OrtEnvironment env;
  private final OnnxRuntimeOptions options;
  private final SessionCache cache;
  private final OnnxRuntimeDelegate owner;
  private OrtSession session;
  private int[] preparedShapes;
  private Binding[] inputs = new Binding[0];
  private Binding[] outputs = new Binding[0];
  private final Map<String, OnnxTensor> inputMap = new HashMap<>();
  private final Map<String, OnnxValue> outputMap = new HashMap<>();
  private volatile StartupTimings startup;
  private boolean closed;
  /** With {@code async}: the session being made, for these shapes and this partition. */
  private CompletableFuture<OrtSession> pending;
  private int[] pendingShapes;
  private Partition pendingPartition;
  private Throwable pendingFailure;

  OnnxRuntimeKernel(OrtEnvironment env, OnnxRuntimeOptions options, SessionCache cache,
      OnnxRuntimeDelegate owner) {
    this.env = env;
    this.options = options;
    this.cache = cache;
    this.owner = owner;
  }

  /** What making the current session cost (null before the first prepare). */
  public StartupTimings startup() {
    return startup;
  }

  /**
   * Starts making the session for the partition's current shapes on a background thread
   * (conversion, cache lookup, ONNX Runtime's optimisation), so that the runtime's own preparation
   * overlaps it. {@link #awaitPrepared} waits for it; with {@code async} nobody waits: until the
   * session is there {@link #ready} is false and the runtime runs the partition on the CPU.
   */
  @Override
  public void prepare(Partition partition) throws Exception {
    checkOpen();
    int[] shapes = shapeSignature(partition);
    if (session != null && java.util.Arrays.equals(shapes, preparedShapes)) {
      return;
    }
    if (pending != null && java.util.Arrays.equals(shapes, pendingShapes)) {
      return;
    }
    discardPending();
    closeSession();
    long t0 = System.nanoTime();
    pendingShapes = shapes;
    pendingPartition = partition;
    CompletableFuture<OrtSession> f = new CompletableFuture<>();
    pending = f;
    // The shapes the conversion reads do not change until the next prepare, which discards this one.
    Background.run(new SessionTask(partition, shapes, t0, f));
  }

  /** Makes the session on a background thread (a class, not a lambda: no bootstrap on the start-up path). */
  private final class SessionTask implements Runnable {
    private final Partition partition;
    private final int[] shapes;
    private final long startNs;
    private final CompletableFuture<OrtSession> result;

    SessionTask(Partition partition, int[] shapes, long startNs, CompletableFuture<OrtSession> result) {
      this.partition = partition;
      this.shapes = shapes;
      this.startNs = startNs;
      this.result = result;
    }

    @Override
    public void run() {
      try {
        result.complete(createSession(partition, shapes, startNs));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }
  }

  /** Waits for the session {@code prepare} started (not with {@code async}); throws what failed it. */
  @Override
  public void awaitPrepared() throws Exception {
    if (pending == null || options.async()) {
      return;
    }
    try {
      pending.join();
    } catch (java.util.concurrent.CompletionException e) {
      // ready() records the failure; it is thrown below.
    }
    ready();
    if (pendingFailure != null) {
      Throwable e = pendingFailure;
      pendingFailure = null;
      throw e instanceof Exception ex ? ex : new IllegalStateException(e.toString(), e);
    }
  }

  private void adopt(OrtSession s, Partition partition, int[] shapes) {
    session = s;
    preparedShapes = shapes;
    inputs = bindings(partition.inputs(), true);
    outputs = bindings(partition.outputs(), false);
  }

  /** False while an {@code async} session is still being made; the runtime uses the CPU meanwhile. */
  @Override
  public boolean ready() {
    if (pending == null) {
      return true;
    }
    if (!pending.isDone()) {
      return false;
    }
    CompletableFuture<OrtSession> f = pending;
    pending = null;
    try {
      adopt(f.join(), pendingPartition, pendingShapes);
      pendingFailure = null;
    } catch (java.util.concurrent.CompletionException e) {
      pendingFailure = e.getCause();
    }
    pendingPartition = null;
    pendingShapes = null;
    return true;
  }

  /** Forgets a session still being made; it is closed when it arrives. */
  private void discardPending() {
    if (pending != null) {
      pending.whenComplete((s, e) -> {
        if (s != null) {
          try {
            s.close();
          } catch (OrtException ex) {
            LOG.log(Level.WARNING, "closing an ONNX Runtime session failed: " + ex);
          }
        }
      });
      pending = null;
      pendingPartition = null;
      pendingShapes = null;
    }
    pendingFailure = null;
  }

  @Override
  public void run(Partition partition) throws Exception {
    checkOpen();
    if (pending != null && !options.async()) {
      awaitPrepared(); // a caller that skipped it (the runtime does not)
    }
    if (pending != null && !ready()) {
      throw new IllegalStateException("onnxruntime partition " + partition.index() + " runs before its session is ready");
    }
    if (pendingFailure != null) {
      throw new IllegalStateException("making the ONNX Runtime session failed: " + pendingFailure, pendingFailure);
    }
    if (session == null) {
      throw new IllegalStateException("onnxruntime partition " + partition.index() + " runs before prepare");
    }
    for (Binding b : inputs) {
      inputMap.put(b.name, b.refresh(env, true));
    }
    for (Binding b : outputs) {
      outputMap.put(b.name, b.refresh(env, false));
    }
    // Every output is its own buffer (see the class comment), so nothing is written before success.
    try (OrtSession.Result ignored = session.run(inputMap, outputMap)) {
      // The outputs were written into the pinned tensors; the result owns nothing else.
    }
    for (Binding b : outputs) {
      b.copyBack();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    discardPending();
    closeSession();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("onnxruntime kernel is closed");
    }
  }

  private void closeSession() {
    for (Binding b : inputs) {
      b.close();
    }
    for (Binding b : outputs) {
      b.close();
    }
    inputs = new Binding[0];
    outputs = new Binding[0];
    inputMap.clear();
    outputMap.clear();
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        LOG.log(Level.WARNING, "closing an ONNX Runtime session failed: " + e);
      }
      session = null;
    }
    preparedShapes = null;
  }

  private static Binding[] bindings(List<TensorBuffer> tensors, boolean wrap) {
    Binding[] out = new Binding[tensors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Binding(tensors.get(i), wrap);
    }
    return out;
  }

  /** Every shape the converted graph depends on. */
  private static int[] shapeSignature(Partition p) {
    int n = 0;
    for (DelegateNode node : p.nodes()) {
      n += signatureLength(node.inputs()) + signatureLength(node.outputs());
    }
    int[] out = new int[n];
    int at = 0;
    for (DelegateNode node : p.nodes()) {
      at = appendSignature(node.inputs(), out, at);
      at = appendSignature(node.outputs(), out, at);
    }
    return out;
  }

  private static int signatureLength(List<TensorBuffer> tensors) {
    int n = 0;
    for (TensorBuffer t : tensors) {
      n += 1 + (t == null ? 0 : t.rank());
    }
    return n;
  }

  private static int appendSignature(List<TensorBuffer> tensors, int[] out, int at) {
    for (TensorBuffer t : tensors) {
      out[at++] = t == null ? -2 : t.rank();
      if (t != null) {
        for (int d : t.shape()) {
          out[at++] = d;
        }
      }
    }
    return at;
  }

  // ---- session creation, timed ----

  /**
   * Makes the partition's session: from the disk cache on a hit, else converted and optimised afresh.
   * A partition of a model file whose digest is remembered is keyed without converting it, so a hit
   * converts nothing; a model in memory is keyed by its converted graph and its weights' digests.
   */
  private OrtSession createSession(Partition partition, int[] shapes, long startNs) throws OrtException, IOException {
    dev.lite4j.ModelFile file = partition.modelFile();
    Costs costs = new Costs(startNs);
    long k0 = System.nanoTime();
    // Null with the cache on: a model file seen for the first time, keyed once its session is made.
    String key = cache != null && file != null ? fileKey(partition, shapes, file, false) : null;
    costs.hashNs += System.nanoTime() - k0;
    OrtSession hit = fromCache(key, partition, costs);
    if (hit != null) {
      return hit;
    }
    long t0 = System.nanoTime();
    OnnxGraph graph = OnnxConverter.convert(partition);
    costs.conversionNs += System.nanoTime() - t0;
    if (cache != null && file == null) {
      long k1 = System.nanoTime();
      key = weightsKey(graph);
      costs.hashNs += System.nanoTime() - k1;
      hit = fromCache(key, partition, costs);
      if (hit != null) {
        return hit;
      }
    }
    long m0 = System.nanoTime();
    // Weights stay in the model file where they can (read there by ONNX Runtime), unless the file
    // changed since the model was loaded from it.
    boolean fromFile = file != null && file.unchanged();
    ByteBuffer model = serialize(fromFile ? graph.build(file) : graph.build());
    costs.conversionNs += System.nanoTime() - m0;
    long s0 = System.nanoTime();
    OrtSession s = newSession(model, OptLevel.ALL_OPT, fromFile ? file.path().getParent() : null);
    long sessionNs = System.nanoTime() - s0;
    if (cache != null) {
      // The entry is written off the start-up path: a second session saves its optimised model,
      // from a self-contained copy (the entry must not depend on the model file's whereabouts).
      String known = key;
      owner.writeInBackground(() -> writeEntry(known != null ? known : entryKey(partition, shapes, file, graph),
          fromFile ? null : model, graph, cpuOnly()));
    }
    report(partition, costs, sessionNs, cache != null ? "miss" : "off");
    return s;
  }

  /** What making one session cost so far, in nanoseconds. */
  private static final class Costs {
    final long startNs;
    long conversionNs;
    long hashNs;
    long cacheNs;

    Costs(long startNs) {
      this.startNs = startNs;
    }
  }

  /** The session of the verified cache entry of {@code key}, or null (no key, no entry, or a bad one). */
  private OrtSession fromCache(String key, Partition partition, Costs costs) throws OrtException {
    if (key == null) {
      return null;
    }
    long c0 = System.nanoTime();
    Path cached = cache.load(key);
    costs.cacheNs += System.nanoTime() - c0;
    if (cached == null) {
      return null;
    }
    long s0 = System.nanoTime();
    // An entry saved from a CPU session is optimised already; other providers' entries are plain models.
    OrtSession s = newSession(cached, cpuOnly() ? OptLevel.NO_OPT : OptLevel.ALL_OPT);
    report(partition, costs, System.nanoTime() - s0, "hit");
    return s;
  }

  /** The key to write a first-seen model file's entry under: its digest is computed now (off the start-up path). */
  private String entryKey(Partition partition, int[] shapes, dev.lite4j.ModelFile file, OnnxGraph graph) {
    String key = fileKey(partition, shapes, file, true);
    return key != null ? key : weightsKey(graph); // the file changed since load: key the weights themselves
  }

  /** Sessions ONNX Runtime can save optimised: CPU only (other providers' compiled nodes cannot be saved). */
  private boolean cpuOnly() {
    for (String p : options.providers()) {
      if (!p.equals("cpu")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stores the cache entry of {@code key}: the optimised model ONNX Runtime saves from a session of
   * its own (CPU provider), or the converted model (other providers, whose sessions cannot be saved).
   */
  private void writeEntry(String key, ByteBuffer serialized, OnnxGraph graph, boolean saveOptimised) {
    long t0 = System.nanoTime();
    try {
      ByteBuffer model = serialized != null ? serialized : serialize(graph.build());
      if (saveOptimised) {
        Path temp = cache.tempModelPath(key);
        // The weights go to a file of their own beside the model, which ONNX Runtime maps on a warm start.
        String data = cache.newDataName(key);
        boolean committed = false;
        try {
          try (SessionOptions so = sessionOptions(OptLevel.ALL_OPT, temp)) {
            so.addConfigEntry("session.optimized_model_external_initializers_file_name", data);
            so.addConfigEntry("session.optimized_model_external_initializers_min_size_in_bytes", "1024");
            env.createSession(model, so).close();
          }
          cache.commit(key, temp, data);
          committed = true;
        } finally {
          java.nio.file.Files.deleteIfExists(temp);
          if (!committed) {
            java.nio.file.Files.deleteIfExists(temp.resolveSibling(data));
          }
        }
      } else {
        cache.store(key, model);
      }
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, String.format("onnxruntime cache entry %s written in %.0f ms", key,
            (System.nanoTime() - t0) / 1e6));
      }
    } catch (IOException | OrtException | RuntimeException e) {
      LOG.log(Level.WARNING, "onnxruntime cache entry " + key + " cannot be written: " + e);
    }
  }

  private void report(Partition p, Costs costs, long sessionNs, String cacheState) {
    startup = new StartupTimings(p.index(), p.nodes().size(), costs.conversionNs / 1e6, costs.hashNs / 1e6,
        costs.cacheNs / 1e6, sessionNs / 1e6, cacheState, (System.nanoTime() - costs.startNs) / 1e6);
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "onnxruntime " + startup);
    }
    owner.recordStartup(startup);
  }

  private OrtSession newSession(Path model, OptLevel level) throws OrtException {
    try (SessionOptions so = sessionOptions(level, null)) {
      return env.createSession(model.toString(), so);
    }
  }

  /** A session of {@code model}; {@code weightsFolder}: where its external weights are (null: none). */
  private OrtSession newSession(ByteBuffer model, OptLevel level, Path weightsFolder) throws OrtException {
    try (SessionOptions so = sessionOptions(level, null)) {
      if (weightsFolder != null) {
        so.addConfigEntry("session.model_external_initializers_file_folder_path", weightsFolder.toString());
      }
      return env.createSession(model, so);
    }
  }

  private SessionOptions sessionOptions(OptLevel level, Path saveOptimisedTo) throws OrtException {
    SessionOptions so = new SessionOptions();
    try {
      so.setOptimizationLevel(level);
      if (options.threads() > 0) {
        so.setIntraOpNumThreads(options.threads());
      }
      so.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      if (saveOptimisedTo != null) {
        so.setOptimizedModelFilePath(saveOptimisedTo.toString());
      }
      Providers.add(so, options);
      return so;
    } catch (OrtException | RuntimeException e) {
      so.close();
      throw e;
    }
  }

  /** The model's protobuf bytes in a direct buffer (ONNX Runtime reads them without another copy). */
  private static ByteBuffer serialize(ai.onnx.proto.OnnxMl.ModelProto proto) throws IOException {
    ByteBuffer out = ByteBuffer.allocateDirect(proto.getSerializedSize());
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    proto.writeTo(cos);
    cos.flush();
    return out.flip();
  }

  /**
   * The cache key of a partition of a model file: SHA-256 of the converter and ONNX Runtime versions,
   * platform and options, the file's digest, the partition's nodes and tensors (by index: with the
   * file they fix ops, options and constants) and every shape the conversion reads. No conversion is
   * needed to compute it. The digest comes from {@link FileDigests}; a file not remembered yet gives
   * null (a miss: its entry, if a copy of the file made one, is rebuilt) unless {@code hashFile},
   * which hashes it (off the start-up path, for writing the entry); null too if the file changed.
   */
  private String fileKey(Partition p, int[] shapes, dev.lite4j.ModelFile file, boolean hashFile) {
    byte[] digest = cache.fileDigests().lookup(file);
    if (digest == null && hashFile) {
      try {
        digest = cache.fileDigests().hashAndRemember(file);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "onnxruntime: cannot hash " + file.path() + ": " + e);
      }
    }
    if (digest == null) {
      return null;
    }
    MessageDigest md = keyDigest("model-file-partition");
    md.update(digest);
    ByteBuffer ints = ByteBuffer.allocate(4 * (4 + p.nodes().size() + p.inputs().size() + p.constants().size()
        + p.outputs().size() + shapes.length));
    ints.putInt(p.nodes().size());
    for (DelegateNode n : p.nodes()) {
      ints.putInt(n.index());
    }
    for (List<TensorBuffer> tensors : List.of(p.inputs(), p.constants(), p.outputs())) {
      ints.putInt(tensors.size());
      for (TensorBuffer t : tensors) {
        ints.putInt(t.index());
      }
    }
    for (int d : shapes) {
      ints.putInt(d);
    }
    md.update(ints.flip());
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The cache key of a converted partition of a model in memory: SHA-256 of the versions, platform
   * and options, the ONNX graph without weight data, and the weights' own digests (remembered per
   * process, {@link DigestMemo}).
   */
  private String weightsKey(OnnxGraph graph) {
    MessageDigest md = keyDigest("converted-graph");
    md.update(graph.structure().toByteArray());
    graph.digestWeights(md);
    return HexFormat.of().formatHex(md.digest());
  }

  /** A SHA-256 that has taken in what every key shares: versions, platform, options, and the key's kind. */
  private MessageDigest keyDigest(String kind) {
    MessageDigest md = SessionCache.sha256();
    String header = "lite4j-onnxruntime/" + OnnxConverter.VERSION + "/ort=" + env.getVersion() + "/"
        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "/" + options.cacheIdentity() + "/"
        + kind;
    md.update(header.getBytes(StandardCharsets.UTF_8));
    return md;
  }

  // ---- tensors ----

  /**
   * A partition tensor as an ONNX Runtime value: with {@code wrap}, a wrapper of the tensor's own
   * bytes when they are direct and little-endian on a little-endian machine; otherwise a buffer of
   * its own, copied in before each run (inputs) or out after it (outputs).
   */
  private static final class Binding {
    final TensorBuffer tensor;
    final String name;
    final long[] shape;
    final boolean wrap;
    ByteBuffer bound;
    java.nio.FloatBuffer own;
    OnnxTensor value;

    Binding(TensorBuffer tensor, boolean wrap) {
      this.tensor = tensor;
      this.wrap = wrap;
      this.name = OnnxGraph.tfName(tensor);
      this.shape = OnnxGraph.toLongs(tensor.shape());
    }

    OnnxTensor refresh(OrtEnvironment env, boolean input) throws OrtException {
      ByteBuffer bytes = tensor.bytes();
      if (bytes != bound || value == null || (own != null && own.capacity() != tensor.numElements())) {
        close();
        bound = bytes;
        if (wrap && bytes.isDirect() && NATIVE_LE && bytes.order() == ByteOrder.LITTLE_ENDIAN) {
          value = OnnxTensor.createTensor(env, bytes, shape, OnnxJavaType.FLOAT);
        } else {
          ByteBuffer mine = ByteBuffer.allocateDirect((int) tensor.numBytes()).order(ByteOrder.nativeOrder());
          own = mine.asFloatBuffer();
          value = OnnxTensor.createTensor(env, mine, shape, OnnxJavaType.FLOAT);
        }
      }
      if (own != null && input) {
        own.put(0, tensor.floats(), 0, tensor.numElements());
      }
      return value;
    }

    void copyBack() {
      if (own != null) {
        tensor.floats().put(0, own, 0, tensor.numElements());
      }
    }

    void close() {
      if (value != null) {
        value.close();
        value = null;
      }
      own = null;
      bound = null;
    }
  }
}
