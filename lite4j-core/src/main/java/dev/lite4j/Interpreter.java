package dev.lite4j;

import dev.lite4j.delegate.Delegate;
import dev.lite4j.model.SignatureDef;
import dev.lite4j.model.SubgraphDef;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.plan.ExecutionPlan;
import dev.lite4j.plan.MemoryPlanner;
import dev.lite4j.runtime.TensorBuffer;
import dev.lite4j.runtime.TensorCopier;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model, with the API of TensorFlow Lite's Java {@code Interpreter}: Android code ports by
 * changing imports. An interpreter owns everything mutable (arena, tensors, prepared kernels) and is
 * used by one thread at a time; interpreters sharing a {@link Model} may run concurrently.
 */
public final class Interpreter implements AutoCloseable {

  /** Options, as TensorFlow Lite's {@code Interpreter.Options}. */
  public static final class Options {
    private int numThreads = -1;
    private boolean cancellable;
    private long maxArenaBytes = 1L << 30;
    private boolean requireFullDelegation;
    private final List<Delegate> delegates = new ArrayList<>();

    /** Threads for kernels that split their work; -1 lets Lite4j choose. */
    public Options setNumThreads(int numThreads) {
      if (numThreads < -1 || numThreads == 0) {
        throw new IllegalArgumentException("numThreads must be -1 or >= 1, was " + numThreads);
      }
      this.numThreads = numThreads;
      return this;
    }

    public int getNumThreads() {
      return numThreads;
    }

    public Options addDelegate(Delegate delegate) {
      if (delegate == null) {
        throw new IllegalArgumentException("delegate is null");
      }
      delegates.add(delegate);
      return this;
    }

    public List<Delegate> getDelegates() {
      return List.copyOf(delegates);
    }

    /**
     * With true, the interpreter throws {@link DelegateException} instead of falling back to the CPU:
     * when a node stays on the CPU, or when a delegate fails while preparing or running.
     */
    public Options setRequireFullDelegation(boolean require) {
      this.requireFullDelegation = require;
      return this;
    }

    public boolean isRequireFullDelegation() {
      return requireFullDelegation;
    }

    /** Allows {@link Interpreter#setCancelled} to stop a running inference between nodes. */
    public Options setCancellable(boolean cancellable) {
      this.cancellable = cancellable;
      return this;
    }

    public boolean isCancellable() {
      return cancellable;
    }

