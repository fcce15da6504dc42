package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.HybridQuantization;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;

/**
 * FULLY_CONNECTED, hybrid: float32 input and output, INT8 (or UINT8, read as int8) weights
 * [units, inputSize] with one scale, optional float bias, as TensorFlow Lite 2.6's
 * {@code fully_connected.cc} ({@code EvalHybrid}) computes it. Each input row is quantized on the fly,
 * symmetrically or, with {@code asymmetric_quantize_inputs}, asymmetrically; the row's scaling factor is
 * multiplied by the weight scale (float), and {@code out = bias + acc * factor}, clamped to the
 * activation, where acc is the exact integer sum of {@code w * (q - zeroPoint)}. Shapes and
 * {@code keep_num_dims} as in the float kernel. TensorFlow Lite 2.6 has no per-channel hybrid fully
 * connected kernel, so weights with several different scales are refused.
 */
public final class HybridFullyConnected implements Kernel {
  private Activation activation;
  private boolean asymmetric;
  private int units;
  private int inputSize;
  private int batch;
  private float weightScale;
  /** Unit u's weights at [u * inputSize]. */
  private int[] weights;
  private float[] bias;
  private float[] row;
  private int[] quantized;
  private final int[] zeroPoint = new int[1];
  private float[] outRow;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    FullyConnectedGeometry geo = FullyConnectedGeometry.of(ctx);
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireFloatOutput(ctx);
    activation = Activation.of(geo.fusedActivation(), ctx);
    asymmetric = geo.asymmetricQuantizeInputs();
    units = geo.units();
    inputSize = geo.inputSize();
    batch = geo.batch();
    float[] scales = HybridInputs.requireWeights(ctx, filter, "weights", true, units, 0);
    if (HybridInputs.differ(scales)) {
      throw ctx.unsupported("per-channel hybrid weights (" + scales.length + " different scales) are not "
          + "supported: TensorFlow Lite 2.6's hybrid FULLY_CONNECTED takes one weight scale");
    }
    weightScale = HybridInputs.legacyScale(scales);
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), units);
    FloatOperands.setOutputShape(ctx, geo.outputShape());
  }

  @Override
  public void pack(OpContext ctx) {
    if (ctx.input(1).isConstant()) {
      weights = HybridInputs.readSigned(ctx.input(1));
    }
    row = new float[inputSize];
    quantized = new int[inputSize];
    outRow = new float[units];
  }

  @Override
  public void run(OpContext ctx) {
    if (!ctx.input(1).isConstant()) {
      weights = HybridInputs.readSigned(ctx.input(1));
    }
    FloatOperands.refreshBias(ctx.input(2), bias);
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    for (int b = 0; b < batch; b++) {
      in.get(b * inputSize, row, 0, inputSize);
      float factor = (asymmetric
          ? HybridQuantization.asymmetric(row, 0, inputSize, quantized, 0, zeroPoint, 0, true)
          : HybridQuantization.symmetric(row, 0, inputSize, quantized, 0)) * weightScale;
      for (int u = 0; u < units; u++) {
        int acc = HybridInputs.dot(weights, u * inputSize, quantized, 0, inputSize);
        float v = acc * factor;
        outRow[u] = activation.apply(bias == null ? v : bias[u] + v);
      }
      out.put(b * units, outRow, 0, units);
    }
  }
}
