package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;

import java.util.EnumSet;

/** SQUARED_DIFFERENCE: (a - b)^2 with broadcasting (float32, int32; int32 wraps as in C++). */
public final class SquaredDifference extends ArithmeticKernel {
  public SquaredDifference() {
    super(EnumSet.of(FLOAT32, INT32));
  }

  @Override
  float apply(float a, float b) {
    float d = a - b;
    return d * d;
  }

  @Override
  int apply(int a, int b) {
    int d = a - b;
    return d * d;
  }
}
