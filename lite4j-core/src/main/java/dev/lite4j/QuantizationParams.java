package dev.lite4j;

import java.util.Arrays;

/**
 * Quantization of a tensor: real = scale * (q - zeroPoint). Per-channel tensors also carry one scale
 * and zero point per slice along {@code quantizedDimension}; {@link #scale()} and {@link #zeroPoint()}
 * are then the first channel's, as in TensorFlow Lite's Java API.
 */
public record QuantizationParams(
    float scale, int zeroPoint, float[] scales, long[] zeroPoints, int quantizedDimension) {

  public static final QuantizationParams NONE = new QuantizationParams(0f, 0, new float[0], new long[0], 0);

  public QuantizationParams {
    scales = scales.clone();
    zeroPoints = zeroPoints.clone();
  }

  @Override
  public float[] scales() {
    return scales.clone();
  }

  @Override
  public long[] zeroPoints() {
    return zeroPoints.clone();
  }

  /** True when the tensor carries any scale. */
  public boolean isQuantized() {
    return scales.length > 0;
  }

  /** True when there is one scale per channel rather than one for the whole tensor. */
  public boolean isPerChannel() {
    return scales.length > 1;
  }

  public float scaleAt(int channel) {
    return scales[channel];
  }

  public long zeroPointAt(int channel) {
    return zeroPoints.length == 0 ? 0 : zeroPoints[Math.min(channel, zeroPoints.length - 1)];
  }

  public int channelCount() {
    return scales.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantizationParams q
        && q.scale == scale && q.zeroPoint == zeroPoint && q.quantizedDimension == quantizedDimension
        && Arrays.equals(q.scales, scales) && Arrays.equals(q.zeroPoints, zeroPoints);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(scales) * 31 + zeroPoint;
  }

  @Override
  public String toString() {
    return isPerChannel()
        ? "per-channel(dim=" + quantizedDimension + ", " + scales.length + " scales)"
        : "scale=" + scale + " zero_point=" + zeroPoint;
  }
}
