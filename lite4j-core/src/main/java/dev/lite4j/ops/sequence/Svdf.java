package dev.lite4j.ops.sequence;

import dev.lite4j.DataType;
import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.HybridQuantization;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.kernels.fixedpoint.FixedPoint;
import dev.lite4j.kernels.fixedpoint.QuantizedMultiplier;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import org.tensorflow.lite.schema.SVDFOptions;

/**
 * SVDF (TensorFlow Lite's {@code svdf.cc}, reference {@code svdf.h}): a fully connected layer factored into
 * rank-1 filters over time. Each step shifts every filter's memory left by one, puts
 * weights_feature x input in the newest slot, dots each filter's memory with its weights_time row, sums
 * {@code rank} filters into each unit, adds the bias and applies the activation. Inputs: input
 * [batch, input_size], weights_feature [filters, input_size], weights_time [filters, memory], optional bias
 * [units], variable state [batch, memory * filters]; output [batch, units], units = filters / rank.
 *
 * <p>Float, and integer (EvalIntegerSVDF: int8 input and weights_feature, int16 weights_time and state,
 * int32 bias, int8 output; the feature product is rescaled into the int16 state, the time product sum into
 * the output; TF Lite 2.6 requires the fused activation to be RELU and then does not apply it, so neither
 * does this kernel: outputs below the zero point stay, as in the goldens). Hybrid (EvalHybridSVDF: float
 * input quantized per row at run time, symmetric or asymmetric, int8 weights_feature, int8 weights_time
 * dequantized once (float weights_time count as zeros, as in TF Lite 2.6), float state and output).
 */
public final class Svdf implements Kernel {
  private static final int INPUT = 0;
  private static final int WEIGHTS_FEATURE = 1;
  private static final int WEIGHTS_TIME = 2;
  private static final int BIAS = 3;
  private static final int STATE = 4;

  private int rank;
  private int batch;
  private int inputSize;
  private int filters;
  private int units;
  private int memory;
  private boolean integer;
  private Activation activation;
  private float[] scratch;
  // Integer path.
  private int[] scratchInt;
  private QuantizedMultiplier scale1;
  private QuantizedMultiplier scale2;
  private int inputZp;
  private int outputZp;
  // Hybrid path.
  private boolean hybrid;
  private boolean asymmetric;
  private float featureScale;
  private float[] inputRow;
  private int[] quantized;
  private final int[] zeroPoint = new int[1];
  private int[] rowSums;
  private float[] timeWeights;

  @Override
  public void prepare(OpContext ctx) {
    ctx.require(ctx.inputCount() == 5, "needs 5 inputs, has %d", ctx.inputCount());
    ctx.require(ctx.outputCount() == 1, "needs one output, has %d", ctx.outputCount());
    SVDFOptions o = ctx.options(new SVDFOptions());
    TensorBuffer input = required(ctx, INPUT, "input");
    TensorBuffer feature = required(ctx, WEIGHTS_FEATURE, "weights_feature");
    TensorBuffer time = required(ctx, WEIGHTS_TIME, "weights_time");
    TensorBuffer state = required(ctx, STATE, "state");
    TensorBuffer bias = ctx.input(BIAS);
    rank = o.rank();
    ctx.require(input.rank() == 2, "input must be 2-D [batch, input_size], got %s", Arrays.toString(input.shape()));
    ctx.require(feature.rank() == 2 && feature.dim(1) == input.dim(1),
        "weights_feature %s do not take %d inputs", Arrays.toString(feature.shape()), input.dim(1));
    batch = input.dim(0);
    inputSize = input.dim(1);
    filters = feature.dim(0);
    ctx.require(rank >= 1 && filters % rank == 0, "rank %d does not divide %d filters", rank, filters);
    units = filters / rank;
    ctx.require(time.rank() == 2 && time.dim(0) == filters && time.dim(1) >= 1,
        "weights_time %s must be [%d, memory_size]", Arrays.toString(time.shape()), filters);
    memory = time.dim(1);
    ctx.require(bias == null || (bias.rank() == 1 && bias.dim(0) == units), "bias %s must be [%d]",
        bias == null ? "" : Arrays.toString(bias.shape()), units);
    ctx.require(state.def().isVariable(), "state '%s' must be a variable tensor", state.name());
    ctx.require((long) batch * memory * filters <= 1 << 28 && state.numElements() == batch * memory * filters,
        "state has %d elements, expected %d x %d x %d", state.numElements(), batch, memory, filters);
    integer = input.type() == DataType.INT8;
    if (integer) {
      // TF Lite 2.6 accepts only RELU here (svdf.cc), though its integer kernel never applies it.
      ctx.require(o.fusedActivationFunction() == org.tensorflow.lite.schema.ActivationFunctionType.RELU,
          "the int8 SVDF needs fused activation RELU (as TF Lite 2.6), got code %d", o.fusedActivationFunction());
      prepareInteger(ctx, input, feature, time, bias, state);
    } else {
      if (input.type() != DataType.FLOAT32) {
        throw ctx.unsupported("input type " + input.type() + " is not supported (float32 or int8)");
      }
      hybrid = feature.type() == DataType.INT8;
      if (hybrid) {
        prepareHybrid(ctx, o, feature, time);
      } else if (feature.type() != DataType.FLOAT32) {
        throw ctx.unsupported("weights_feature type " + feature.type() + " is not supported");
      }
      for (TensorBuffer t : new TensorBuffer[] {hybrid ? null : time, bias, state, ctx.output(0)}) {
        ctx.require(t == null || t.type() == DataType.FLOAT32, "'%s' is %s, expected FLOAT32", t == null ? ""
            : t.name(), t == null ? "" : t.type());
      }
      activation = Activation.of(o.fusedActivationFunction(), ctx);
      scratch = new float[batch * filters];
    }
    ctx.setOutputShape(0, batch, units);
  }

