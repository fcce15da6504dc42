package dev.lite4j.onnxruntime;

import dev.lite4j.DataType;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.Padding;

/** Constraint checks shared by the converters; each returns null when satisfied, else the reason. */
final class Checks {
  private Checks() {}

  /** Input {@code i}, or null when it is absent. */
  static TensorBuffer in(DelegateNode n, int i) {
    return i < n.inputs().size() ? n.inputs().get(i) : null;
  }

  static TensorBuffer out(DelegateNode n, int i) {
    return n.outputs().get(i);
  }

  /** Every input listed and every output is float32 with a data-independent shape. */
  static String floats(DelegateNode n, int... inputs) {
    for (int i : inputs) {
      TensorBuffer t = in(n, i);
      if (t == null) {
        return "input " + i + " is missing";
      }
      if (t.type() != DataType.FLOAT32) {
        return "input " + i + " is " + t.type() + "; the delegate takes float32 only (quantized graphs are a later step)";
      }
    }
    for (int o = 0; o < n.outputs().size(); o++) {
      TensorBuffer t = n.outputs().get(o);
      if (t.type() != DataType.FLOAT32) {
        return "output " + o + " is " + t.type() + "; the delegate takes float32 only";
      }
      if (t.isDynamic()) {
        return "output " + o + " has a data-dependent shape";
      }
      if (t.numElements() == 0) {
        return "output " + o + " is empty " + Arrays.toString(t.shape());
      }
    }
    return null;
  }

  /** Input {@code i} is a float32 constant (ONNX Runtime needs it as an initializer). */
  static String constantFloat(DelegateNode n, int i, String what) {
    TensorBuffer t = in(n, i);
    if (t == null) {
      return what + " is missing";
    }
    if (!t.isConstant()) {
      return what + " is not constant (computed in the graph)";
    }
    if (t.type() != DataType.FLOAT32) {
      return what + " is " + t.type() + ", not float32";
    }
    return null;
  }

  /** Input {@code i} is an int32/int64 constant (shapes, axes, paddings are baked into the ONNX graph). */
  static String constantInts(DelegateNode n, int i, String what) {
    TensorBuffer t = in(n, i);
    if (t == null) {
      return what + " is missing";
    }
    if (!t.isConstant()) {
      return what + " is not constant";
    }
    if (t.type() != DataType.INT32 && t.type() != DataType.INT64) {
      return what + " is " + t.type() + ", not int32/int64";
    }
    return null;
  }

  static long[] intValues(TensorBuffer t) {
    long[] out = new long[t.numElements()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) t.getAsDouble(i);
    }
    return out;
  }

  static String rank(TensorBuffer t, int rank, String what) {
    return t.rank() == rank ? null : what + " has rank " + t.rank() + ", expected " + rank;
  }

  static String fusedActivation(byte code) {
    return switch (code) {
      case ActivationFunctionType.NONE, ActivationFunctionType.RELU, ActivationFunctionType.RELU_N1_TO_1,
          ActivationFunctionType.RELU6 -> null;
      default -> "fused activation " + (code >= 0 && code < ActivationFunctionType.names.length
          ? ActivationFunctionType.names[code] : String.valueOf(code)) + " is not supported";
    };
  }

  static String padding(byte padding) {
    return padding == Padding.SAME || padding == Padding.VALID ? null : "padding " + padding + " is unknown";
  }

  /** The first non-null reason. */
  static String first(String... reasons) {
    for (String r : reasons) {
      if (r != null) {
        return r;
      }
    }
    return null;
  }
}
