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
