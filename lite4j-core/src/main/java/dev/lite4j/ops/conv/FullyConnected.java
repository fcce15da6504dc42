package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * FULLY_CONNECTED (float32): weights [units, inputSize], optional bias, a fused activation. The input
 * is read as [batch, inputSize] with batch = elements / inputSize; the output is [batch, units], or
 * with {@code keep_num_dims} the input's shape with its last dimension replaced by units, as in
 * TensorFlow Lite. Only the DEFAULT weights format exists for float weights.
 *
 * <p>Each output sums its products in float in input order, then adds the bias and clamps. The weights
 * are kept transposed (one row of units per input element) so that the inner loop runs over units and
 * four batch rows share each row load.
 */
public final class FullyConnected implements Kernel {
  private static final int BLOCK = MultiplyAdd.BLOCK;

  private Activation activation;
  private int units;
  private int inputSize;
  private int batch;
  /** Row i holds the units weights that multiply input element i. */
  private float[][] weights;
  private float[] bias;
  private final float[][] acc = new float[BLOCK][];
  private final float[][] rows = new float[BLOCK][];

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    FullyConnectedGeometry geo = FullyConnectedGeometry.of(ctx);
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireFloatWeights(ctx, filter, "weights");
    FloatOperands.requireFloatOutput(ctx);
    activation = Activation.of(geo.fusedActivation(), ctx);
    units = geo.units();
    inputSize = geo.inputSize();
    batch = geo.batch();
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), units);
    FloatOperands.setOutputShape(ctx, geo.outputShape());
  }

  @Override
  public void pack(OpContext ctx) {
    weights = new float[inputSize][units];
    if (ctx.input(1).isConstant()) {
      pack(ctx.input(1).floats());
    }
    for (int p = 0; p < BLOCK; p++) {
      acc[p] = new float[units];
      rows[p] = new float[inputSize];
    }
  }

  private void pack(FloatBuffer f) {
    int k = 0;
    for (int u = 0; u < units; u++) {
      for (int i = 0; i < inputSize; i++) {
        weights[i][u] = f.get(k++);
      }
    }
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer filter = ctx.input(1);
    if (!filter.isConstant()) {
      pack(filter.floats());
    }
    FloatOperands.refreshBias(ctx.input(2), bias);
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    for (int r = 0; r < batch; r += BLOCK) {
      int n = Math.min(BLOCK, batch - r);
      for (int p = 0; p < n; p++) {
        in.get((r + p) * inputSize, rows[p], 0, inputSize);
        Arrays.fill(acc[p], 0f);
      }
      MultiplyAdd.matrixRows(acc, rows, n, weights, inputSize, units);
      for (int p = 0; p < n; p++) {
        MultiplyAdd.biasAndActivation(acc[p], bias, 0, units, activation);
        out.put((r + p) * units, acc[p], 0, units);
      }
    }
  }
}
