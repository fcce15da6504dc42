package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * Checks and reads shared by the float convolution and matrix-product kernels. Weights and biases are
 * never assumed constant (a float16 model makes them with DEQUANTIZE), so each is read into an array
 * of the kernel's once at prepare when constant, else at the start of every run.
 */
final class FloatOperands {
  private FloatOperands() {}

  /**
   * Refuses a data input that is not float32: {@link ConvOps} sends integer inputs to the integer kernels,
   * and other types have no meaning for these operators.
   */
  static void requireFloatInput(OpContext ctx, TensorBuffer t, String role) {
    if (t.type() != DataType.FLOAT32) {
      throw ctx.unsupported(role + " of type " + t.type() + " is not supported (float32 only)");
    }
  }

  /**
   * Refuses weights that are not dense float32: {@link ConvOps} sends int8/uint8 weights with a float input
   * to the hybrid kernels (where the op has one), sparse weights would need densifying first.
   */
  static void requireFloatWeights(OpContext ctx, TensorBuffer t, String role) {
    if (t.type() == DataType.INT8 || t.type() == DataType.UINT8) {
      throw ctx.unsupported(role + " of type " + t.type() + " with a float32 input (hybrid) is not supported");
    }
    if (t.type() != DataType.FLOAT32) {
      throw ctx.unsupported(role + " of type " + t.type() + " with a float32 input is not supported");
    }
    if (t.def().sparsity() != null) {
      throw ctx.unsupported("sparse " + role + " is not supported");
    }
  }

  static void requireFloatOutput(OpContext ctx) {
    DataType type = ctx.output(0).type();
    ctx.require(type == DataType.FLOAT32, "output type %s differs from the input type FLOAT32", type);
  }

  static void requireRank(OpContext ctx, TensorBuffer t, int rank, String role) {
    ctx.require(t.rank() == rank, "%s must have rank %d, has shape %s", role, rank, Arrays.toString(t.shape()));
  }

  /** Sets output 0's shape after checking that its element count fits an int. */
  static void setOutputShape(OpContext ctx, int... dims) {
    ctx.require(fitsInt(dims), "output shape %s has too many elements", Arrays.toString(dims));
    ctx.setOutputShape(0, dims);
  }

  static boolean fitsInt(int[] dims) {
    long n = 1;
    for (int d : dims) {
      if (d < 0) {
        return false;
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        return false;
      }
    }
    return true;
  }

  /**
   * The optional bias of {@code channels} float32 values: null when the node has none, else an array
   * filled now when the bias is constant (see {@link #refreshBias}).
   */
  static float[] prepareBias(OpContext ctx, TensorBuffer bias, int channels) {
    if (bias == null) {
      return null;
    }
    ctx.require(bias.type() == DataType.FLOAT32, "bias type %s differs from the input type FLOAT32", bias.type());
    ctx.require(bias.numElements() == channels, "bias shape %s does not have %d elements (output channels)",
        Arrays.toString(bias.shape()), channels);
    float[] values = new float[channels];
    if (bias.isConstant()) {
      bias.floats().get(0, values);
    }
    return values;
  }

  /** Copies a bias computed at run time into the kernel's array (a constant one was read at prepare). */
  static void refreshBias(TensorBuffer bias, float[] values) {
    if (bias != null && !bias.isConstant()) {
      bias.floats().get(0, values);
    }
  }
}
