package dev.lite4j.model;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import java.nio.ByteBuffer;

/**
 * A tensor as the model file declares it. {@code data} is a read-only little-endian view of the
 * constant buffer (never a copy), or null for tensors computed at run time; {@code dataOffset} is
 * where that buffer starts in the model's bytes (the file offset, for a model mapped from a file),
 * or -1 without data.
 */
public record TensorDef(
    int index,
    String name,
    DataType type,
    int[] shape,
    int[] shapeSignature,
    ByteBuffer data,
    QuantizationParams quantization,
    boolean isVariable,
    Sparsity sparsity,
    long dataOffset) {

  public boolean isConstant() {
    return data != null;
  }

  /** A fresh read-only view of the constant data, positioned at 0. */
  public ByteBuffer dataView() {
    return data == null ? null : data.duplicate().order(data.order());
  }
}
