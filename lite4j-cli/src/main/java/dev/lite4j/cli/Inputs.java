package dev.lite4j.cli;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Tensor;
import dev.lite4j.io.Npy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * Feeding an interpreter from {@code .npy} arrays, and the random inputs of the reference tool
 * ({@code tools/tflite-reference}: one {@code java.util.Random(seed)}, inputs in position order,
 * elements in C order), so that {@code lite4j run} and {@code run.sh golden} see the same tensors.
 */
public final class Inputs {
  private Inputs() {}

  /** Random arrays for every input of {@code it}, with its current shapes. */
  public static List<Npy> random(Interpreter it, long seed) {
    Random r = new Random(seed);
    List<Npy> out = new ArrayList<>();
    for (int i = 0; i < it.getInputTensorCount(); i++) {
      Tensor t = it.getInputTensor(i);
      out.add(random(t.dataType(), t.shape(), r, "input " + i + " '" + t.name() + "'"));
    }
    return out;
  }

  /** float32 uniform [-1, 1), uint8 0..255, int8 -128..127, int16 full range, int32/int64 0..9, bool. */
  static Npy random(DataType type, int[] shape, Random r, String what) {
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    if (count * type.byteSize() > Integer.MAX_VALUE) {
      throw new CliException(what + " " + Arrays.toString(shape) + " is too large to fill");
    }
    int n = (int) count;
    ByteBuffer b = ByteBuffer.allocate(n * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < n; k++) {
      switch (type) {
        case FLOAT32 -> b.putFloat(r.nextFloat() * 2f - 1f);
        case UINT8 -> b.put((byte) r.nextInt(256));
        case INT8 -> b.put((byte) (r.nextInt(256) - 128));
        case INT16 -> b.putShort((short) (r.nextInt(65536) - 32768));
        case INT32 -> b.putInt(r.nextInt(10));
        case INT64 -> b.putLong(r.nextInt(10));
        case BOOL -> b.put((byte) (r.nextBoolean() ? 1 : 0));
        default -> throw new CliException(what + " has type " + Formats.dtype(type)
            + ", for which there are no random inputs; give it with --input");
      }
    }
    return new Npy(Npy.dtypeOf(type), shape, b.flip());
  }

  /**
   * Checks each array against its input (same dtype; a different shape resizes the input, as the
   * reference does), then allocates.
   */
  public static void apply(Interpreter it, List<Npy> inputs) {
    if (inputs.size() != it.getInputTensorCount()) {
      throw new CliException("the model has " + it.getInputTensorCount() + " inputs, got " + inputs.size());
    }
    boolean resized = false;
    for (int i = 0; i < inputs.size(); i++) {
      Tensor t = it.getInputTensor(i);
      Npy x = inputs.get(i);
      if (x.dataType() != t.dataType()) {
        throw new CliException("input " + i + " '" + t.name() + "' is " + Formats.dtype(t.dataType())
            + ", but its array is " + x.dtypeName());
      }
      if (!Arrays.equals(x.shape(), t.shape())) {
        it.resizeInput(i, x.shape());
        resized = true;
      }
    }
    if (resized) {
      it.allocateTensors();
    }
  }

  /** Runs once on {@code inputs} (already {@link #apply applied}) and returns copies of all outputs. */
  public static List<Npy> run(Interpreter it, List<Npy> inputs) {
    Object[] feeds = new Object[inputs.size()];
    for (int i = 0; i < feeds.length; i++) {
      feeds[i] = inputs.get(i).toInputBuffer(it.getInputTensor(i).dataType());
    }
    it.runForMultipleInputsOutputs(feeds, new HashMap<>());
    List<Npy> out = new ArrayList<>();
    for (int i = 0; i < it.getOutputTensorCount(); i++) {
      out.add(Npy.of(it.getOutputTensor(i)));
    }
    return out;
  }
}
