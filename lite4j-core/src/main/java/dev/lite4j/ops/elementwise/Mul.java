package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT16;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;
import static dev.lite4j.DataType.INT8;
import static dev.lite4j.DataType.UINT8;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.EnumSet;
import org.tensorflow.lite.schema.MulOptions;

/**
 * MUL: a * b with broadcasting and a fused activation. Float32, int32, int64 (integers wrap); INT8, UINT8
 * and INT16 as TensorFlow Lite 2.6's mul.cc: {@code (a - zp_a) * (b - zp_b)} multiplied by
 * {@code scale_a * scale_b / scale_out} ({@code MultiplyByQuantizedMultiplier}), offset by the output zero
 * point and clamped to the fused activation's range. INT16 needs zero points 0 (the product would overflow
 * int32 otherwise), as TF Lite insists.
 */
public final class Mul extends ArithmeticKernel {
  private int offsetA;
  private int offsetB;
  private int offsetOut;
  private QuantizedMultiplier multiplier;
  private QuantizedRange range;

  public Mul() {
    super(EnumSet.of(FLOAT32, INT32, INT64, INT8, UINT8, INT16));
  }

  @Override
  void readOptions(OpContext ctx) {
    byte activation = ctx.options(new MulOptions()).fusedActivationFunction();
    TensorBuffer a = ctx.input(0);
    if (QuantizedTensors.isQuantizedType(a.type())) {
      TensorBuffer b = ctx.input(1);
      TensorBuffer out = ctx.output(0);
      float sa = QuantizedTensors.scale(ctx, a, "input 1");
      float sb = QuantizedTensors.scale(ctx, b, "input 2");
      float so = QuantizedTensors.scale(ctx, out, "output");
      offsetA = -QuantizedTensors.zeroPoint(ctx, a, "input 1");
      offsetB = -QuantizedTensors.zeroPoint(ctx, b, "input 2");
      offsetOut = QuantizedTensors.zeroPoint(ctx, out, "output");
      if (a.type() == INT16) {
        ctx.require(offsetA == 0 && offsetB == 0 && offsetOut == 0,
            "INT16 inputs and output need zero point 0, have %d, %d and %d", -offsetA, -offsetB, offsetOut);
      }
      // mul.cc computes scale_a * scale_b / scale_out in float, then widens it to double.
      multiplier = QuantizedMultiplier.of(sa * sb / so);
      range = QuantizedRange.forActivation(ctx, out, activation);
      return;
    }
    fuse(Activation.of(activation, ctx));
  }

  @Override
  int applyNarrow(int a, int b) {
    int product = (a + offsetA) * (b + offsetB);
    return range.clamp(offsetOut
        + FixedPoint.multiplyByQuantizedMultiplier(product, multiplier.multiplier(), multiplier.shift()));
  }

  @Override
  float apply(float a, float b) {
    return a * b;
  }

  @Override
  int apply(int a, int b) {
    return a * b;
  }

  @Override
  long apply(long a, long b) {
    return a * b;
  }
}
