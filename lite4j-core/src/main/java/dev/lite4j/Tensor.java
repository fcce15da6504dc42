package dev.lite4j;

import dev.lite4j.runtime.TensorBuffer;
import dev.lite4j.runtime.TensorCopier;
import java.nio.ByteBuffer;

/**
 * An input or output tensor of an {@link Interpreter}, shaped like TensorFlow Lite's Java
 * {@code Tensor}: its name, index, shape, type and quantization, and its current bytes.
 */
public final class Tensor {
  private final TensorBuffer buffer;

  Tensor(TensorBuffer buffer) {
    this.buffer = buffer;
  }

  public String name() {
    return buffer.name();
  }

  /** The tensor's index in the subgraph. */
  public int index() {
    return buffer.index();
  }

  public DataType dataType() {
    return buffer.type();
  }

  public int numDimensions() {
    return buffer.rank();
  }

  public int[] shape() {
    return buffer.shape().clone();
  }

  /** The shape the model declares, -1 for dimensions that may change. */
  public int[] shapeSignature() {
    return buffer.def().shapeSignature().clone();
  }

  public int numElements() {
    return buffer.numElements();
  }

  public int numBytes() {
    return (int) buffer.numBytes();
  }

  public QuantizationParams quantizationParams() {
    return buffer.quantization();
  }

  /** A read-only view of the tensor's current bytes (native order). */
  public ByteBuffer asReadOnlyBuffer() {
    ByteBuffer b = buffer.bytes().asReadOnlyBuffer();
    return b.slice(0, (int) buffer.numBytes()).order(java.nio.ByteOrder.nativeOrder());
  }

  /** Copies this tensor's data into {@code dst} (an array of the tensor's shape, or a buffer). */
  public void copyTo(Object dst) {
    TensorCopier.copyOut(buffer, dst);
  }

  TensorBuffer buffer() {
    return buffer;
  }

  @Override
  public String toString() {
    return "Tensor(" + name() + ", " + dataType() + java.util.Arrays.toString(buffer.shape()) + ")";
  }
}
