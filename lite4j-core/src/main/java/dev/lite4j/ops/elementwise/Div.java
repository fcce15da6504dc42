package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT32;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.ops.OpContext;
import java.util.EnumSet;
import org.tensorflow.lite.schema.DivOptions;

/**
 * DIV: a / b with broadcasting and a fused activation (float32, int32). Float division by zero is
 * IEEE, then clamped as TensorFlow Lite clamps every float DIV output (x/0 gives +-FLT_MAX, 0/0 NaN);
 * int32 division truncates toward zero, and a zero divisor is an error, as TensorFlow Lite checks it.
 */
public final class Div extends ArithmeticKernel {
  public Div() {
    super(EnumSet.of(FLOAT32, INT32));
  }

  @Override
  void readOptions(OpContext ctx) {
    fuse(Activation.of(ctx.options(new DivOptions()).fusedActivationFunction(), ctx));
  }

  @Override
  void checkValues(OpContext ctx) {
    if (ctx.input(1).type() == DataType.INT32 && anyZero(ctx.input(1))) {
      throw ctx.error("division by zero");
    }
  }

  @Override
  float apply(float a, float b) {
    return a / b;
  }

  @Override
  int apply(int a, int b) {
    return a / b;
  }
}