    /** Largest arena (and largest dynamic tensor) an interpreter may allocate; default 1 GiB. */
    public Options setMaxArenaBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxArenaBytes must be > 0, was " + bytes);
      }
      this.maxArenaBytes = bytes;
      return this;
    }

    public long getMaxArenaBytes() {
      return maxArenaBytes;
    }
  }

  private final Model model;
  private final Options options;
  private final SubgraphDef graph;
  private final ExecutionPlan plan;
  private final Tensor[] inputTensors;
  private final Tensor[] outputTensors;
  private boolean needsAllocation = true;
  private boolean inputsResized;
  private volatile boolean cancelled;
  private boolean closed;
  private long lastInferenceNanos = -1;

  public Interpreter(File modelFile) {
    this(modelFile, new Options());
  }

  public Interpreter(File modelFile, Options options) {
    this(Model.load(requireNonNull(modelFile, "model file").toPath()), options);
  }

  public Interpreter(Path modelFile) {
    this(modelFile, new Options());
  }

  public Interpreter(Path modelFile, Options options) {
    this(Model.load(requireNonNull(modelFile, "model path")), options);
  }

  public Interpreter(ByteBuffer modelBuffer) {
    this(modelBuffer, new Options());
  }

  public Interpreter(ByteBuffer modelBuffer, Options options) {
    this(Model.fromBuffer(modelBuffer), options);
  }

  public Interpreter(Model model) {
    this(model, new Options());
  }

  public Interpreter(Model model, Options options) {
    this.model = requireNonNull(model, "model");
    this.options = options == null ? new Options() : options;
    this.graph = model.primarySubgraph();
    this.plan = new ExecutionPlan(graph, OpRegistry.builtin(), this.options.maxArenaBytes,
        this.options.delegates, this.options.requireFullDelegation, model.file().orElse(null));
    this.inputTensors = tensorsOf(graph.inputs());
    this.outputTensors = tensorsOf(graph.outputs());
    try {
      allocateTensors();
    } catch (RuntimeException e) {
      plan.close();
      throw e;
    }
  }

  private Tensor[] tensorsOf(int[] indices) {
    Tensor[] out = new Tensor[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = new Tensor(plan.tensor(indices[i]));
    }
    return out;
  }

  private static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    return value;
  }

  public Model getModel() {
    return model;
  }

  /** Runs a model with one input and one output. */
  public void run(Object input, Object output) {
    Map<Integer, Object> outputs = new HashMap<>();
    outputs.put(0, output);
    runForMultipleInputsOutputs(new Object[] {input}, outputs);
  }

  /**
   * Runs with inputs by position and outputs by position. Array inputs whose shape differs from the
   * input tensor resize it first, as TensorFlow Lite does.
   */
  public void runForMultipleInputsOutputs(Object[] inputs, Map<Integer, ?> outputs) {
    checkOpen();
    if (inputs == null) {
      throw new IllegalArgumentException("inputs array is null");
    }
    if (inputs.length != inputTensors.length) {
      throw new IllegalArgumentException("model has " + inputTensors.length + " inputs, got " + inputs.length);
    }
    if (outputs == null) {
      throw new IllegalArgumentException("outputs map is null");
    }
    for (int i = 0; i < inputs.length; i++) {
      resizeForInput(i, inputs[i]);
    }
    for (Integer key : outputs.keySet()) {
      if (key == null || key < 0 || key >= outputTensors.length) {
        throw new IllegalArgumentException("output index " + key + " is out of range: the model has "
            + outputTensors.length + " outputs");
      }
    }
    allocateIfNeeded();
    for (int i = 0; i < inputs.length; i++) {
      TensorCopier.copyIn(inputTensors[i].buffer(), inputs[i]);
    }
    invoke();
    for (Map.Entry<Integer, ?> e : outputs.entrySet()) {
      if (e.getValue() != null) {
        TensorCopier.copyOut(outputTensors[e.getKey()].buffer(), e.getValue());
      }
    }
  }

  private void resizeForInput(int i, Object input) {
    if (input == null) {
      throw new IllegalArgumentException("input " + i + " is null");
    }
    int[] shape = TensorCopier.shapeOf(input);
    TensorBuffer t = inputTensors[i].buffer();
    if (shape != null && !Arrays.equals(shape, t.shape())) {
      resizeInput(i, shape);
    }
  }

  /** Runs the plan on the inputs already written into the input tensors. */
  private void invoke() {
    if (!options.cancellable) {
      cancelled = false;
    }
    long start = System.nanoTime();
    try {
      plan.run(() -> cancelled);
    } finally {
      if (options.cancellable) {
        cancelled = false;
      }
    }
    lastInferenceNanos = System.nanoTime() - start;
  }

  /** Runs the signature {@code key} (or the only signature when null) on named inputs. */
  public void runSignature(Map<String, Object> inputs, Map<String, Object> outputs, String key) {
    checkOpen();
    SignatureDef sig = signature(key);
    if (inputs == null || outputs == null) {
      throw new IllegalArgumentException("inputs and outputs maps must not be null");
    }
    Map<Integer, Integer> inputPositions = positions(graph.inputs());
    Object[] byPosition = new Object[inputTensors.length];
    for (Map.Entry<String, Object> e : inputs.entrySet()) {
      Integer tensor = sig.inputs().get(e.getKey());
      if (tensor == null) {
        throw new IllegalArgumentException("signature '" + sig.key() + "' has no input named '" + e.getKey()
            + "'; its inputs are " + sig.inputs().keySet());
      }
      byPosition[inputPositions.get(tensor)] = e.getValue();
    }
    for (int i = 0; i < byPosition.length; i++) {
      if (byPosition[i] == null) {
        throw new IllegalArgumentException("signature '" + sig.key() + "': input '"
            + inputTensors[i].name() + "' is missing");
      }
    }
    Map<Integer, Integer> outputPositions = positions(graph.outputs());
    Map<Integer, Object> byOutput = new HashMap<>();
    for (Map.Entry<String, Object> e : outputs.entrySet()) {
      Integer tensor = sig.outputs().get(e.getKey());
      if (tensor == null) {
        throw new IllegalArgumentException("signature '" + sig.key() + "' has no output named '" + e.getKey()
            + "'; its outputs are " + sig.outputs().keySet());
      }
      byOutput.put(outputPositions.get(tensor), e.getValue());
    }
    runForMultipleInputsOutputs(byPosition, byOutput);
  }

  public void runSignature(Map<String, Object> inputs, Map<String, Object> outputs) {
    runSignature(inputs, outputs, null);
  }

  private static Map<Integer, Integer> positions(int[] tensorIndices) {
    Map<Integer, Integer> out = new HashMap<>();
    for (int i = 0; i < tensorIndices.length; i++) {
      out.put(tensorIndices[i], i);
    }
    return out;
  }

  private SignatureDef signature(String key) {
    List<SignatureDef> sigs = model.def().signatures();
    if (key == null) {
      if (sigs.size() != 1) {
        throw new IllegalArgumentException("the model has " + sigs.size()
            + " signatures; name one of " + getSignatureKeysList());
      }
      return checkRunnable(sigs.get(0));
    }
    for (SignatureDef s : sigs) {
      if (s.key().equals(key)) {
        return checkRunnable(s);
      }
    }
    throw new IllegalArgumentException("no signature '" + key + "'; the model has " + getSignatureKeysList());
  }

  private SignatureDef checkRunnable(SignatureDef s) {
    if (s.subgraphIndex() != 0) {
      throw new UnsupportedOperatorException("signature '" + s.key() + "' runs subgraph " + s.subgraphIndex()
          + "; Lite4j runs the primary subgraph only");
    }
    return s;
  }

  private List<String> getSignatureKeysList() {
    return model.def().signatures().stream().map(SignatureDef::key).toList();
  }

  public String[] getSignatureKeys() {
    return getSignatureKeysList().toArray(new String[0]);
  }

  public String[] getSignatureInputs(String key) {
    return signature(key).inputs().keySet().toArray(new String[0]);
  }

  public String[] getSignatureOutputs(String key) {
    return signature(key).outputs().keySet().toArray(new String[0]);
  }

  public Tensor getInputTensorFromSignature(String inputName, String key) {
    SignatureDef s = signature(key);
    Integer tensor = s.inputs().get(inputName);
    if (tensor == null) {
      throw new IllegalArgumentException("signature '" + s.key() + "' has no input '" + inputName + "'");
    }
    return inputTensors[positions(graph.inputs()).get(tensor)];
  }

  public Tensor getOutputTensorFromSignature(String outputName, String key) {
    SignatureDef s = signature(key);
    Integer tensor = s.outputs().get(outputName);
    if (tensor == null) {
      throw new IllegalArgumentException("signature '" + s.key() + "' has no output '" + outputName + "'");
    }
    return outputTensors[positions(graph.outputs()).get(tensor)];
  }

  /** Plans memory and prepares every node for the current input shapes. */
  public void allocateTensors() {
    checkOpen();
    try {
      plan.prepare();
    } catch (ModelFormatException e) {
      if (inputsResized) {
        throw new IllegalArgumentException("after resizing inputs, the model cannot be prepared: "
            + e.getMessage(), e);
      }
      throw e;
    }
    needsAllocation = false;
  }

  private void allocateIfNeeded() {
    if (needsAllocation) {
      allocateTensors();
    }
  }

  /** Resizes input {@code idx}; takes effect at the next run or {@link #allocateTensors}. */
  public void resizeInput(int idx, int[] dims) {
    resizeInput(idx, dims, false);
  }

  /**
   * Resizes input {@code idx}. With {@code strict}, only dimensions the model marks as unknown (-1 in
   * the shape signature) may change, as TensorFlow Lite's {@code resizeInput(..., strict)}.
   */
  public void resizeInput(int idx, int[] dims, boolean strict) {
    checkOpen();
    checkIndex(idx, inputTensors.length, "input");
    if (dims == null) {
      throw new IllegalArgumentException("dims is null");
    }
    TensorBuffer t = inputTensors[idx].buffer();
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("cannot resize input " + idx + " '" + t.name() + "' to "
            + Arrays.toString(dims) + ": dimensions must be >= 0");
      }
    }
    if (Arrays.equals(dims, t.shape())) {
      return;
    }
    if (strict) {
      int[] sig = t.def().shapeSignature();
      boolean ok = sig.length == dims.length;
      for (int i = 0; ok && i < dims.length; i++) {
        ok = sig[i] == -1 || sig[i] == dims[i];
      }
      if (!ok) {
        throw new IllegalArgumentException("cannot resize input " + idx + " '" + t.name() + "' from "
            + Arrays.toString(t.shape()) + " to " + Arrays.toString(dims) + " in strict mode: its signature "
            + Arrays.toString(sig) + " fixes the other dimensions");
      }
    }
    // The cap is in bytes: count them, not elements (checked per dimension so the product cannot overflow).
    long bytes = t.type().byteSize();
    for (int d : dims) {
      bytes *= d;
      if (bytes > options.maxArenaBytes) {
        throw new IllegalArgumentException("cannot resize input " + idx + " '" + t.name() + "' to "
            + Arrays.toString(dims) + ": larger than the arena cap");
      }
    }
    t.setShape(dims);
    inputsResized = true;
    needsAllocation = true;
  }

  public int getInputTensorCount() {
    checkOpen();
    return inputTensors.length;
  }

  public int getOutputTensorCount() {
    checkOpen();
    return outputTensors.length;
  }

  /** Position of the input named {@code opName}. */
  public int getInputIndex(String opName) {
    return indexByName(inputTensors, opName, "input");
  }

  public int getOutputIndex(String opName) {
    return indexByName(outputTensors, opName, "output");
  }

  private int indexByName(Tensor[] tensors, String name, String kind) {
    checkOpen();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tensors.length; i++) {
      if (tensors[i].name().equals(name)) {
        return i;
      }
      names.add(tensors[i].name());
    }
    throw new IllegalArgumentException("'" + name + "' is not a valid name for any " + kind
        + ". Names of " + kind + "s and their indexes are " + names);
  }

  public Tensor getInputTensor(int idx) {
    checkOpen();
    checkIndex(idx, inputTensors.length, "input");
    return inputTensors[idx];
  }

  /** Output {@code idx}; its shape is valid after a run when it depends on the input data. */
  public Tensor getOutputTensor(int idx) {
    checkOpen();
    checkIndex(idx, outputTensors.length, "output");
    return outputTensors[idx];
  }

  private static void checkIndex(int idx, int count, String kind) {
    if (idx < 0 || idx >= count) {
      throw new IllegalArgumentException("invalid " + kind + " index " + idx + ": the model has " + count
          + " " + kind + "s");
    }
  }

  /** Duration of the last {@code run}'s computation, or null before the first run. */
  public Long getLastNativeInferenceDurationNanoseconds() {
    checkOpen();
    return lastInferenceNanos < 0 ? null : lastInferenceNanos;
  }

  /** Stops a running inference at the next node boundary (needs {@link Options#setCancellable}). */
  public void setCancelled(boolean cancelled) {
    if (!options.cancellable) {
      throw new IllegalStateException("Cannot cancel the inference. Have you called "
          + "Interpreter.Options.setCancellable?");
    }
    this.cancelled = cancelled;
  }

  /** Sets every variable tensor (e.g. LSTM state) back to its initial value. */
  public void resetVariableTensors() {
    checkOpen();
    plan.resetVariables();
  }

  /** Bytes of the planned arena and the naive sum of all arena tensors. */
  public MemoryPlanner.Plan memoryPlan() {
    checkOpen();
    allocateIfNeeded();
    return plan.memoryPlan();
  }

  /** The interpreter's execution plan (for tools). */
  public ExecutionPlan executionPlan() {
    checkOpen();
    return plan;
  }

  /** Where each node runs (CPU, constant, or a delegate's partition) and why nodes stayed on the CPU. */
  public dev.lite4j.delegate.DelegationReport getDelegationReport() {
    checkOpen();
    return plan.delegationReport();
  }

  public int getNumThreads() {
    return options.numThreads;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Internal error: The Interpreter has already been closed.");
    }
  }

  /** Releases the delegate kernels; the delegates themselves stay open (their creator owns them). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      plan.close();
    }
  }
}
