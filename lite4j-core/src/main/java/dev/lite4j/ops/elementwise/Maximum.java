package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT16;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;
import static dev.lite4j.DataType.INT8;
import static dev.lite4j.DataType.UINT8;

import java.util.EnumSet;

/**
 * MAXIMUM with broadcasting (float32, int32, int64, and int8/uint8/int16 on the raw quantized values,
 * as TensorFlow Lite does). {@code a > b ? a : b} as TensorFlow Lite writes it: a NaN in b wins, a
 * NaN in a loses, unlike {@link Math#max}.
 */
public final class Maximum extends ArithmeticKernel {
  public Maximum() {
    super(EnumSet.of(FLOAT32, INT32, INT64, INT8, UINT8, INT16));
  }

  @Override
  float apply(float a, float b) {
    return a > b ? a : b;
  }

  @Override
  int apply(int a, int b) {
    return a > b ? a : b;
  }

  @Override
  long apply(long a, long b) {
    return a > b ? a : b;
  }
}
