package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.tensorflow.lite.schema.TensorType;

/**
 * ARG_MAX and ARG_MIN, as TF Lite's reference ArgMinMax: along one axis (a one-element int32/int64
 * tensor, negative counts from the end), the index of the first element strictly greater (smaller)
 * than every earlier one, so ties give the first index and NaN never wins over an earlier value.
 * Inputs: float32, int32, int8, uint8 (raw values: the order is the same as the real values') and
 * bool; output int32 or int64 as output_type says. The axis is removed from the output shape.
 */
abstract class ArgReduction implements Kernel {
  private final boolean max;
  private boolean dynamic;
  private int outer;
  private int axisSize;
  private int inner;

  ArgReduction(boolean max) {
    this.max = max;
  }

  /** output_type from the node's options (ArgMaxOptions or ArgMinOptions). */
  abstract byte outputType(OpContext ctx);

  @Override
  public final void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer axis = ctx.input(1);
    ctx.require(in != null && axis != null && ctx.outputCount() >= 1, "needs an input, an axis and an output");
    switch (in.type()) {
      case FLOAT32, INT32, INT8, UINT8, BOOL -> { }
      default -> throw ctx.unsupported("type " + in.type() + " is not supported");
    }
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    IntTensors.requireIndexType(ctx, axis, "axis");
    byte declared = outputType(ctx);
    ctx.require(declared == TensorType.INT32 || declared == TensorType.INT64,
        "output_type must be INT32 (2) or INT64 (4), not %d", declared);
    DataType outType = ctx.output(0).type();
    ctx.require(outType.schemaCode() == declared, "output tensor type %s differs from output_type %d", outType,
        declared);
    dynamic = !axis.isConstant();
    if (dynamic) {
      ctx.setOutputDynamic(0);
    } else {
      ctx.setOutputShape(0, outputShape(ctx));
    }
  }

  /** Reads the axis, sets outer/axis/inner sizes and returns the input shape without the axis. */
  private int[] outputShape(OpContext ctx) {
    int[] shape = ctx.input(0).shape();
    int rank = shape.length;
    int a = IntTensors.scalar(ctx, ctx.input(1), "axis");
    ctx.require(a >= -rank && a < rank, "axis %d is out of range for rank %d", a, rank);
    a = a < 0 ? a + rank : a;
    int[] out = new int[rank - 1];
    outer = 1;
    inner = 1;
    for (int d = 0, k = 0; d < rank; d++) {
      if (d < a) {
        outer *= shape[d];
      } else if (d > a) {
        inner *= shape[d];
      }
      if (d != a) {
        out[k++] = shape[d];
      }
    }
    axisSize = shape[a];
    ctx.require(axisSize > 0 || (long) outer * inner == 0, "cannot take the arg %s of an empty axis",
        max ? "max" : "min");
    return out;
  }

  @Override
  public final void run(OpContext ctx) {
    if (dynamic) {
      ctx.resizeDynamicOutput(0, outputShape(ctx));
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (out.numElements() == 0) {
      return;
    }
    boolean longOut = out.type() == DataType.INT64;
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * axisSize * inner + i;
        int best = switch (in.type()) {
          case FLOAT32 -> argFloat(in, base);
          case INT32 -> argInt(in, base);
          default -> argByte(in, base);
        };
        if (longOut) {
          out.longs().put(o * inner + i, best);
        } else {
          out.ints().put(o * inner + i, best);
        }
      }
    }
  }

  private int argFloat(TensorBuffer in, int base) {
    FloatBuffer src = in.floats();
    float bestValue = src.get(base);
    int best = 0;
    for (int k = 1; k < axisSize; k++) {
      float v = src.get(base + k * inner);
      if (max ? v > bestValue : v < bestValue) {
        bestValue = v;
        best = k;
      }
    }
    return best;
  }

  private int argInt(TensorBuffer in, int base) {
    IntBuffer src = in.ints();
    int bestValue = src.get(base);
    int best = 0;
    for (int k = 1; k < axisSize; k++) {
      int v = src.get(base + k * inner);
      if (max ? v > bestValue : v < bestValue) {
        bestValue = v;
        best = k;
      }
    }
    return best;
  }

  /** int8, uint8 (unsigned) and bool (any non-zero byte is true). */
  private int argByte(TensorBuffer in, int base) {
    ByteBuffer src = in.bytes();
    DataType type = in.type();
    int bestValue = byteValue(src.get(base), type);
    int best = 0;
    for (int k = 1; k < axisSize; k++) {
      int v = byteValue(src.get(base + k * inner), type);
      if (max ? v > bestValue : v < bestValue) {
        bestValue = v;
        best = k;
      }
    }
    return best;
  }

  private static int byteValue(byte b, DataType type) {
    return switch (type) {
      case UINT8 -> b & 0xff;
      case BOOL -> b != 0 ? 1 : 0;
      default -> b;
    };
  }
}
