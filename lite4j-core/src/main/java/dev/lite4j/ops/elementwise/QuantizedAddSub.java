package dev.lite4j.ops.elementwise;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * The integer arithmetic of quantized ADD and SUB in TensorFlow Lite 2.6 (add.cc, sub.cc).
 *
 * <p>General path (INT8, UINT8; INT16 without power-of-two scales): each input, offset by its zero
 * point, is shifted left (20 bits for 8-bit types, 15 for INT16) and multiplied by its scale over twice
 * the larger input scale; the sum (difference) is multiplied by twice the larger input scale over
 * (2^shift * output scale), offset by the output zero point and clamped to the fused activation's range.
 *
 * <p>Power-of-two INT16 path ({@code pot_scale_int16}, all scales powers of two, zero points 0): one
 * input is rounded right by the difference of the log2 scales, then the two are added with 16-bit
 * saturation and clamped.
 */
final class QuantizedAddSub {
  private final boolean subtract;
  private final boolean powerOfTwo;
  private final int leftShift;
  private final int input1Offset;
  private final int input2Offset;
  private final int outputOffset;
  private final QuantizedMultiplier input1;
  private final QuantizedMultiplier input2;
  private final QuantizedMultiplier output;
  private final int input1Shift; // power-of-two path: right shifts of the inputs (at most one non-zero)
  private final int input2Shift;
  private final QuantizedRange range;

  private QuantizedAddSub(boolean subtract, boolean powerOfTwo, int leftShift, int input1Offset, int input2Offset,
      int outputOffset, QuantizedMultiplier input1, QuantizedMultiplier input2, QuantizedMultiplier output,
      int input1Shift, int input2Shift, QuantizedRange range) {
    this.subtract = subtract;
    this.powerOfTwo = powerOfTwo;
    this.leftShift = leftShift;
    this.input1Offset = input1Offset;
    this.input2Offset = input2Offset;
    this.outputOffset = outputOffset;
    this.input1 = input1;
    this.input2 = input2;
    this.output = output;
    this.input1Shift = input1Shift;
    this.input2Shift = input2Shift;
    this.range = range;
  }

  /**
   * Reads the three tensors' quantization and derives the multipliers. {@code potInt16} asks for the
   * power-of-two INT16 path (the op's {@code pot_scale_int16} option on INT16 tensors); it is taken only
   * when every scale is a power of two and every zero point 0, as TF Lite decides.
   */
  static QuantizedAddSub prepare(OpContext ctx, byte activation, boolean potInt16, boolean subtract) {
    TensorBuffer a = ctx.input(0);
    TensorBuffer b = ctx.input(1);
    TensorBuffer out = ctx.output(0);
    float s1 = QuantizedTensors.scale(ctx, a, "input 1");
    float s2 = QuantizedTensors.scale(ctx, b, "input 2");
    float so = QuantizedTensors.scale(ctx, out, "output");
    int z1 = QuantizedTensors.zeroPoint(ctx, a, "input 1");
    int z2 = QuantizedTensors.zeroPoint(ctx, b, "input 2");
    int zo = QuantizedTensors.zeroPoint(ctx, out, "output");
    QuantizedRange range = QuantizedRange.forActivation(ctx, out, activation);
    if (potInt16) {
      int l1 = FixedPoint.log2IfPowerOfTwo(s1);
      int l2 = FixedPoint.log2IfPowerOfTwo(s2);
      int lo = FixedPoint.log2IfPowerOfTwo(so);
      boolean pot = l1 != Integer.MIN_VALUE && l2 != Integer.MIN_VALUE && lo != Integer.MIN_VALUE
          && z1 == 0 && z2 == 0 && zo == 0;
      if (pot) {
        int shift1 = l1 - lo;
        int shift2 = l2 - lo;
        ctx.require((shift1 == 0 || shift2 == 0) && shift1 <= 0 && shift2 <= 0,
            "INT16 power-of-two scales: one input must have the output's scale and the other a smaller one "
                + "(log2 scales %d, %d, output %d)", l1, l2, lo);
        return new QuantizedAddSub(subtract, true, 0, 0, 0, 0, null, null, null, -shift1, -shift2, range);
      }
    }
    int leftShift = a.type() == DataType.INT16 ? 15 : 20;
    double twiceMaxInputScale = 2 * (double) Math.max(s1, s2);
    QuantizedMultiplier m1 = QuantizedMultiplier.smallerThanOne(s1 / twiceMaxInputScale);
    QuantizedMultiplier m2 = QuantizedMultiplier.smallerThanOne(s2 / twiceMaxInputScale);
    if (subtract) {
      // sub.cc negates input 2's multiplier and runs the ADD kernel (the rounding of the high multiply
      // is not symmetric, so this is not the same as subtracting the scaled values).
      m2 = new QuantizedMultiplier(-m2.multiplier(), m2.shift());
    }
    double realOutput = twiceMaxInputScale / ((1 << leftShift) * (double) so);
    ctx.require(realOutput < 1, "output scale %s is too small for input scales %s and %s", so, s1, s2);
    QuantizedMultiplier mo = QuantizedMultiplier.smallerThanOne(realOutput);
    return new QuantizedAddSub(subtract, false, leftShift, -z1, -z2, zo, m1, m2, mo, 0, 0, range);
  }

  boolean powerOfTwo() {
    return powerOfTwo;
  }

  /** One output element from the two widened input values, clamped. */
  int apply(int a, int b) {
    if (powerOfTwo) {
      int x = input1Shift == 0 ? a : FixedPoint.roundingDivideByPot(a, input1Shift);
      int y = input2Shift == 0 ? b : FixedPoint.roundingDivideByPot(b, input2Shift);
      return range.clamp(FixedPoint.saturatingAdd16(x, subtract ? -y : y));
    }
    int scaled1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
        (a + input1Offset) * (1 << leftShift), input1.multiplier(), input1.shift());
    int scaled2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
        (b + input2Offset) * (1 << leftShift), input2.multiplier(), input2.shift());
    int raw = scaled1 + scaled2;
    int result = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(raw, output.multiplier(), output.shift())
        + outputOffset;
    return range.clamp(result);
  }
}
