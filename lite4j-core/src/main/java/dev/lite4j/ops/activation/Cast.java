package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * CAST: converts every element to the output tensor's type, as TF Lite's cast.cc (the options'
 * in/out types are ignored there too: the tensors' types rule). Every pair of float32, float16,
 * int64, int32, int16, int8, uint8, bool and complex64 is supported; strings are not.
 *
 * <p>The conversions are C++'s static_cast, made well defined where C++ leaves them undefined:
 * <ul>
 *   <li>integer to narrower integer wraps (two's complement), bool becomes 0/1, any to bool is
 *       {@code x != 0} (NaN gives true);</li>
 *   <li>float to int32 truncates toward zero and saturates, NaN giving INT32_MAX (current TF Lite's
 *       copyCast for float to int32); float to int16 and to uint8 clamp to the type's range first
 *       (NaN gives 0); float to int8 (through int32, as C compilers do) and to int64 truncate toward
 *       zero, and out-of-range values or NaN give what x86's cvttss2si gives (the "integer
 *       indefinite" 0x80..0, so 0 for int8);</li>
 *   <li>integers to float32 round to nearest; to float16 through float32 (as TF Lite does), rounding
 *       to nearest even; float16 and complex64 sources are read as float32 (complex: the real
 *       part), and a complex64 output gets an imaginary part of 0; a cast to the same type copies.</li>
 * </ul>
 */
public final class Cast implements Kernel {
  /** nextafter(2^31, 0): the largest float below 2^31, TF Lite's upper bound for float to int32. */
  private static final float MAX_INT32_FLOAT = Math.nextDown(0x1p31f);

  private DataType inType;
  private DataType outType;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(ctx.inputCount() == 1 && in != null, "needs exactly one input, has %d", ctx.inputCount());
    ctx.require(ctx.outputCount() == 1, "needs exactly one output, has %d", ctx.outputCount());
    inType = in.type();
    outType = ctx.output(0).type();
    if (inType == DataType.STRING || outType == DataType.STRING) {
      throw ctx.unsupported("cannot cast " + inType + " to " + outType);
    }
    ctx.setOutputShape(0, in.shape());
  }

  @Override
  public void run(OpContext ctx) {
    ByteBuffer in = ctx.input(0).bytes();
    ByteBuffer out = ctx.output(0).bytes();
    int n = ctx.output(0).numElements();
    if (inType == outType) {
      out.put(0, in, 0, (int) ctx.output(0).numBytes()); // absolute: positions stay put
    } else if (isFloatLike(inType)) {
      for (int i = 0; i < n; i++) {
        writeFloat(out, i, readFloat(in, i));
      }
    } else {
      for (int i = 0; i < n; i++) {
        writeLong(out, i, readLong(in, i));
      }
    }
  }

  private static boolean isFloatLike(DataType t) {
    return t == DataType.FLOAT32 || t == DataType.FLOAT16 || t == DataType.COMPLEX64;
  }

  private float readFloat(ByteBuffer b, int i) {
    return switch (inType) {
      case FLOAT32 -> b.getFloat(4 * i);
      case FLOAT16 -> Float.float16ToFloat(b.getShort(2 * i));
      default -> b.getFloat(8 * i); // COMPLEX64: the real part
    };
  }

  private long readLong(ByteBuffer b, int i) {
    return switch (inType) {
      case INT64 -> b.getLong(8 * i);
      case INT32 -> b.getInt(4 * i);
      case INT16 -> b.getShort(2 * i);
      case INT8 -> b.get(i);
      case UINT8 -> b.get(i) & 0xff;
      default -> b.get(i) != 0 ? 1 : 0; // BOOL
    };
  }

  private void writeLong(ByteBuffer b, int i, long v) {
    switch (outType) {
      case INT64 -> b.putLong(8 * i, v);
      case INT32 -> b.putInt(4 * i, (int) v);
      case INT16 -> b.putShort(2 * i, (short) v);
      case INT8, UINT8 -> b.put(i, (byte) v);
      case BOOL -> b.put(i, (byte) (v != 0 ? 1 : 0));
      default -> writeFloat(b, i, (float) v);
    }
  }

  private void writeFloat(ByteBuffer b, int i, float f) {
    switch (outType) {
      case FLOAT32 -> b.putFloat(4 * i, f);
      case FLOAT16 -> b.putShort(2 * i, Float.floatToFloat16(f));
      case COMPLEX64 -> {
        b.putFloat(8 * i, f);
        b.putFloat(8 * i + 4, 0f);
      }
      case INT64 -> b.putLong(8 * i, truncateToLong(f));
      case INT32 -> b.putInt(4 * i, f <= MAX_INT32_FLOAT ? (int) f : Integer.MAX_VALUE);
      case INT16 -> b.putShort(2 * i, (short) (int) Math.max(Math.min(f, 32767f), -32768f));
      case UINT8 -> b.put(i, (byte) (int) Math.max(Math.min(f, 255f), 0f));
      case INT8 -> b.put(i, (byte) truncateToInt(f));
      default -> b.put(i, (byte) (f != 0f ? 1 : 0)); // BOOL
    }
  }

  /** Truncation toward zero; out of the int32 range or NaN, x86's integer indefinite (INT32_MIN). */
  private static int truncateToInt(float f) {
    return f >= -0x1p31f && f < 0x1p31f ? (int) f : Integer.MIN_VALUE;
  }

  /** Truncation toward zero; out of the int64 range or NaN, x86's integer indefinite (INT64_MIN). */
  private static long truncateToLong(float f) {
    return f >= -0x1p63f && f < 0x1p63f ? (long) f : Long.MIN_VALUE;
  }
}
