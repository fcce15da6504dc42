package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;

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
    ctx.require(input != null && filter != null, "needs an input and weights");
    FloatOperands.requireFloatInput(ctx, input, "input");
    FloatOperands.requireFloatWeights(ctx, filter, "weights");
    FloatOperands.requireFloatOutput(ctx);
    FullyConnectedOptions o = ctx.options(new FullyConnectedOptions());
    if (o.weightsFormat() != FullyConnectedOptionsWeightsFormat.DEFAULT) {
      throw ctx.unsupported("weights format " + formatName(o.weightsFormat()) + " is not supported");
    }
    activation = Activation.of(o.fusedActivationFunction(), ctx);
    FloatOperands.requireRank(ctx, filter, 2, "weights");
    units = filter.dim(0);
    inputSize = filter.dim(1);
    ctx.require(units >= 1 && inputSize >= 1, "weights shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    int elements = input.numElements();
    ctx.require(elements % inputSize == 0, "input shape %s is not a whole number of rows of %d (weights %s)",
        Arrays.toString(input.shape()), inputSize, Arrays.toString(filter.shape()));
    batch = elements / inputSize;
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), units);
    FloatOperands.setOutputShape(ctx, outputShape(ctx, input, o.keepNumDims()));
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

  private int[] outputShape(OpContext ctx, TensorBuffer input, boolean keepNumDims) {
    if (!keepNumDims) {
      return new int[] {batch, units};
    }
    int rank = input.rank();
    ctx.require(rank >= 1 && input.dim(rank - 1) == inputSize,
        "keep_num_dims needs the input's last dimension to be %d, input shape is %s", inputSize,
        Arrays.toString(input.shape()));
    int[] shape = input.shape().clone();
    shape[rank - 1] = units;
    return shape;
  }

  private static String formatName(byte format) {
    return format >= 0 && format < FullyConnectedOptionsWeightsFormat.names.length
        ? FullyConnectedOptionsWeightsFormat.names[format] : "code " + format;
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
