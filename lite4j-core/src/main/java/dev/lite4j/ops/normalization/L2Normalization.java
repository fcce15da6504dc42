package dev.lite4j.ops.normalization;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.L2NormOptions;

/**
 * L2_NORMALIZATION (float32) over the last dimension: x / max(sqrt(sum x^2), 1e-6), the epsilon TensorFlow
 * Lite's float kernels use. Rank up to 4 and no fused activation, as TensorFlow Lite requires.
 */
public final class L2Normalization implements Kernel {
  private static final float EPSILON = 1e-6f;
  private int depth;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    if (in.type() != DataType.FLOAT32) {
      throw ctx.unsupported("type " + in.type() + " is not supported");
    }
    ctx.require(in.rank() >= 1 && in.rank() <= 4, "input rank must be 1 to 4, got %d", in.rank());
    if (ctx.options(new L2NormOptions()).fusedActivationFunction() != ActivationFunctionType.NONE) {
      throw ctx.unsupported("a fused activation is not supported (TensorFlow Lite refuses it too)");
    }
    depth = in.dim(in.rank() - 1);
    ctx.setOutputShape(0, in.shape());
  }

  @Override
  public void run(OpContext ctx) {
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int n = ctx.input(0).numElements();
    for (int start = 0; depth > 0 && start < n; start += depth) {
      float squares = 0f;
      for (int c = 0; c < depth; c++) {
        float v = in.get(start + c);
        squares += v * v;
      }
      float norm = Math.max((float) Math.sqrt(squares), EPSILON);
      for (int c = 0; c < depth; c++) {
        out.put(start + c, in.get(start + c) / norm);
      }
    }
  }
}
