package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;
import static dev.lite4j.DataType.INT8;
import static dev.lite4j.DataType.UINT8;

import java.util.EnumSet;

/**
 * LESS_EQUAL: a <= b into a BOOL tensor, with broadcasting (float32, int32, int64; and int8/uint8, rescaled
 * to a common scale first as TensorFlow Lite does). IEEE: a NaN
 * compares false.
 */
public final class LessEqual extends PredicateKernel {
  public LessEqual() {
    super(EnumSet.of(FLOAT32, INT32, INT64, INT8, UINT8));
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
