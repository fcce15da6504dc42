package dev.lite4j.ops.normalization;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.FixedPointMath;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.L2NormOptions;

/**
 * L2_NORMALIZATION (float32) over the last dimension: x / max(sqrt(sum x^2), 1e-6), the epsilon TensorFlow
 * Lite's float kernels use. Rank up to 4 and no fused activation, as TensorFlow Lite requires.
 *
 * <p>uint8 and int8 (output scale 1/128, zero point 128 or 0, as TF Lite 2.6 requires): the sum of squared
 * {@code q - zp_in} in int32 gives the quantized multiplier of its inverse square root ({@link FixedPointMath#invSqrtQuantizedMultiplierExp});
 * uint8 outputs {@code 128 + (128 * d) * multiplier} (optimized_ops), int8 {@code d * multiplier << 7}
 * (reference_integer_ops), each rounded as TF Lite does and clamped.
 */
public final class L2Normalization implements Kernel {
  private static final float EPSILON = 1e-6f;
  private int depth;
  private int inputZeroPoint;
  private int[] row;
  private final int[] inv = new int[2]; // multiplier, shift

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    DataType type = in.type();
    if (type != DataType.FLOAT32 && type != DataType.UINT8 && type != DataType.INT8) {
      throw ctx.unsupported("type " + type + " is not supported");
    }
    TensorBuffer out = ctx.output(0);
    ctx.require(out.type() == type, "output type %s differs from input type %s", out.type(), type);
    if (type != DataType.FLOAT32) {
      QuantizedTensors.scale(ctx, in, "input");
      inputZeroPoint = QuantizedTensors.zeroPoint(ctx, in, "input");
      int zp = type == DataType.UINT8 ? 128 : 0;
      ctx.require(out.quantization().scale() == 1f / 128 && out.quantization().zeroPoint() == zp,
          "output '%s' must have scale 1/128 and zero point %d, has %s", out.name(), zp, out.quantization());
    }
    ctx.require(in.rank() >= 1 && in.rank() <= 4, "input rank must be 1 to 4, got %d", in.rank());
    if (ctx.options(new L2NormOptions()).fusedActivationFunction() != ActivationFunctionType.NONE) {
      throw ctx.unsupported("a fused activation is not supported (TensorFlow Lite refuses it too)");
    }
    depth = in.dim(in.rank() - 1);
    row = type == DataType.FLOAT32 ? null : new int[depth];
    ctx.setOutputShape(0, in.shape());
  }

  @Override
  public void run(OpContext ctx) {
    if (ctx.input(0).type() != DataType.FLOAT32) {
      runQuantized(ctx.input(0), ctx.output(0));
      return;
    }
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.input(0).numElements();
    for (int start = 0; depth > 0 && start < n; start += depth) {
      float squares = 0f;
      for (int c = 0; c < depth; c++) {
        float v = in.get(start + c);
        squares += v * v;
      }
      float norm = Math.max((float) Math.sqrt(squares), EPSILON);
      for (int c = 0; c < depth; c++) {
        out.put(start + c, in.get(start + c) / norm);
      }
    }
  }

  private void runQuantized(TensorBuffer in, TensorBuffer out) {
    boolean uint8 = in.type() == DataType.UINT8;
    int n = in.numElements();
    for (int start = 0; depth > 0 && start < n; start += depth) {
      QuantizedTensors.read(in, start, row, 0, depth);
      int squares = 0;
      for (int c = 0; c < depth; c++) {
        row[c] -= inputZeroPoint;
        squares += row[c] * row[c];
      }
      FixedPointMath.invSqrtQuantizedMultiplierExp(squares, -1, inv);
      for (int c = 0; c < depth; c++) {
        row[c] = uint8
            ? FixedPoint.clamp(128 + FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(128 * row[c],
                inv[0], inv[1]), 0, 255)
            : FixedPoint.clamp(FixedPoint.multiplyByQuantizedMultiplier(row[c], inv[0], inv[1] + 7),
                Byte.MIN_VALUE, Byte.MAX_VALUE);
      }
      QuantizedTensors.write(row, 0, out, start, depth);
    }
  }
}
