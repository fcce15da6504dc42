package dev.lite4j.ops.elementwise;

import static dev.lite4j.DataType.FLOAT32;
import static dev.lite4j.DataType.INT16;
import static dev.lite4j.DataType.INT32;
import static dev.lite4j.DataType.INT64;
import static dev.lite4j.DataType.INT8;
import static dev.lite4j.DataType.UINT8;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOptions;

/**
 * ADD: a + b with broadcasting and a fused activation. Float32, int32, int64 (integers wrap); INT8,
 * UINT8 and INT16 as TensorFlow Lite 2.6's add.cc: both inputs rescaled to a common fine scale
 * ({@link QuantizedAddSub}), or, for INT16 with {@code pot_scale_int16} and power-of-two scales and
 * zero points 0, the shift-and-saturating-add path.
 */
public final class Add extends ArithmeticKernel {
  private QuantizedAddSub quantized;

  public Add() {
    super(EnumSet.of(FLOAT32, INT32, INT64, INT8, UINT8, INT16));
  }

  @Override
  void readOptions(OpContext ctx) {
    AddOptions options = ctx.options(new AddOptions());
    TensorBuffer a = ctx.input(0);
    if (QuantizedTensors.isQuantizedType(a.type())) {
      quantized = QuantizedAddSub.prepare(ctx, options.fusedActivationFunction(),
          a.type() == INT16 && hasOptions(ctx) && options.potScaleInt16(), false);
      if (quantized.powerOfTwo()) {
        ctx.require(Arrays.equals(a.shape(), ctx.input(1).shape()),
            "INT16 power-of-two ADD does not broadcast: input shapes %s and %s differ",
            Arrays.toString(a.shape()), Arrays.toString(ctx.input(1).shape()));
      }
      return;
    }
    fuse(Activation.of(options.fusedActivationFunction(), ctx));
  }

  /**
   * Whether the node carries its options table: without one TF Lite's parser leaves {@code pot_scale_int16}
   * false (zero-initialised params), not the schema default true (checked against TF Lite 2.6.2).
   */
  private static boolean hasOptions(OpContext ctx) {
    return ctx.op().optionsType() == BuiltinOptions.AddOptions;
  }

  @Override
  int applyNarrow(int a, int b) {
    return quantized.apply(a, b);
  }

  @Override
  float apply(float a, float b) {
    return a + b;
  }

  @Override
  int apply(int a, int b) {
    return a + b;
  }

  @Override
  long apply(long a, long b) {
    return a + b;
  }
}
