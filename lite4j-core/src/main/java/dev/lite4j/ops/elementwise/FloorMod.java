package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import java.util.EnumSet;

/**
 * FLOOR_MOD: a - floor(a / b) * b with broadcasting (float32, int32, int64): the remainder takes the
 * sign of b. TensorFlow Lite refuses a zero integer divisor; a float one gives NaN.
 */
public final class FloorMod extends ArithmeticKernel {
  public FloorMod() {
    super(EnumSet.of(FLOAT32, INT32, INT64));
  }

  @Override
  void checkValues(OpContext ctx) {
    if (ctx.input(1).type() != DataType.FLOAT32 && anyZero(ctx.input(1))) {
      throw ctx.error("division by zero");
    }
  }

  /** fmod (Java's float % is exact, like C's fmod), moved into b's sign as TensorFlow Lite does. */
  @Override
  float apply(float a, float b) {
    float mod = a % b;
    return mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
  }

  @Override
  int apply(int a, int b) {
    return Math.floorMod(a, b);
  }

  @Override
  long apply(long a, long b) {
    return Math.floorMod(a, b);
  }
}