  /**
   * TF Lite's hybrid SVDF: int8 weights_feature (per-tensor scale), weights_time float or int8 (dequantized
   * once), the input quantized per batch row at run time.
   */
  private void prepareHybrid(OpContext ctx, SVDFOptions o, TensorBuffer feature, TensorBuffer time) {
    featureScale = QuantizedTensors.scale(ctx, feature, "weights_feature");
    ctx.require(feature.quantization().scales().length == 1, "weights_feature must have one scale");
    ctx.require(time.type() == DataType.FLOAT32 || time.type() == DataType.INT8,
        "weights_time is %s, expected FLOAT32 or INT8", time.type());
    ctx.require(feature.isConstant() && time.isConstant(), "the hybrid SVDF needs constant weights");
    asymmetric = o.asymmetricQuantizeInputs();
    inputRow = new float[inputSize];
    quantized = new int[inputSize];
    // TF Lite 2.6 dequantizes weights_time as int8 times its scale whatever its type: float weights_time
    // (unquantized, scale 0) become zeros, and the output is the bias alone. The golden shows it; follow it.
    float timeScale = time.type() == DataType.INT8 ? QuantizedTensors.scale(ctx, time, "weights_time") : 0f;
    timeWeights = new float[filters * memory];
    for (int i = 0; i < timeWeights.length; i++) {
      timeWeights[i] = time.type() == DataType.INT8 ? time.bytes().get(i) * timeScale : 0f;
    }
    rowSums = new int[filters];
    for (int f = 0; f < filters; f++) {
      for (int k = 0; k < inputSize; k++) {
        rowSums[f] += feature.bytes().get(f * inputSize + k);
      }
    }
  }

  private static TensorBuffer required(OpContext ctx, int i, String name) {
    TensorBuffer t = ctx.input(i);
    ctx.require(t != null, "input %d (%s) is required", i, name);
    return t;
  }

  /** TF Lite's int8 SVDF: the two effective scales, computed in float as svdf.cc writes them. */
  private void prepareInteger(OpContext ctx, TensorBuffer input, TensorBuffer feature, TensorBuffer time,
      TensorBuffer bias, TensorBuffer state) {
    requireType(ctx, feature, DataType.INT8, "weights_feature");
    requireType(ctx, time, DataType.INT16, "weights_time");
    requireType(ctx, state, DataType.INT16, "state");
    requireType(ctx, ctx.output(0), DataType.INT8, "output");
    if (bias != null) {
      requireType(ctx, bias, DataType.INT32, "bias");
    }
    float inputScale = QuantizedTensors.scale(ctx, input, "input");
    float featureScale = QuantizedTensors.scale(ctx, feature, "weights_feature");
    float timeScale = QuantizedTensors.scale(ctx, time, "weights_time");
    float stateScale = QuantizedTensors.scale(ctx, state, "state");
    float outputScale = QuantizedTensors.scale(ctx, ctx.output(0), "output");
    inputZp = QuantizedTensors.zeroPoint(ctx, input, "input");
    outputZp = QuantizedTensors.zeroPoint(ctx, ctx.output(0), "output");
    scale1 = QuantizedMultiplier.of(inputScale * featureScale / stateScale);
    scale2 = QuantizedMultiplier.of(stateScale * timeScale / outputScale);
    scratchInt = new int[batch * filters];
  }

