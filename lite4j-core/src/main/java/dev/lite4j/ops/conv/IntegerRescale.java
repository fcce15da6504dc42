package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/**
 * How an integer convolution or fully connected node turns its sums into outputs, checked and derived
 * once at prepare and shared by the integer kernels: the operands' offsets (minus their zero points), the
 * output zero point and clamp range, whether sums are 64-bit (INT16 activations) and rescaled as ruy does
 * (see {@link QuantizedOperands#ruyRescales}), and each output channel's multiplier and shift; and the
 * rescaling itself.
 */
record IntegerRescale(int inputOffset, int weightOffset, int outZp, QuantizedRange range, boolean wide, boolean ruy,
    int[] multiplier, int[] shift) {

  /**
   * CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV: INT8 weights must have zero point 0; the multiplier comes
   * from TensorFlow Lite's legacy per-tensor path for UINT8, else from its per-channel path. Only CONV_2D
   * computes through a GEMM ({@code viaGemm}), and so only it may rescale as ruy does.
   */
  static IntegerRescale convolution(OpContext ctx, TensorBuffer input, TensorBuffer weights, TensorBuffer bias,
      int channels, String role, byte fusedActivation, boolean viaGemm) {
    return of(ctx, input, weights, bias, channels, role, fusedActivation, true,
        QuantizedOperands.legacyMultiplier(input.type()), viaGemm);
  }

  /**
   * FULLY_CONNECTED: the legacy multiplier path for every type, and a UINT8 input may write an INT16
   * output, as in TensorFlow Lite.
   */
  static IntegerRescale fullyConnected(OpContext ctx, TensorBuffer input, TensorBuffer weights, TensorBuffer bias,
      int units, byte fusedActivation) {
    return of(ctx, input, weights, bias, units, "weights", fusedActivation, false, true, true);
  }

  private static IntegerRescale of(OpContext ctx, TensorBuffer input, TensorBuffer weights, TensorBuffer bias,
      int channels, String role, byte fusedActivation, boolean convolution, boolean legacyMultiplier,
      boolean viaGemm) {
    TensorBuffer output = ctx.output(0);
    int inputOffset = QuantizedOperands.inputOffset(ctx, input, "input");
    int weightOffset = QuantizedOperands.weightOffset(ctx, input, weights, channels, role, convolution);
    QuantizedOperands.checkBias(ctx, input, bias, channels);
    int outZp = !convolution && input.type() == DataType.UINT8
        ? QuantizedOperands.outputZeroPoint(ctx, input, output, DataType.INT16)
        : QuantizedOperands.outputZeroPoint(ctx, input, output);
    QuantizedRange range = QuantizedOperands.range(ctx, output, fusedActivation);
    QuantizedMultiplier[] m = QuantizedOperands.multipliers(input, weights, output, channels, legacyMultiplier);
    return new IntegerRescale(inputOffset, weightOffset, outZp, range, input.type() == DataType.INT16,
        viaGemm && QuantizedOperands.ruyRescales(input.type()), QuantizedOperands.multiplierInts(m),
        QuantizedOperands.shiftInts(m));
  }

  /** Channel {@code c}'s sum (bias included) as an output value: rescaled, offset by the zero point, clamped. */
  int requantize(int acc, int c) {
    return QuantizedOperands.requantize(acc, multiplier[c], shift[c], ruy, outZp, range.min(), range.max());
  }

  /** The 64-bit sum of INT16 activations, likewise (TensorFlow Lite 2.6's int64 multiplier). */
  int requantize(long acc, int c) {
    return QuantizedOperands.requantize(acc, multiplier[c], shift[c], outZp, range.min(), range.max());
  }
}
