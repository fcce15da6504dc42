package dev.lite4j.cli;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import java.util.Arrays;
import java.util.Locale;

/** How the commands spell types, shapes, quantization and numbers (NumPy's names, as the reference tool). */
final class Formats {
  private Formats() {}

  /** float32, uint8, ... (NumPy's names, as golden summaries and the reference tool print them). */
  static String dtype(DataType t) {
    return switch (t) {
      case FLOAT32 -> "float32";
      case FLOAT16 -> "float16";
      case INT32 -> "int32";
      case UINT8 -> "uint8";
      case INT64 -> "int64";
      case STRING -> "string";
      case BOOL -> "bool";
      case INT16 -> "int16";
      case COMPLEX64 -> "complex64";
      case INT8 -> "int8";
    };
  }

  static String shape(int[] shape) {
    return Arrays.toString(shape);
  }

  static String quantization(QuantizationParams q) {
    if (q == null || !q.isQuantized()) {
      return "";
    }
    if (q.isPerChannel()) {
      return "per-channel(dim=" + q.quantizedDimension() + ", " + q.channelCount() + " scales)";
    }
    return "scale=" + q.scale() + " zero_point=" + q.zeroPoint();
  }

  /** Channels listed in text before the rest are elided (JSON lists them all). */
  static final int CHANNELS_SHOWN = 8;

  /**
   * The whole quantization: "scale=S zero_point=Z" per tensor; per channel, the quantized dimension and
   * the channels' scales and zero points ("per-channel dim=3 (8): scales=[..] zero_points=[..]"), the
   * first {@link #CHANNELS_SHOWN} of each.
   */
  static String quantizationDetail(QuantizationParams q) {
    if (q == null || !q.isQuantized()) {
      return "";
    }
    if (!q.isPerChannel()) {
      return quantization(q);
    }
    StringBuilder scales = new StringBuilder();
    StringBuilder zeroPoints = new StringBuilder();
    int shown = Math.min(CHANNELS_SHOWN, q.channelCount());
    for (int c = 0; c < shown; c++) {
      scales.append(c == 0 ? "" : ", ").append(q.scaleAt(c));
      zeroPoints.append(c == 0 ? "" : ", ").append(q.zeroPointAt(c));
    }
    String more = shown < q.channelCount() ? ", ..." : "";
    return "per-channel dim=" + q.quantizedDimension() + " (" + q.channelCount() + "): scales=[" + scales + more
        + "] zero_points=[" + zeroPoints + more + "]";
  }

  /** A number in 6 significant digits (integers exactly). */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** Bytes as "1234 bytes (1.2 KiB)". */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%d bytes (%.1f %s)", n, v, units[u]);
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }
}
