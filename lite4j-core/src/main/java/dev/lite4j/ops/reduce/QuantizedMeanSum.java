package dev.lite4j.ops.reduce;

import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.kernels.fixedpoint.QuantizedRange;
import dev.lite4j.kernels.fixedpoint.Rounding;
import dev.lite4j.runtime.TensorBuffer;

/**
 * The rescaling integer MEAN and SUM of TensorFlow Lite 2.6 (reduce.cc on x86, where MEAN is the reference
 * kernel): the stored integers of each output are summed in int32, then rescaled by one of three rules.
 */
final class QuantizedMeanSum {
  private QuantizedMeanSum() {}

  /**
   * reference_ops::QuantizedMeanOrSum, in float: a mean is {@code round(sum / n * s + b) + zp_out} with
   * {@code s = s_in / s_out}, {@code b = -zp_in * s}, clamped to the type; a sum is
   * {@code round(sum * s + b * n) + zp_out}, narrowed to the type without a clamp (as the C++ casts it).
   */
  static void meanOrSum(TensorBuffer in, TensorBuffer out, ReduceWalk w, boolean sum) {
    float inScale = in.quantization().scale();
    int inZp = in.quantization().zeroPoint();
    int outZp = out.quantization().zeroPoint();
    float scale = inScale / out.quantization().scale();
    QuantizedRange range = QuantizedRange.of(out.type());
    float n = w.reducedCount;
    for (int o = 0; o < w.outputCount; o++) {
      int total = Reduction.sum(in, w, o, 0);
      int q;
      if (w.reducedCount == 0) {
        q = 0;
      } else if (sum) {
        float bias = -inZp * scale * n;
        q = (int) Rounding.roundHalfAway(total * scale + bias) + outZp;
      } else {
        float bias = -inZp * scale;
        float mean = (float) total / n;
        float r = Rounding.roundHalfAway(mean * scale + bias) + outZp;
        r = Math.max(Math.min(r, (float) range.max()), (float) range.min());
        q = (int) r;
      }
      QuantizedTensors.set(out, o, q);
    }
  }

  /** reference_ops::Mean on integers whose quantization is the output's: the int32 sum / n, truncated. */
  static void plainMean(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    for (int o = 0; o < w.outputCount; o++) {
      QuantizedTensors.set(out, o, w.reducedCount > 0 ? Reduction.sum(in, w, o, 0) / w.reducedCount : 0);
    }
  }

  /**
   * uint8 mean over H and W of an NHWC input kept 4-D (reference_ops::Mean): the raw sum times
   * QuantizeMultiplier(s_in / (n * s_out)) plus {@code zp_out - (int)(zp_in * s_in / s_out +- 0.5f)}, clamped.
   */
  static void uint8MeanHw(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    float inScale = in.quantization().scale();
    float outScale = out.quantization().scale();
    float n = w.reducedCount;
    float temp = in.quantization().zeroPoint() * inScale / outScale;
    temp = temp > 0 ? temp + 0.5f : temp - 0.5f;
    int bias = out.quantization().zeroPoint() - (int) temp;
    QuantizedMultiplier m = QuantizedMultiplier.of(inScale / (n * outScale));
    for (int o = 0; o < w.outputCount; o++) {
      QuantizedTensors.set(out, o, FixedPoint.clamp(m.apply(Reduction.sum(in, w, o, 0)) + bias, 0, 255));
    }
  }

  /**
   * int8 and int16 mean over H and W of an NHWC input kept 4-D (reference_integer_ops::Mean): the sum of
   * {@code q - zp_in} times QuantizeMultiplier(s_in / s_out), divided by n rounding half away from zero,
   * plus the output zero point, clamped.
   */
  static void integerMeanHw(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    int inZp = in.quantization().zeroPoint();
    QuantizedMultiplier m = QuantizedMultiplier.of((double) in.quantization().scale() / out.quantization().scale());
    int n = w.reducedCount;
    QuantizedRange range = QuantizedRange.of(out.type());
    for (int o = 0; o < w.outputCount; o++) {
      int acc = m.apply(Reduction.sum(in, w, o, inZp));
      acc = acc > 0 ? (acc + n / 2) / n : (acc - n / 2) / n;
      QuantizedTensors.set(out, o, range.clamp(acc + out.quantization().zeroPoint()));
    }
  }
}
