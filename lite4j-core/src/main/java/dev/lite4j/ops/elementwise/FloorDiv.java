package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;

import dev.lite4j.ops.OpContext;
import java.util.EnumSet;

/**
 * FLOOR_DIV: floor(a / b) with broadcasting (float32, int32, int64). TensorFlow Lite refuses a zero
 * anywhere in b, for floats too, before computing anything.
 */
public final class FloorDiv extends ArithmeticKernel {
  public FloorDiv() {
    super(EnumSet.of(FLOAT32, INT32, INT64));
  }

  @Override
  void checkValues(OpContext ctx) {
    if (anyZero(ctx.input(1))) {
      throw ctx.error("division by zero");
    }
  }

  /** TensorFlow Lite divides in double and floors, then rounds to float. */
  @Override
  float apply(float a, float b) {
    return (float) Math.floor((double) a / b);
  }

  @Override
  int apply(int a, int b) {
    return Math.floorDiv(a, b);
  }

  @Override
  long apply(long a, long b) {
    return Math.floorDiv(a, b);
  }
}
