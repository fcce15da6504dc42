package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import java.nio.IntBuffer;
import java.util.EnumSet;

/**
 * POW: a^b with broadcasting (float32, int32). TensorFlow Lite computes both with {@code std::pow};
 * for int32 it refuses negative exponents, and converts the double result back to int32.
 */
public final class Pow extends ArithmeticKernel {
  public Pow() {
    super(EnumSet.of(FLOAT32, INT32));
  }

  @Override
  void checkValues(OpContext ctx) {
    if (ctx.input(1).type() == DataType.INT32) {
      IntBuffer exponents = ctx.input(1).ints();
      for (int i = 0, n = ctx.input(1).numElements(); i < n; i++) {
        if (exponents.get(i) < 0) {
          throw ctx.error("negative exponent " + exponents.get(i) + " for int32 (TensorFlow Lite refuses it too)");
        }
      }
    }
  }

  @Override
  float apply(float a, float b) {
    return (float) Math.pow(a, b);
  }

  /**
   * Exact for every result that fits in int32 (a double holds it exactly); a result out of range
   * gives Integer.MIN_VALUE, what the C++ double-to-int conversion gives on x86-64 (in C++ it is
   * undefined, so this only matches the common platform).
   */
  @Override
  int apply(int a, int b) {
    double p = Math.pow(a, b);
    return p >= Integer.MIN_VALUE && p <= Integer.MAX_VALUE ? (int) p : Integer.MIN_VALUE;
  }
}
