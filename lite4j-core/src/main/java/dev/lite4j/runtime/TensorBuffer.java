package dev.lite4j.runtime;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.model.TensorDef;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * A tensor of one interpreter: its current shape and its bytes (a slice of the arena, a view of a
 * constant buffer, or a buffer of its own for variable and dynamic tensors). Kernels read and write
 * elements through the typed views ({@link #floats()}, {@link #ints()}, ...), indexed from 0 in C order.
 */
public final class TensorBuffer {
  /** Where a tensor's bytes live. */
  public enum Storage { CONSTANT, ARENA, VARIABLE, DYNAMIC }

  private final TensorDef def;
  private final DataType type;
  private int[] shape;
  private Storage storage;
  private ByteBuffer data;
  private FloatBuffer floats;
  private IntBuffer ints;
  private LongBuffer longs;
  private ShortBuffer shorts;

  public TensorBuffer(TensorDef def) {
    this.def = def;
    this.type = def.type();
    this.shape = def.shape().clone();
    if (def.isConstant()) {
      storage = Storage.CONSTANT;
      bind(def.dataView());
    } else {
      storage = def.isVariable() ? Storage.VARIABLE : Storage.ARENA;
    }
  }

  public TensorDef def() {
    return def;
  }

  public int index() {
    return def.index();
  }

  public String name() {
    return def.name();
  }

  public DataType type() {
    return type;
  }

  public QuantizationParams quantization() {
    return def.quantization();
  }

  /** The current shape (do not modify; use {@link #setShape}). */
  public int[] shape() {
    return shape;
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int i) {
    return shape[i];
  }

  public void setShape(int[] newShape) {
    this.shape = newShape.clone();
  }

  public int numElements() {
    return Shapes.elementCount(shape);
  }

  public long numBytes() {
    return (long) numElements() * type.byteSize();
  }

  public Storage storage() {
    return storage;
  }

  public void setStorage(Storage storage) {
    this.storage = storage;
  }

  public boolean isConstant() {
    return storage == Storage.CONSTANT;
  }

  public boolean isDynamic() {
    return storage == Storage.DYNAMIC;
  }

  public boolean hasData() {
    return data != null;
  }

  /** Points this tensor at {@code bytes} (little-endian, position 0). */
  public void bind(ByteBuffer bytes) {
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    this.data = b;
    this.floats = null;
    this.ints = null;
    this.longs = null;
    this.shorts = null;
    switch (type) {
      case FLOAT32 -> floats = b.asFloatBuffer();
      case INT32 -> ints = b.asIntBuffer();
      case INT64, COMPLEX64 -> longs = b.asLongBuffer();
      case INT16, FLOAT16 -> shorts = b.asShortBuffer();
      default -> { }
    }
  }

  /** The raw bytes, little-endian, position 0 (absolute access only: the position is shared). */
  public ByteBuffer bytes() {
    return requireData();
  }

  public FloatBuffer floats() {
    requireData();
    return floats;
  }

  public IntBuffer ints() {
    requireData();
    return ints;
  }

  public LongBuffer longs() {
    requireData();
    return longs;
  }

  /** INT16 and FLOAT16 (raw half-precision bits) elements. */
  public ShortBuffer shorts() {
    requireData();
    return shorts;
  }

  private ByteBuffer requireData() {
    if (data == null) {
      throw new IllegalStateException("tensor " + def.index() + " '" + def.name()
          + "' has no data: allocateTensors() has not run, or the tensor is dynamic and not yet computed");
    }
    return data;
  }

  /** Reads element {@code i} as a double, whatever the type (for tools and tests, not hot loops). */
  public double getAsDouble(int i) {
    ByteBuffer b = requireData();
    return switch (type) {
      case FLOAT32 -> b.getFloat(i * 4);
      case FLOAT16 -> Float.float16ToFloat(b.getShort(i * 2));
      case INT32 -> b.getInt(i * 4);
      case INT64 -> b.getLong(i * 8);
      case INT16 -> b.getShort(i * 2);
      case INT8 -> b.get(i);
      case UINT8 -> b.get(i) & 0xff;
      case BOOL -> b.get(i) != 0 ? 1 : 0;
      default -> throw new IllegalStateException("tensor '" + def.name() + "' of type " + type
          + " has no numeric elements");
    };
  }

  @Override
  public String toString() {
    return "tensor " + def.index() + " '" + def.name() + "' " + type + Arrays.toString(shape);
  }
}
