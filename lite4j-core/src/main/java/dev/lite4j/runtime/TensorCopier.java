package dev.lite4j.runtime;

import dev.lite4j.DataType;
import java.lang.reflect.Array;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * Copies between tensors and the Java objects TensorFlow Lite's Java API accepts: multi-dimensional
 * primitive arrays of the tensor's shape, {@code ByteBuffer}s (direct or heap, native order) and
 * typed buffers holding exactly the tensor's bytes, and boxed scalars for 0-d tensors. Buffers are
 * read from their position and written at their position; their positions do not move.
 */
public final class TensorCopier {
  private TensorCopier() {}

  /** The shape of an array input (dimension sizes along the first element), or null for buffers and scalars. */
  public static int[] shapeOf(Object o) {
    if (o == null || !o.getClass().isArray()) {
      return null;
    }
    int rank = 0;
    for (Class<?> c = o.getClass(); c.isArray(); c = c.getComponentType()) {
      rank++;
    }
    int[] shape = new int[rank];
    Object cur = o;
    for (int i = 0; i < rank; i++) {
      shape[i] = Array.getLength(cur);
      if (shape[i] == 0 || i == rank - 1) {
        break;
      }
      cur = Array.get(cur, 0);
    }
    return shape;
  }

  /** The tensor type a Java array or boxed scalar naturally holds. */
  static DataType javaType(Object o) {
    Class<?> c = o.getClass();
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c == float.class || c == Float.class) {
      return DataType.FLOAT32;
    } else if (c == int.class || c == Integer.class) {
      return DataType.INT32;
    } else if (c == long.class || c == Long.class) {
      return DataType.INT64;
    } else if (c == byte.class || c == Byte.class) {
      return DataType.UINT8;
    } else if (c == boolean.class || c == Boolean.class) {
      return DataType.BOOL;
    } else if (c == short.class || c == Short.class) {
      return DataType.INT16;
    } else if (c == String.class) {
      return DataType.STRING;
    }
    return null;
  }

  private static boolean compatible(DataType tensor, DataType java) {
    if (tensor == java) {
      return true;
    }
    // byte[] serves both 8-bit types, short[] both 16-bit ones, as in TensorFlow Lite's Java API.
    return (java == DataType.UINT8 && tensor == DataType.INT8)
        || (java == DataType.INT16 && tensor == DataType.FLOAT16);
  }

  public static void copyIn(TensorBuffer t, Object src) {
    if (src == null) {
      throw new IllegalArgumentException("input for tensor '" + t.name() + "' is null");
    }
    if (src instanceof Buffer b) {
      copyBuffer(t, b, true);
      return;
    }
    checkType(t, src, "to");
    if (!src.getClass().isArray()) {
      if (t.numElements() != 1) {
        throw new IllegalArgumentException("Cannot copy a scalar into tensor '" + t.name() + "' of shape "
            + Arrays.toString(t.shape()) + "; scalars need a tensor with one element");
      }
      writeScalar(t, 0, src);
      return;
    }
    checkShape(t, src, "to");
    int[] pos = {0};
    writeArray(t, src, pos);
  }

  public static void copyOut(TensorBuffer t, Object dst) {
    if (dst == null) {
      throw new IllegalArgumentException("output for tensor '" + t.name() + "' is null");
    }
    if (dst instanceof Buffer b) {
      copyBuffer(t, b, false);
      return;
    }
    checkType(t, dst, "from");
    if (!dst.getClass().isArray()) {
      throw new IllegalArgumentException("Cannot copy tensor '" + t.name() + "' into a "
          + dst.getClass().getSimpleName() + ": outputs must be arrays or buffers");
    }
    checkShape(t, dst, "from");
    int[] pos = {0};
    readArray(t, dst, pos);
  }

  private static void checkType(TensorBuffer t, Object o, String dir) {
    DataType jt = javaType(o);
    if (jt == null || !compatible(t.type(), jt)) {
      throw new IllegalArgumentException("Cannot convert between a TensorFlowLite tensor '" + t.name()
          + "' with type " + t.type() + " and a Java object of type " + o.getClass().getName()
          + (jt == null ? "" : " (which is compatible with the TensorFlowLite type " + jt + ")"));
    }
  }

  private static void checkShape(TensorBuffer t, Object o, String dir) {
    int[] shape = shapeOf(o);
    if (!Arrays.equals(shape, t.shape())) {
      throw new IllegalArgumentException("Cannot copy " + dir + " a TensorFlowLite tensor ('" + t.name()
          + "') with shape " + Arrays.toString(t.shape()) + " " + (dir.equals("to") ? "from" : "to")
          + " a Java object with shape " + Arrays.toString(shape) + ".");
    }
  }

  private static void writeArray(TensorBuffer t, Object arr, int[] pos) {
    Class<?> comp = arr.getClass().getComponentType();
    int n = Array.getLength(arr);
    if (comp.isArray()) {
      for (int i = 0; i < n; i++) {
        Object sub = Array.get(arr, i);
        if (sub == null || Array.getLength(sub) != (n == 0 ? 0 : Array.getLength(Array.get(arr, 0)))) {
          throw new IllegalArgumentException("input for tensor '" + t.name() + "' is a ragged array");
        }
        writeArray(t, sub, pos);
      }
      return;
    }
    ByteBuffer b = t.bytes();
    int p = pos[0];
    switch (arr) {
      case float[] a -> t.floats().put(p, a);
      case int[] a -> t.ints().put(p, a);
      case long[] a -> t.longs().put(p, a);
      case short[] a -> t.shorts().put(p, a);
      case byte[] a -> b.put(p, a);
      case boolean[] a -> {
        for (int i = 0; i < a.length; i++) {
          b.put(p + i, (byte) (a[i] ? 1 : 0));
        }
      }
      default -> throw new IllegalArgumentException("tensor '" + t.name() + "': cannot copy from "
          + arr.getClass().getName());
    }
    pos[0] = p + n;
  }

  private static void readArray(TensorBuffer t, Object arr, int[] pos) {
    Class<?> comp = arr.getClass().getComponentType();
    int n = Array.getLength(arr);
    if (comp.isArray()) {
      for (int i = 0; i < n; i++) {
        readArray(t, Array.get(arr, i), pos);
      }
      return;
    }
    ByteBuffer b = t.bytes();
    int p = pos[0];
    switch (arr) {
      case float[] a -> t.floats().get(p, a);
      case int[] a -> t.ints().get(p, a);
      case long[] a -> t.longs().get(p, a);
      case short[] a -> t.shorts().get(p, a);
      case byte[] a -> b.get(p, a);
      case boolean[] a -> {
        for (int i = 0; i < a.length; i++) {
          a[i] = b.get(p + i) != 0;
        }
      }
      default -> throw new IllegalArgumentException("tensor '" + t.name() + "': cannot copy into "
          + arr.getClass().getName());
    }
    pos[0] = p + n;
  }

  private static void writeScalar(TensorBuffer t, int i, Object v) {
    ByteBuffer b = t.bytes();
    switch (v) {
      case Float f -> b.putFloat(i * 4, f);
      case Integer x -> b.putInt(i * 4, x);
      case Long x -> b.putLong(i * 8, x);
      case Short x -> b.putShort(i * 2, x);
      case Byte x -> b.put(i, x);
      case Boolean x -> b.put(i, (byte) (x ? 1 : 0));
      default -> throw new IllegalArgumentException("tensor '" + t.name() + "': cannot copy a "
          + v.getClass().getSimpleName());
    }
  }

  private static void copyBuffer(TensorBuffer t, Buffer buf, boolean in) {
    long tensorBytes = t.numBytes();
    ByteBuffer tensor = t.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    tensor.limit((int) tensorBytes);
    String what = in ? "Cannot copy to a TensorFlowLite tensor ('" + t.name() + "') with " + tensorBytes
        + " bytes from a Java Buffer with " : "Cannot copy from a TensorFlowLite tensor ('" + t.name()
        + "') with " + tensorBytes + " bytes to a Java Buffer with ";
    if (buf instanceof ByteBuffer bb) {
      long have = bb.remaining();
      if (in ? have != tensorBytes : have < tensorBytes) {
        throw new IllegalArgumentException(what + have + " bytes.");
      }
      ByteBuffer view = bb.duplicate();
      if (in) {
        tensor.put(view);
      } else {
        view.put(tensor);
      }
      return;
    }
    int elementBytes;
    DataType bufferType;
    if (buf instanceof FloatBuffer) {
      elementBytes = 4;
      bufferType = DataType.FLOAT32;
    } else if (buf instanceof IntBuffer) {
      elementBytes = 4;
      bufferType = DataType.INT32;
    } else if (buf instanceof LongBuffer) {
      elementBytes = 8;
      bufferType = DataType.INT64;
    } else if (buf instanceof ShortBuffer) {
      elementBytes = 2;
      bufferType = DataType.INT16;
    } else {
      throw new IllegalArgumentException("tensor '" + t.name() + "': unsupported buffer type "
          + buf.getClass().getSimpleName());
    }
    if (!compatible(t.type(), bufferType)) {
      throw new IllegalArgumentException("Cannot convert between a TensorFlowLite tensor '" + t.name()
          + "' with type " + t.type() + " and a " + buf.getClass().getSimpleName());
    }
    long have = (long) buf.remaining() * elementBytes;
    if (in ? have != tensorBytes : have < tensorBytes) {
      throw new IllegalArgumentException(what + have + " bytes.");
    }
    switch (buf) {
      case FloatBuffer f -> {
        if (in) {
          tensor.asFloatBuffer().put(f.duplicate());
        } else {
          f.duplicate().put(tensor.asFloatBuffer());
        }
      }
      case IntBuffer f -> {
        if (in) {
          tensor.asIntBuffer().put(f.duplicate());
        } else {
          f.duplicate().put(tensor.asIntBuffer());
        }
      }
      case LongBuffer f -> {
        if (in) {
          tensor.asLongBuffer().put(f.duplicate());
        } else {
          f.duplicate().put(tensor.asLongBuffer());
        }
      }
      case ShortBuffer f -> {
        if (in) {
          tensor.asShortBuffer().put(f.duplicate());
        } else {
          f.duplicate().put(tensor.asShortBuffer());
        }
      }
      default -> throw new IllegalStateException("unreachable");
    }
  }
}
