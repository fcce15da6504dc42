package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT8;

import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.EnumSet;

/**
 * SQUARED_DIFFERENCE: (a - b)^2 with broadcasting (float32, int32; int32 wraps as in C++). INT8 as
 * TensorFlow Lite's squared_difference.cc: both inputs offset, shifted left by 7 and rescaled to twice
 * the larger input scale, the difference squared, then multiplied by (2 * max scale)^2 / (2^14 * output
 * scale) and offset by the output zero point.
 */
public final class SquaredDifference extends ArithmeticKernel {
  private static final int LEFT_SHIFT = 7;
  private int offsetA;
  private int offsetB;
  private int offsetOut;
  private QuantizedMultiplier scaleA;
  private QuantizedMultiplier scaleB;
  private QuantizedMultiplier scaleOut;
  private QuantizedRange range;

  public SquaredDifference() {
    super(EnumSet.of(FLOAT32, INT32, INT8));
  }

  @Override
  void readOptions(OpContext ctx) {
    TensorBuffer a = ctx.input(0);
    if (a.type() != INT8) {
      return;
    }
    TensorBuffer b = ctx.input(1);
    TensorBuffer out = ctx.output(0);
    float sa = QuantizedTensors.scale(ctx, a, "input 1");
    float sb = QuantizedTensors.scale(ctx, b, "input 2");
    float so = QuantizedTensors.scale(ctx, out, "output");
    offsetA = -QuantizedTensors.zeroPoint(ctx, a, "input 1");
    offsetB = -QuantizedTensors.zeroPoint(ctx, b, "input 2");
    offsetOut = QuantizedTensors.zeroPoint(ctx, out, "output");
    double twiceMax = 2.0 * Math.max(sa, sb);
    scaleA = QuantizedMultiplier.smallerThanOne(sa / twiceMax);
    scaleB = QuantizedMultiplier.smallerThanOne(sb / twiceMax);
    scaleOut = QuantizedMultiplier.of(twiceMax * twiceMax / (double) ((1 << (2 * LEFT_SHIFT)) * so));
    range = QuantizedRange.of(INT8);
  }

  @Override
  int applyNarrow(int a, int b) {
    int x = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp((a + offsetA) * (1 << LEFT_SHIFT),
        scaleA.multiplier(), scaleA.shift());
    int y = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp((b + offsetB) * (1 << LEFT_SHIFT),
        scaleB.multiplier(), scaleB.shift());
    int d = x - y;
    return range.clamp(FixedPoint.multiplyByQuantizedMultiplier(d * d, scaleOut.multiplier(), scaleOut.shift())
        + offsetOut);
  }

  @Override
  float apply(float a, float b) {
    float d = a - b;
    return d * d;
  }

  @Override
  int apply(int a, int b) {
    int d = a - b;
    return d * d;
  }
}
