package dev.lite4j.ops.conv;

import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;

/**
 * The options and shapes of a FULLY_CONNECTED node, checked once at prepare and shared by its float,
 * integer and hybrid kernels: weights [units, inputSize], the input read as {@code batch} rows of
 * inputSize whatever its rank, and the output shape ([batch, units], or the input's with its last
 * dimension replaced by units under keep_num_dims).
 */
record FullyConnectedGeometry(int units, int inputSize, int batch, int[] outputShape, byte fusedActivation,
    boolean asymmetricQuantizeInputs) {

  static FullyConnectedGeometry of(OpContext ctx) {
    TensorBuffer input = ctx.input(0);
    TensorBuffer filter = ctx.input(1);
    ctx.require(input != null && filter != null, "needs an input and weights");
    FullyConnectedOptions o = ctx.options(new FullyConnectedOptions());
    if (o.weightsFormat() != FullyConnectedOptionsWeightsFormat.DEFAULT) {
      throw ctx.unsupported("weights format " + formatName(o.weightsFormat()) + " is not supported");
    }
    FloatOperands.requireRank(ctx, filter, 2, "weights");
    int units = filter.dim(0);
    int inputSize = filter.dim(1);
    ctx.require(units >= 1 && inputSize >= 1, "weights shape %s has an empty dimension",
        Arrays.toString(filter.shape()));
    int elements = input.numElements();
    ctx.require(elements % inputSize == 0, "input shape %s is not a whole number of rows of %d (weights %s)",
        Arrays.toString(input.shape()), inputSize, Arrays.toString(filter.shape()));
    int batch = elements / inputSize;
    int[] outputShape = outputShape(ctx, input, o.keepNumDims(), batch, units, inputSize);
    return new FullyConnectedGeometry(units, inputSize, batch, outputShape, o.fusedActivationFunction(),
        o.asymmetricQuantizeInputs());
  }

  private static int[] outputShape(OpContext ctx, TensorBuffer input, boolean keepNumDims, int batch, int units,
      int inputSize) {
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
}
