package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;

import dev.lite4j.kernels.Activation;
import dev.lite4j.ops.OpContext;
import java.util.EnumSet;
import org.tensorflow.lite.schema.SubOptions;

/** SUB: a - b with broadcasting and a fused activation (float32, int32, int64; integers wrap). */
public final class Sub extends ArithmeticKernel {
  public Sub() {
    super(EnumSet.of(FLOAT32, INT32, INT64));
  }

  @Override
  void readOptions(OpContext ctx) {
    fuse(Activation.of(ctx.options(new SubOptions()).fusedActivationFunction(), ctx));
  }

  @Override
  float apply(float a, float b) {
    return a - b;
  }

  @Override
  int apply(int a, int b) {
    return a - b;
  }

  @Override
  long apply(long a, long b) {
    return a - b;
  }
}
