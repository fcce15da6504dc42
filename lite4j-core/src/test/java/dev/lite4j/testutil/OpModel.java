package dev.lite4j.testutil;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-operator model for kernel tests, as TensorFlow Lite's {@code SingleOpModel}: declare inputs
 * (fed at run time or constant), outputs, options and version, then run and read the outputs.
 *
 * <pre>
 *   OpModel m = new OpModel(BuiltinOperator.ADD).options(addOptions);
 *   m.input(DataType.FLOAT32, new int[] {1, 2}, 1f, 2f);
 *   m.constant(DataType.FLOAT32, new int[] {1}, 10f);
 *   m.output(DataType.FLOAT32);
 *   m.run();
 *   assertArrayEquals(new float[] {11f, 12f}, m.floats(0), 0f);
 * </pre>
 */
public final class OpModel {
  private final int builtinCode;
  private int version = 1;
  private Object options;
  private final ModelBuilder builder = new ModelBuilder();
  private final List<Integer> nodeInputs = new ArrayList<>();
  private final List<Integer> nodeOutputs = new ArrayList<>();
  private final List<Object> feeds = new ArrayList<>();
  private Interpreter interpreter;

  public OpModel(int builtinCode) {
    this.builtinCode = builtinCode;
  }

  public OpModel version(int v) {
    this.version = v;
    return this;
  }

  /** Schema object-API options (e.g. {@code new Conv2DOptionsT()}). */
  public OpModel options(Object o) {
    this.options = o;
    return this;
  }

  public ModelBuilder builder() {
    return builder;
  }

  /** A run-time input; {@code values} is a float[], int[], long[], byte[] or boolean[] in C order. */
  public int input(DataType type, int[] shape, Object values) {
    int t = builder.addInput("input" + nodeInputs.size(), type, shape);
    nodeInputs.add(t);
    feeds.add(values);
    return t;
  }

  public int input(int[] shape, float... values) {
    return input(DataType.FLOAT32, shape, values);
  }

  /** A constant input holding {@code values} (float[], int[], long[], boolean[] or raw byte[]). */
  public int constant(DataType type, int[] shape, Object values) {
    String name = "const" + nodeInputs.size();
    int t = switch (values) {
      case float[] f when type == DataType.FLOAT16 -> builder.addConstantFloat16(name, shape, f);
      case float[] f -> builder.addConstantFloats(name, shape, f);
      case int[] i -> builder.addConstantInts(name, shape, i);
      case long[] l -> builder.addConstantLongs(name, shape, l);
      case boolean[] b -> builder.addConstantBools(name, shape, b);
      case byte[] b -> builder.addConstant(name, type, shape, b);
      default -> throw new IllegalArgumentException("unsupported constant " + values);
    };
    nodeInputs.add(t);
    return t;
  }

  public int constant(int[] shape, float... values) {
    return constant(DataType.FLOAT32, shape, values);
  }

  /** Leaves an optional input out (index -1). */
  public OpModel noInput() {
    nodeInputs.add(-1);
    return this;
  }

  /** Adds a node input that is an existing tensor (e.g. a variable made with {@link #builder()}). */
  public OpModel existingInput(int tensor) {
    nodeInputs.add(tensor);
    return this;
  }

  /** An output whose shape the kernel computes. */
  public int output(DataType type) {
    int t = builder.addTensor("output" + nodeOutputs.size(), type);
    nodeOutputs.add(t);
    builder.addOutput(t);
    return t;
  }

  /** Builds the model (once), feeds the run-time inputs and runs it; returns the interpreter. */
  public Interpreter run() {
    if (interpreter == null) {
      builder.addOperator(builtinCode, version, toArray(nodeInputs), toArray(nodeOutputs), options);
      interpreter = new Interpreter(Model.fromBytes(builder.build()));
    }
    // Flat values go in as buffers, so the declared input shape stays as it is.
    Object[] inputs = feeds.stream().map(OpModel::asBuffer).toArray();
    if (inputs.length == 0) {
      interpreter.allocateTensors();
      interpreter.executionPlan().run(() -> false);
    } else {
      interpreter.runForMultipleInputsOutputs(inputs, new java.util.HashMap<>());
    }
    return interpreter;
  }

  /** Replaces the fed value of run-time input {@code i} (for repeated runs). */
  public OpModel feed(int i, Object values) {
    feeds.set(i, values);
    return this;
  }

  private TensorBuffer out(int i) {
    return interpreter.executionPlan().tensor(nodeOutputs.get(i));
  }

  public int[] shape(int output) {
    return out(output).shape().clone();
  }

  public float[] floats(int output) {
    TensorBuffer t = out(output);
    float[] a = new float[t.numElements()];
    t.floats().get(0, a);
    return a;
  }

  public int[] ints(int output) {
    TensorBuffer t = out(output);
    int[] a = new int[t.numElements()];
    t.ints().get(0, a);
    return a;
  }

  public long[] longs(int output) {
    TensorBuffer t = out(output);
    long[] a = new long[t.numElements()];
    t.longs().get(0, a);
    return a;
  }

  public byte[] bytes(int output) {
    TensorBuffer t = out(output);
    byte[] a = new byte[(int) t.numBytes()];
    t.bytes().get(0, a);
    return a;
  }

  public boolean[] bools(int output) {
    byte[] b = bytes(output);
    boolean[] a = new boolean[b.length];
    for (int i = 0; i < b.length; i++) {
      a[i] = b[i] != 0;
    }
    return a;
  }

  private static java.nio.ByteBuffer asBuffer(Object values) {
    java.nio.ByteBuffer b;
    switch (values) {
      case float[] f -> {
        b = le(f.length * 4);
        b.asFloatBuffer().put(f);
      }
      case int[] f -> {
        b = le(f.length * 4);
        b.asIntBuffer().put(f);
      }
      case long[] f -> {
        b = le(f.length * 8);
        b.asLongBuffer().put(f);
      }
      case short[] f -> {
        b = le(f.length * 2);
        b.asShortBuffer().put(f);
      }
      case byte[] f -> b = le(f.length).put(0, f);
      case boolean[] f -> {
        b = le(f.length);
        for (int i = 0; i < f.length; i++) {
          b.put(i, (byte) (f[i] ? 1 : 0));
        }
      }
      default -> throw new IllegalArgumentException("unsupported input values " + values);
    }
    return b;
  }

  private static java.nio.ByteBuffer le(int n) {
    return java.nio.ByteBuffer.allocate(n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }
}