  private static void requireType(OpContext ctx, TensorBuffer t, DataType type, String role) {
    if (t.type() != type) {
      throw ctx.unsupported(role + " '" + t.name() + "' is " + t.type() + "; the int8 SVDF needs " + type);
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (integer) {
      runInteger(ctx);
    } else {
      runFloat(ctx);
    }
  }

  /** Shifts every filter's memory left by one slot (the newest slot is written next). */
  private void shiftFloat(FloatBuffer state) {
    int n = batch * filters * memory;
    for (int i = 0; i + 1 < n; i++) {
      state.put(i, state.get(i + 1));
    }
  }

  private void runFloat(OpContext ctx) {
    FloatBuffer input = ctx.input(INPUT).floats();
    FloatBuffer feature = hybrid ? null : ctx.input(WEIGHTS_FEATURE).floats();
    FloatBuffer time = hybrid ? null : ctx.input(WEIGHTS_TIME).floats();
    TensorBuffer biasT = ctx.input(BIAS);
    FloatBuffer bias = biasT == null ? null : biasT.floats();
    FloatBuffer state = ctx.input(STATE).floats();
    FloatBuffer output = ctx.output(0).floats();
    shiftFloat(state);
    if (hybrid) {
      hybridFeature(ctx, input, state);
    } else {
      for (int b = 0; b < batch; b++) {
        for (int f = 0; f < filters; f++) {
          float dot = 0f;
          for (int k = 0; k < inputSize; k++) {
            dot += feature.get(f * inputSize + k) * input.get(b * inputSize + k);
          }
          state.put((b * filters + f) * memory + memory - 1, dot);
        }
      }
    }
    for (int b = 0; b < batch; b++) {
      for (int f = 0; f < filters; f++) {
        float dot = 0f;
        int s = (b * filters + f) * memory;
        for (int m = 0; m < memory; m++) {
          dot += (hybrid ? timeWeights[f * memory + m] : time.get(f * memory + m)) * state.get(s + m);
        }
        scratch[b * filters + f] = dot;
      }
      for (int u = 0; u < units; u++) {
        float sum = 0f;
        for (int r = 0; r < rank; r++) {
          sum += scratch[b * filters + u * rank + r];
        }
        if (bias != null) {
          sum += bias.get(u);
        }
        output.put(b * units + u, activation.apply(sum));
      }
    }
  }

  /**
   * The hybrid feature product: each input row quantized to int8 (scale, and zero point when asymmetric),
   * the int32 dot products with the int8 weights (less zero point x row sum) times scale x weight scale.
   */
  private void hybridFeature(OpContext ctx, FloatBuffer input, FloatBuffer state) {
    ByteBuffer feature = ctx.input(WEIGHTS_FEATURE).bytes();
    for (int b = 0; b < batch; b++) {
      input.get(b * inputSize, inputRow);
      float scale = HybridQuantization.quantize(inputRow, 0, inputSize, quantized, asymmetric, zeroPoint)
          * featureScale;
      for (int f = 0; f < filters; f++) {
        int dot = 0;
        for (int k = 0; k < inputSize; k++) {
          dot += feature.get(f * inputSize + k) * quantized[k];
        }
        if (asymmetric) {
          dot -= rowSums[f] * zeroPoint[0];
        }
        state.put((b * filters + f) * memory + memory - 1, 0f + dot * scale);
      }
    }
  }

  private void runInteger(OpContext ctx) {
    ByteBuffer input = ctx.input(INPUT).bytes();
    ByteBuffer feature = ctx.input(WEIGHTS_FEATURE).bytes();
    ShortBuffer time = ctx.input(WEIGHTS_TIME).shorts();
    TensorBuffer biasT = ctx.input(BIAS);
    ShortBuffer state = ctx.input(STATE).shorts();
    ByteBuffer output = ctx.output(0).bytes();
    int n = batch * filters * memory;
    for (int i = 0; i + 1 < n; i++) {
      state.put(i, state.get(i + 1));
    }
    // Feature: (input - zero point) x weights, rescaled into the newest int16 state slot.
    for (int b = 0; b < batch; b++) {
      for (int f = 0; f < filters; f++) {
        int dot = 0;
        for (int k = 0; k < inputSize; k++) {
          dot += feature.get(f * inputSize + k) * (input.get(b * inputSize + k) - inputZp);
        }
        dot = FixedPoint.multiplyByQuantizedMultiplier(dot, scale1.multiplier(), scale1.shift());
        state.put((b * filters + f) * memory + memory - 1, (short) FixedPoint.clamp(dot, Short.MIN_VALUE,
            Short.MAX_VALUE));
      }
    }
    // Time: each filter's memory dotted with its weights_time row; rank filters summed per unit.
    for (int b = 0; b < batch; b++) {
      for (int f = 0; f < filters; f++) {
        int dot = 0;
        int s = (b * filters + f) * memory;
        for (int m = 0; m < memory; m++) {
          dot += time.get(f * memory + m) * state.get(s + m);
        }
        scratchInt[b * filters + f] = dot;
      }
      for (int u = 0; u < units; u++) {
        int sum = 0;
        for (int r = 0; r < rank; r++) {
          sum += scratchInt[b * filters + u * rank + r];
        }
        if (biasT != null) {
          sum += biasT.ints().get(u);
        }
        int v = FixedPoint.multiplyByQuantizedMultiplier(sum, scale2.multiplier(), scale2.shift()) + outputZp;
        output.put(b * units + u, (byte) FixedPoint.clamp(v, -128, 127));
      }
    }
  }
}
