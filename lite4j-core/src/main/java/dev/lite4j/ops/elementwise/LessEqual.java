package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;

import java.util.EnumSet;

/**
 * LESS_EQUAL: a <= b into a BOOL tensor, with broadcasting (float32, int32, int64; quantized
 * int8/uint8, which TensorFlow Lite compares after rescaling, are not implemented yet). IEEE: a NaN
 * compares false.
 */
public final class LessEqual extends PredicateKernel {
  public LessEqual() {
    super(EnumSet.of(FLOAT32, INT32, INT64));
  }

  @Override
  boolean test(float a, float b) {
    return a <= b;
  }

  @Override
  boolean test(int a, int b) {
    return a <= b;
  }

  @Override
  boolean test(long a, long b) {
    return a <= b;
  }
}
