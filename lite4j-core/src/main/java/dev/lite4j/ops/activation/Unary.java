package dev.lite4j.ops.activation;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Set;

/** Checks shared by the one-input, one-output operators of this family (TF Lite's GenericPrepare). */
final class Unary {
  private Unary() {}

  /**
   * Checks one input and one output of the same type, the type among {@code supported} and not
   * quantized (ops with integer kernels call {@link #prepareQuantized} for those), and gives the output
   * the input's shape.
   */
  static TensorBuffer prepareSameShape(OpContext ctx, Set<DataType> supported) {
    TensorBuffer in = ctx.input(0);
    ctx.require(ctx.inputCount() == 1 && in != null, "needs exactly one input, has %d", ctx.inputCount());
    ctx.require(ctx.outputCount() == 1, "needs exactly one output, has %d", ctx.outputCount());
    TensorBuffer out = ctx.output(0);
    ctx.require(out.type() == in.type(), "output type %s differs from input type %s", out.type(), in.type());
    requireSupported(ctx, in, supported);
    ctx.setOutputShape(0, in.shape());
    return in;
  }

  /**
   * Refuses types outside {@code supported}, and quantized 8/16-bit integer tensors (whose values
   * mean scale * (q - zero_point): refused by the ops that have no integer kernel). Quantization parameters on
   * float32 or int32/int64 tensors are ignored, as TF Lite ignores them.
   */
  static void requireSupported(OpContext ctx, TensorBuffer t, Set<DataType> supported) {
    DataType type = t.type();
    boolean smallInt = type == DataType.INT8 || type == DataType.UINT8 || type == DataType.INT16;
    if (!supported.contains(type)) {
      String why = smallInt ? " (quantized kernels are not implemented yet)" : "";
      throw ctx.unsupported("type " + type + " is not supported" + why + "; supported: " + supported);
    }
    if (smallInt && t.quantization().isQuantized()) {
      throw ctx.unsupported("quantized " + t.type() + " tensors are not supported yet");
    }
  }

  /**
   * Checks one INT8, UINT8 or INT16 input and one output of the same type, both with a per-tensor scale
   * and zero point in range, and gives the output the input's shape (the quantized GenericPrepare).
   */
  static TensorBuffer prepareQuantized(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(ctx.inputCount() == 1 && in != null, "needs exactly one input, has %d", ctx.inputCount());
    ctx.require(ctx.outputCount() == 1, "needs exactly one output, has %d", ctx.outputCount());
    TensorBuffer out = ctx.output(0);
    ctx.require(out.type() == in.type(), "output type %s differs from input type %s", out.type(), in.type());
    QuantizedTensors.scale(ctx, in, "input");
    QuantizedTensors.zeroPoint(ctx, in, "input");
    QuantizedTensors.scale(ctx, out, "output");
    QuantizedTensors.zeroPoint(ctx, out, "output");
    ctx.setOutputShape(0, in.shape());
    return in;
  }

  /** {@link #prepareQuantized} for the ops whose TF Lite 2.6 kernels take INT8 and UINT8 only. */
  static TensorBuffer prepareQuantized8(OpContext ctx) {
    TensorBuffer in = prepareQuantized(ctx);
    if (in.type() == DataType.INT16) {
      throw ctx.unsupported("INT16 is not supported (TensorFlow Lite 2.6 has INT8 and UINT8 kernels only)");
    }
    return in;
  }

  /** True for an INT8, UINT8 or INT16 input: the integer kernels' case (which insist on quantization parameters). */
  static boolean isQuantized(TensorBuffer in) {
    return in != null && QuantizedTensors.isQuantizedType(in.type());
  }
}
