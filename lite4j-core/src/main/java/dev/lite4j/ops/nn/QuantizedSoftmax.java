package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.Rounding;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import org.tensorflow.lite.schema.SoftmaxOptions;

/**
 * SOFTMAX on quantized integers, as TensorFlow Lite 2.6's optimized x86 kernels compute it.
 *
 * <p>int8 and uint8 inputs (outputs: the input's type, or int16): a 256-entry float table
 * {@code exp(-scale * beta * d)} for every distance d below the row's max, summed in float; each
 * probability is {@code table * (1 / (sum * output_scale))} in float, quantized with {@code (int)(p + 0.5f)}
 * for uint8 outputs and {@code round(p) + zero_point} otherwise (optimized_ops::Softmax).
 *
 * <p>int16 input and output: reference_ops::SoftmaxInt16, fixed point with two 513-entry interpolated
 * tables ({@code exp} on [-10, 0] and {@code 1 / (1 + x)} on [0, 1]).
 */
public final class QuantizedSoftmax implements Kernel {
  private static final int LUT_SIZE = 513;

  private int depth;
  private float[] table;
  private float outputScale;
  private int outputZeroPoint;
  private int clampMin;
  private int clampMax;
  private short[] expLut;
  private short[] reciprocalLut;
  private QuantizedMultiplier inputMultiplier;
  private int[] row;
  private int[] result;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.inputCount() == 1 && ctx.outputCount() == 1, "needs one input and one output");
    TensorBuffer out = ctx.output(0);
    DataType inType = in.type();
    DataType outType = out.type();
    boolean supported = switch (inType) {
      case INT8 -> outType == DataType.INT8 || outType == DataType.INT16;
      case UINT8 -> outType == DataType.UINT8 || outType == DataType.INT16;
      case INT16 -> outType == DataType.INT16;
      default -> false;
    };
    if (!supported) {
      throw ctx.unsupported("input type " + inType + " with output type " + outType + " is not supported");
    }
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    float inputScale = QuantizedTensors.scale(ctx, in, "input");
    int inputZeroPoint = QuantizedTensors.zeroPoint(ctx, in, "input");
    outputScale = QuantizedTensors.scale(ctx, out, "output");
    outputZeroPoint = QuantizedTensors.zeroPoint(ctx, out, "output");
    float beta = ctx.options(new SoftmaxOptions()).beta();
    if (inType == DataType.INT8 && outType == DataType.INT8) {
      ctx.require(outputZeroPoint == -128, "int8 output '%s' must have zero point -128, has %d", out.name(),
          outputZeroPoint);
      ctx.require(Math.abs(outputScale - 1f / 256) <= 0.001f * 1f / 256,
          "int8 output '%s' must have scale 1/256, has %s", out.name(), outputScale);
    } else if (inType == DataType.INT16) {
      ctx.require(Math.abs(outputScale - 1f / 32768) <= 0.001f * 1f / 32768,
          "int16 output '%s' must have scale 1/32768, has %s", out.name(), outputScale);
      ctx.require(inputZeroPoint == 0 && outputZeroPoint == 0, "int16 input and output must have zero point 0, have %d and %d",
          inputZeroPoint, outputZeroPoint);
    }
    ctx.setOutputShape(0, in.shape());
    depth = in.dim(in.rank() - 1);
    row = new int[depth];
    result = new int[depth];
    clampMin = outType == DataType.UINT8 ? 0 : outType == DataType.INT8 ? Byte.MIN_VALUE : Short.MIN_VALUE;
    clampMax = outType == DataType.UINT8 ? 255 : outType == DataType.INT8 ? Byte.MAX_VALUE : Short.MAX_VALUE;
    if (inType == DataType.INT16) {
      expLut = lut(false);
      reciprocalLut = lut(true);
      // scales the input difference so that [-65535, 0] stands for [-10, 0]
      inputMultiplier = QuantizedMultiplier.of(inputScale * (double) beta / (10.0 / 65535.0));
    } else {
      table = expTable(inputScale, beta);
    }
  }

  /** PopulateSoftmaxLookupTable: {@code table[255 - d] = expf(-input_scale * beta * d)}, all in float. */
  static float[] expTable(float inputScale, float beta) {
    float scale = -inputScale * beta;
    float[] t = new float[256];
    for (int d = 0; d <= 255; d++) {
      t[255 - d] = (float) Math.exp(scale * d);
    }
    return t;
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = in.numElements();
    if (depth == 0) {
      return;
    }
    boolean roundUint8 = out.type() == DataType.UINT8;
    for (int start = 0; start < n; start += depth) {
      QuantizedTensors.read(in, start, row, 0, depth);
      if (expLut != null) {
        softmaxInt16(row, result);
      } else {
        softmaxTable(row, result, roundUint8);
      }
      QuantizedTensors.write(result, 0, out, start, depth);
    }
  }

  private void softmaxTable(int[] row, int[] result, boolean roundUint8) {
    int max = Integer.MIN_VALUE;
    for (int v : row) {
      max = Math.max(max, v);
    }
    int offset = 255 - max; // table[offset + x] = exp(scale * beta * (x - max))
    float sum = 0f;
    for (int v : row) {
      sum += table[offset + v];
    }
    float inverse = 1f / (sum * outputScale);
    for (int j = 0; j < depth; j++) {
      float p = table[offset + row[j]] * inverse;
      // x86 (not aarch64) quantizes a uint8 probability by adding 0.5f and truncating; others std::round.
      int q = roundUint8 ? (int) (p + 0.5f) : (int) Rounding.roundHalfAway(p) + outputZeroPoint;
      result[j] = Math.max(Math.min(clampMax, q), clampMin);
    }
  }

  private void softmaxInt16(int[] row, int[] result) {
    int max = Short.MIN_VALUE;
    for (int v : row) {
      max = Math.max(max, v);
    }
    int sum = 0; // Q16.15
    for (int j = 0; j < depth; j++) {
      int scaled = inputMultiplier.apply(row[j] - max);
      int exp = lookup(FixedPoint.clamp(scaled + 32767, Short.MIN_VALUE, Short.MAX_VALUE), expLut);
      result[j] = exp;
      sum += exp;
    }
    int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
    int shiftedSum = (int) ((((long) sum << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
    // 1 / (1 + x) of x = sum - 1, recentred from [0, 65535] to [-32768, 32767]
    int x = FixedPoint.clamp(shiftedSum - ((1 << 15) + (1 << 16)), Short.MIN_VALUE, Short.MAX_VALUE);
    int reciprocal = lookup(x, reciprocalLut);
    int rightShift = 31 - headroomPlusOne;
    long round = 1L << (rightShift - 1);
    for (int j = 0; j < depth; j++) {
      int r = (int) (((long) result[j] * reciprocal + round) >> rightShift);
      result[j] = FixedPoint.clamp(r, 0, Short.MAX_VALUE);
    }
  }

  /** generic_int16_table_lookup: 512 segments, linear between entries with 7 bits of offset. */
  static int lookup(int value, short[] lut) {
    int index = 256 + (value >> 7);
    int offset = value & 0x7f;
    int base = lut[index];
    int slope = (short) (lut[index + 1] - lut[index]);
    int delta = (slope * offset + 64) >> 7;
    return (short) (base + delta);
  }

  /**
   * gen_lut of TF Lite 2.6 on 513 points, each entry in Q0.15 biased by half the error of linear
   * interpolation at the segment's midpoint: exp on [-10, 0], or 1 / (1 + x) on [0, 1].
   */
  static short[] lut(boolean reciprocal) {
    double min = reciprocal ? 0.0 : -10.0;
    double max = reciprocal ? 1.0 : 0.0;
    short[] table = new short[LUT_SIZE];
    double step = (max - min) / (LUT_SIZE - 1);
    double halfStep = step / 2.0;
    for (int i = 0; i < LUT_SIZE - 1; i++) {
      double sample = Rounding.roundHalfAway(f(reciprocal, min + i * step) * 32768.0);
      double midpointInterp = Rounding.roundHalfAway(
          (f(reciprocal, min + (i + 1) * step) * 32768.0 + Rounding.roundHalfAway(f(reciprocal, min + i * step) * 32768.0))
              / 2.0);
      double midpoint = Rounding.roundHalfAway(f(reciprocal, min + i * step + halfStep) * 32768.0);
      double bias = Rounding.roundHalfAway((midpointInterp - midpoint) / 2.0);
      table[i] = (short) Math.min(Math.max(sample - bias, -32768.0), 32767.0);
    }
    table[LUT_SIZE - 1] = (short) Math.min(Math.max(Rounding.roundHalfAway(f(reciprocal, max) * 32768.0), -32768.0),
        32767.0);
    return table;
  }

  private static double f(boolean reciprocal, double x) {
    return reciprocal ? 1.0 / (1.0 + x) : Math.exp(x);
  }
}
