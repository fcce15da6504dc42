package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * LOG_SOFTMAX on int8 and uint8, as TensorFlow Lite 2.6's optimized kernel computes it: the float table of
 * {@link QuantizedSoftmax#expTable} (beta 1) gives {@code sum = sum(exp(s * (x - max)))} in float, then
 * each output is {@code rint(s / s_out * x - (s * max + logf(sum)) / s_out) + zero_point}, clamped. The
 * output must have scale 16/256 and zero point 255 (uint8) or 127 (int8), as TF Lite requires.
 */
public final class QuantizedLogSoftmax implements Kernel {
  private int depth;
  private float[] table;
  private float inputScale;
  private float outputScale;
  private int outputZeroPoint;
  private int clampMin;
  private int clampMax;
  private int[] row;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.inputCount() == 1 && ctx.outputCount() == 1, "needs one input and one output");
    TensorBuffer out = ctx.output(0);
    DataType type = in.type();
    if (type != DataType.INT8 && type != DataType.UINT8) {
      throw ctx.unsupported("type " + type + " is not supported");
    }
    ctx.require(out.type() == type, "output type %s differs from input type %s", out.type(), type);
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    inputScale = QuantizedTensors.scale(ctx, in, "input");
    QuantizedTensors.zeroPoint(ctx, in, "input");
    outputScale = QuantizedTensors.scale(ctx, out, "output");
    outputZeroPoint = QuantizedTensors.zeroPoint(ctx, out, "output");
    int requiredZeroPoint = type == DataType.UINT8 ? 255 : 127;
    ctx.require(outputScale == 16f / 256 && outputZeroPoint == requiredZeroPoint,
        "output '%s' must have scale 16/256 and zero point %d, has %s and %d", out.name(), requiredZeroPoint,
        outputScale, outputZeroPoint);
    ctx.setOutputShape(0, in.shape());
    depth = in.dim(in.rank() - 1);
    row = new int[depth];
    clampMin = type == DataType.UINT8 ? 0 : Byte.MIN_VALUE;
    clampMax = type == DataType.UINT8 ? 255 : Byte.MAX_VALUE;
    table = QuantizedSoftmax.expTable(inputScale, 1f);
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    int n = in.numElements();
    if (depth == 0) {
      return;
    }
    float scale = inputScale / outputScale;
    for (int start = 0; start < n; start += depth) {
      QuantizedTensors.read(in, start, row, 0, depth);
      int max = Integer.MIN_VALUE;
      for (int v : row) {
        max = Math.max(max, v);
      }
      int offset = 255 - max;
      float sum = 0f;
      for (int v : row) {
        sum += table[offset + v];
      }
      float logSum = (float) Math.log(sum);
      float precomputed = (inputScale * max + logSum) / outputScale;
      for (int j = 0; j < depth; j++) {
        float logProb = scale * row[j] - precomputed;
        int q = (int) ((float) Math.rint(logProb) + outputZeroPoint);
        row[j] = Math.max(Math.min(clampMax, q), clampMin);
      }
      QuantizedTensors.write(row, 0, out, start, depth);
    }
  }
}
