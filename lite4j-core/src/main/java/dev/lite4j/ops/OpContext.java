package dev.lite4j.ops;

import com.google.flatbuffers.Table;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.model.OperatorDef;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * What a kernel sees of its node: the operator (code, version, options), its input and output tensors,
 * and the ways to report shapes and errors. Errors name the node, so kernels only say what is wrong.
 */
public final class OpContext {
  private final OperatorDef op;
  private final TensorBuffer[] inputs;
  private final TensorBuffer[] outputs;
  private final DynamicAllocator allocator;
  private final TensorBuffer[] intermediates;

  /** Gives a dynamic output bytes of its own once its shape is known at run time. */
  public interface DynamicAllocator {
    void allocate(TensorBuffer tensor);
  }

  public OpContext(OperatorDef op, TensorBuffer[] inputs, TensorBuffer[] outputs, DynamicAllocator allocator) {
    this(op, inputs, outputs, new TensorBuffer[0], allocator);
  }

  /** With the node's intermediate tensors (the integer LSTM reads their quantization). */
  public OpContext(OperatorDef op, TensorBuffer[] inputs, TensorBuffer[] outputs, TensorBuffer[] intermediates,
      DynamicAllocator allocator) {
    this.op = op;
    this.inputs = inputs;
    this.outputs = outputs;
    this.intermediates = intermediates;
    this.allocator = allocator;
  }

  public OperatorDef op() {
    return op;
  }

  public int version() {
    return op.version();
  }

  public int inputCount() {
    return inputs.length;
  }

  public int outputCount() {
    return outputs.length;
  }

  /** Input {@code i}, or null when the node leaves that optional input out (index -1 or absent). */
  public TensorBuffer input(int i) {
    return i < inputs.length ? inputs[i] : null;
  }

  public boolean hasInput(int i) {
    return input(i) != null;
  }

  public int intermediateCount() {
    return intermediates.length;
  }

  /** Intermediate tensor {@code i} of the node, or null when the node has fewer (or leaves it out). */
  public TensorBuffer intermediate(int i) {
    return i < intermediates.length ? intermediates[i] : null;
  }

  public TensorBuffer output(int i) {
    return outputs[i];
  }

  /**
   * The node's builtin options read into {@code table} (e.g. {@code new Conv2DOptions()}); when the
   * node has none, or options of another type, a table whose every field is the schema default.
   */
  public <T extends Table> T options(T table) {
    return OptionsAccess.read(op, table);
  }

  /** A vector length read from options, checked so that nothing absurd is allocated from it. */
  public int vectorLength(int length, String field) {
    require(length >= 0 && length <= op.table().getByteBuffer().capacity() / 4,
        "options field %s has impossible length %d", field, length);
    return length;
  }

  /** Sets output {@code i}'s shape during prepare. */
  public void setOutputShape(int i, int... shape) {
    long elements = 1;
    for (int d : shape) {
      require(d >= 0, "computed output %d shape %s has a negative dimension", i, Arrays.toString(shape));
      elements *= d;
      require(elements <= Integer.MAX_VALUE, "computed output %d shape %s has more than 2^31-1 elements",
          i, Arrays.toString(shape));
    }
    outputs[i].setShape(shape);
  }

  /** Declares during prepare that output {@code i}'s shape is known only when the node runs. */
  public void setOutputDynamic(int i) {
    outputs[i].setStorage(TensorBuffer.Storage.DYNAMIC);
  }

  /** Sets a dynamic output's shape during run and gives it bytes to write. */
  public void resizeDynamicOutput(int i, int... shape) {
    TensorBuffer out = outputs[i];
    if (!out.isDynamic()) {
      throw new IllegalStateException(describe() + ": output " + i + " was not declared dynamic in prepare");
    }
    setOutputShape(i, shape);
    allocator.allocate(out);
  }

  /** Throws a {@link ModelFormatException} naming this node when {@code condition} is false. */
  public void require(boolean condition, String format, Object... args) {
    if (!condition) {
      throw error(String.format(format, args));
    }
  }

  public ModelFormatException error(String message) {
    return new ModelFormatException(describe() + ": " + message);
  }

  public UnsupportedOperatorException unsupported(String message) {
    return new UnsupportedOperatorException(describe() + ": " + message);
  }

  /** "node 4 (CONV_2D v2, output 'name')". */
  public String describe() {
    String outName = outputs.length > 0 ? outputs[0].name() : "-";
    return "node " + op.index() + " (" + op.opName() + " v" + op.version() + ", output '" + outName + "')";
  }
}
