package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.kernels.fixedpoint.Rounding;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;

/**
 * QUANTIZE, as TensorFlow Lite's quantize.cc (and TF Lite Micro's for the extra requantize pairs).
 *
 * <p>Float32 to INT8, UINT8 or INT16: {@code round(x / scale) + zero_point}, clamped, with the division
 * in double and rounding half away from zero (the optimized {@code AffineQuantize}) per tensor, or in
 * float per channel along the output's {@code quantized_dimension} ({@code PerChannelQuantize}). A quotient beyond int32 (or NaN) converts as
 * x86's cvttsd2si does, to INT_MIN, so it clamps to the type's minimum.
 *
 * <p>Integer to integer (requantize): {@code MultiplyByQuantizedMultiplier(q - zp_in, in_scale/out_scale)
 * + zp_out}, clamped. Pairs: INT8/UINT8 to INT8/UINT8, INT16 to INT8/INT16/INT32, INT32 to INT8/INT16, and
 * INT8 to INT16/INT32 (TF Lite Micro).
 */
public final class Quantize implements Kernel {
  private float[] scales;
  private int[] zeroPoints;
  private int inner;
  private int channels;
  private QuantizedMultiplier multiplier;
  private int inputZeroPoint;
  private int outputZeroPoint;
  private QuantizedRange range;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(ctx.inputCount() == 1 && in != null && ctx.outputCount() == 1,
        "needs one input and one output, has %d and %d", ctx.inputCount(), ctx.outputCount());
    TensorBuffer out = ctx.output(0);
    DataType from = in.type();
    DataType to = out.type();
    ctx.require(out.quantization().isQuantized(), "output '%s' has no quantization scale", out.name());
    if (from == DataType.FLOAT32) {
      if (!QuantizedTensors.isQuantizedType(to)) {
        throw ctx.unsupported("FLOAT32 to " + to + " is not supported (INT8, UINT8 or INT16 only)");
      }
      prepareFloat(ctx, out);
    } else {
      if (!requantizes(from, to)) {
        throw ctx.unsupported(from + " to " + to + " is not supported");
      }
      float inScale = QuantizedTensors.scale(ctx, in, "input");
      float outScale = QuantizedTensors.scale(ctx, out, "output");
      inputZeroPoint = QuantizedTensors.zeroPoint(ctx, in, "input");
      outputZeroPoint = QuantizedTensors.zeroPoint(ctx, out, "output");
      if (from == DataType.INT16 && to == DataType.INT16) {
        ctx.require(inputZeroPoint == 0 && outputZeroPoint == 0,
            "INT16 to INT16 needs zero points 0, has %d and %d", inputZeroPoint, outputZeroPoint);
      }
      multiplier = QuantizedMultiplier.of((double) inScale / (double) outScale);
    }
    range = QuantizedRange.of(to);
    ctx.setOutputShape(0, in.shape());
  }

  private static boolean requantizes(DataType from, DataType to) {
    return switch (from) {
      case INT8 -> to == DataType.INT8 || to == DataType.UINT8 || to == DataType.INT16 || to == DataType.INT32;
      case UINT8 -> to == DataType.INT8 || to == DataType.UINT8;
      case INT16 -> to == DataType.INT8 || to == DataType.INT16 || to == DataType.INT32;
      case INT32 -> to == DataType.INT8 || to == DataType.INT16;
      default -> false;
    };
  }

  private void prepareFloat(OpContext ctx, TensorBuffer out) {
    QuantizationParams q = out.quantization();
    channels = q.channelCount();
    scales = new float[channels];
    zeroPoints = new int[channels];
    QuantizedRange full = QuantizedRange.of(out.type());
    for (int c = 0; c < channels; c++) {
      float s = q.scaleAt(c);
      ctx.require(s > 0 && Float.isFinite(s), "output '%s' has scale %s (must be positive and finite)", out.name(), s);
      long zp = q.zeroPointAt(c);
      ctx.require(zp >= full.min() && zp <= full.max(), "output '%s' has zero point %d outside %s's range",
          out.name(), zp, out.type());
      scales[c] = s;
      zeroPoints[c] = (int) zp;
    }
    inner = Dequantize.channelInner(ctx, ctx.input(0), q, channels, "output scales");
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = out.numElements();
    if (in.type() == DataType.FLOAT32) {
      FloatBuffer x = in.floats();
      for (int i = 0; i < n; i++) {
        int c = channels == 1 ? 0 : (i / inner) % channels;
        int q = channels == 1 ? quantize(x.get(i), scales[c], zeroPoints[c])
            : quantizePerChannel(x.get(i), scales[c], zeroPoints[c]);
        QuantizedTensors.set(out, i, range.clamp(q));
      }
    } else {
      for (int i = 0; i < n; i++) {
        int v = FixedPoint.multiplyByQuantizedMultiplier(QuantizedTensors.get(in, i) - inputZeroPoint,
            multiplier.multiplier(), multiplier.shift()) + outputZeroPoint;
        QuantizedTensors.set(out, i, range.clamp(v));
      }
    }
  }

  /** Per channel TF Lite divides in float ({@code PerChannelQuantize}). */
  static int quantizePerChannel(float x, float scale, int zeroPoint) {
    float r = Rounding.roundHalfAway(x / scale);
    int q = r >= -0x1p31f && r < 0x1p31f ? (int) r : Integer.MIN_VALUE;
    return q + zeroPoint;
  }

  /** {@code static_cast<int32>(TfLiteRound(x / (double) scale)) + zero_point} with x86's conversion. */
  static int quantize(float x, float scale, int zeroPoint) {
    double r = Rounding.roundHalfAway(x / (double) scale);
    int q = r >= -0x1p31 && r < 0x1p31 ? (int) r : Integer.MIN_VALUE;
    return q + zeroPoint;
  }
}
