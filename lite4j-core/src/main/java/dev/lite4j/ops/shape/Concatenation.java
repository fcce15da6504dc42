package dev.lite4j.ops.shape;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.ConcatenationOptions;

/**
 * CONCATENATION along {@code axis} (negative counts from the end) of inputs that agree on every
 * other dimension. Float32, int32, int64, int8, uint8, int16, bool. As concatenation.cc, int8 inputs
 * must share the output's scale and zero point, int16 ones have zero point 0, and uint8 inputs with
 * other quantization are requantized ({@code ConcatenationWithScaling}).
 *
 * <p>TensorFlow Lite rejects a fused activation other than NONE; Lite4j applies it (as a clamp) for
 * float32 and rejects it for the other types.
 */
public final class Concatenation implements Kernel {
  private Activation activation;
  private int outer;
  private int[] inner;
  private int outInner;
  /** uint8 only: per input, whether it needs requantizing into the output's scale. */
  private boolean[] rescale;

  @Override
  public void prepare(OpContext ctx) {
    int n = ctx.inputCount();
    ctx.require(n >= 1, "needs at least one input");
    Movement.requireOutputs(ctx, 1);
    TensorBuffer first = Movement.input(ctx, 0, "values");
    TensorBuffer out = ctx.output(0);
    DataType type = first.type();
    switch (type) {
      case FLOAT32, INT32, INT64, INT8, UINT8, INT16, BOOL -> { }
      default -> throw ctx.unsupported("type " + type + " is not supported");
    }
    Movement.requireSameType(ctx, first, out);
    ConcatenationOptions o = ctx.options(new ConcatenationOptions());
    if (type == DataType.FLOAT32) {
      activation = Activation.of(o.fusedActivationFunction(), ctx);
    } else {
      ctx.require(o.fusedActivationFunction() == ActivationFunctionType.NONE,
          "a fused activation is not allowed on %s concatenation", type);
      activation = Activation.NONE;
    }
    int[] shape0 = first.shape();
    int rank = shape0.length;
    int axis = IntTensors.axis(ctx, o.axis(), rank, "axis");
    long sum = 0;
    for (int i = 0; i < n; i++) {
      TensorBuffer t = Movement.input(ctx, i, "values");
      ctx.require(t.type() == type, "input %d type %s differs from input 0 type %s", i, t.type(), type);
      ctx.require(t.rank() == rank, "input %d rank %d differs from input 0 rank %d", i, t.rank(), rank);
      for (int d = 0; d < rank; d++) {
        ctx.require(d == axis || t.dim(d) == shape0[d], "input %d shape %s does not match input 0 shape %s "
            + "outside axis %d", i, java.util.Arrays.toString(t.shape()), java.util.Arrays.toString(shape0), axis);
      }
      sum += t.dim(axis);
    }
    long[] outShape = Movement.widen(shape0);
    outShape[axis] = sum;
    ctx.setOutputShape(0, OutputShapes.of(ctx, outShape));
    checkQuantization(ctx, type);
    outer = Shapes.product(shape0, 0, axis);
    int after = Shapes.product(shape0, axis + 1, rank);
    inner = new int[n];
    for (int i = 0; i < n; i++) {
      inner[i] = ctx.input(i).dim(axis) * after;
    }
    outInner = (int) sum * after;
  }

  private void checkQuantization(OpContext ctx, DataType type) {
    TensorBuffer out = ctx.output(0);
    int n = ctx.inputCount();
    rescale = new boolean[n];
    for (int i = 0; i < n; i++) {
      TensorBuffer t = ctx.input(i);
      if (type == DataType.INT8) {
        Movement.requireSameQuantization(ctx, t, out);
      } else if (type == DataType.INT16) {
        ctx.require(t.quantization().zeroPoint() == 0 && out.quantization().zeroPoint() == 0,
            "int16 tensors need zero point 0");
      } else if (type == DataType.UINT8) {
        QuantizationParams q = t.quantization();
        QuantizationParams qo = out.quantization();
        rescale[i] = q.scale() != qo.scale() || q.zeroPoint() != qo.zeroPoint();
        ctx.require(!rescale[i] || qo.scale() > 0, "output scale %s cannot requantize input %d", qo.scale(), i);
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer out = ctx.output(0);
    int size = out.type().byteSize();
    int offset = 0;
    for (int i = 0; i < inner.length; i++) {
      TensorBuffer in = ctx.input(i);
      if (rescale[i]) {
        requantize(in, out, i, offset);
      } else {
        Movement.copyBlocks(in.bytes(), inner[i], 0, out.bytes(), outInner, offset, inner[i], outer, size);
      }
      offset += inner[i];
    }
    if (!activation.isNone()) {
      FloatBuffer o = out.floats();
      for (int k = 0, e = out.numElements(); k < e; k++) {
        o.put(k, activation.apply(o.get(k)));
      }
    }
  }

  /** reference_ops::ConcatenationWithScaling: round(q * s + b) + zero point in float, clamped to uint8. */
  private void requantize(TensorBuffer in, TensorBuffer out, int input, int offset) {
    QuantizationParams q = in.quantization();
    QuantizationParams qo = out.quantization();
    float scale = q.scale() * (1.0f / qo.scale());
    float bias = -q.zeroPoint() * scale;
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int len = inner[input];
    for (int o = 0; o < outer; o++) {
      for (int j = 0; j < len; j++) {
        float v = (src.get(o * len + j) & 0xff) * scale + bias;
        int r = roundHalfAway(v) + qo.zeroPoint();
        dst.put(o * outInner + offset + j, (byte) Math.max(0, Math.min(255, r)));
      }
    }
  }

  /** std::round: halves away from zero. */
  private static int roundHalfAway(float v) {
    return (int) (v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5));
  }
}
