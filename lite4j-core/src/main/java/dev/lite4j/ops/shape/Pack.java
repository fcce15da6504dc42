package dev.lite4j.ops.shape;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.Shapes;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.PackOptions;

/**
 * PACK: stacks {@code values_count} tensors of one shape and type along a new axis (in [-rank-1,
 * rank]). Any element type; quantized inputs must share the output's scale and zero point (pack.cc).
 */
public final class Pack implements Kernel {
  private int outer;
  private int inner;

  @Override
  public void prepare(OpContext ctx) {
    PackOptions o = ctx.options(new PackOptions());
    int n = o.valuesCount();
    ctx.require(n >= 1 && ctx.inputCount() == n, "values_count %d does not match the %d inputs", n,
        ctx.inputCount());
    Movement.requireOutputs(ctx, 1);
    TensorBuffer first = Movement.input(ctx, 0, "values");
    TensorBuffer out = ctx.output(0);
    Movement.requireMovable(ctx, first);
    Movement.requireSameType(ctx, first, out);
    for (int i = 0; i < n; i++) {
      TensorBuffer t = Movement.input(ctx, i, "values");
      ctx.require(t.type() == first.type() && Arrays.equals(t.shape(), first.shape()),
          "input %d %s %s differs from input 0 %s %s", i, t.type(), Arrays.toString(t.shape()), first.type(),
          Arrays.toString(first.shape()));
      if (Movement.isQuantizedType(t.type())) {
        Movement.requireSameQuantization(ctx, t, out);
      }
    }
    int[] in = first.shape();
    int axis = IntTensors.axis(ctx, o.axis(), in.length + 1, "axis");
    long[] shape = new long[in.length + 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      shape[d] = d == axis ? n : in[j++];
    }
    ctx.setOutputShape(0, OutputShapes.of(ctx, shape));
    outer = Shapes.product(in, 0, axis);
    inner = Shapes.product(in, axis, in.length);
  }

  @Override
  public void run(OpContext ctx) {
    int n = ctx.inputCount();
    TensorBuffer out = ctx.output(0);
    int size = out.type().byteSize();
    for (int i = 0; i < n; i++) {
      Movement.copyBlocks(ctx.input(i).bytes(), inner, 0, out.bytes(), n * inner, i * inner, inner, outer, size);
    }
  }
}
