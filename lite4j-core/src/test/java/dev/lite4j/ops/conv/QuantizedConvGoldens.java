package dev.lite4j.ops.conv;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BatchMatMulOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.TransposeConvOptionsT;

/**
 * The one-op integer models whose outputs were recorded with the real TensorFlow Lite 2.6.2 into
 * {@code src/test/resources/golden-ops/<name>/} (see the README there). {@link #main} writes the models to a
 * folder (deterministic: fixed seeds).
 */
class QuantizedConvGoldens {
  /** Every golden model by name. */
  static Map<String, byte[]> models() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    // CONV_2D
    m.put("conv_u8_same_s2x1_relu6", conv(DataType.UINT8, false, new int[] {1, 9, 11, 5}, new int[] {6, 3, 3, 5},
        Padding.SAME, 2, 1, 1, 1, ActivationFunctionType.RELU6, 1));
    m.put("conv_u8_valid_dil2x3", conv(DataType.UINT8, false, new int[] {2, 10, 9, 3}, new int[] {4, 2, 3, 3},
        Padding.VALID, 1, 1, 2, 3, ActivationFunctionType.NONE, 2));
    m.put("conv_i8_pc_same_s2_relu", conv(DataType.INT8, true, new int[] {1, 8, 7, 6}, new int[] {7, 3, 2, 6},
        Padding.SAME, 2, 2, 1, 1, ActivationFunctionType.RELU, 3));
    m.put("conv_i8_pt_valid_1x1", conv(DataType.INT8, false, new int[] {1, 5, 6, 19}, new int[] {9, 1, 1, 19},
        Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE, 4));
    m.put("conv_i8_pc_same_dil2_relu6", conv(DataType.INT8, true, new int[] {1, 11, 10, 4},
        new int[] {5, 3, 3, 4}, Padding.SAME, 1, 2, 2, 2, ActivationFunctionType.RELU6, 5));
    m.put("conv_i16_pc_same_s2_relu6", conv(DataType.INT16, true, new int[] {1, 9, 8, 5}, new int[] {6, 3, 3, 5},
        Padding.SAME, 2, 2, 1, 1, ActivationFunctionType.RELU6, 6));
    m.put("conv_i16_pc_valid_dil2", conv(DataType.INT16, true, new int[] {2, 8, 9, 3}, new int[] {4, 2, 2, 3},
        Padding.VALID, 1, 1, 2, 2, ActivationFunctionType.NONE, 7));
    m.put("conv_i8_pc_big", conv(DataType.INT8, true, new int[] {1, 14, 13, 24}, new int[] {32, 3, 3, 24},
        Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.NONE, 8));
    m.put("conv_u8_big", conv(DataType.UINT8, false, new int[] {1, 14, 13, 24}, new int[] {32, 1, 1, 24},
        Padding.VALID, 1, 1, 1, 1, ActivationFunctionType.NONE, 9));
    // DEPTHWISE_CONV_2D
    m.put("dw_u8_same_s2_m2_relu6", depthwise(DataType.UINT8, false, new int[] {1, 9, 8, 3}, 3, 3, 2,
        Padding.SAME, 2, 2, 1, 1, ActivationFunctionType.RELU6, 11));
    m.put("dw_u8_valid_dil2", depthwise(DataType.UINT8, false, new int[] {1, 10, 11, 5}, 3, 3, 1,
        Padding.VALID, 1, 1, 2, 2, ActivationFunctionType.NONE, 12));
    m.put("dw_i8_pc_same_s1_relu6", depthwise(DataType.INT8, true, new int[] {1, 7, 9, 8}, 3, 3, 1,
        Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.RELU6, 13));
    m.put("dw_i8_pc_valid_s2x1_m3_dil", depthwise(DataType.INT8, true, new int[] {2, 9, 10, 3}, 2, 3, 3,
        Padding.VALID, 2, 1, 1, 2, ActivationFunctionType.RELU, 14));
    m.put("dw_i16_pc_same_m2", depthwise(DataType.INT16, true, new int[] {1, 8, 7, 3}, 3, 3, 2,
        Padding.SAME, 1, 2, 1, 1, ActivationFunctionType.NONE, 15));
    m.put("dw_i8_pc_big", depthwise(DataType.INT8, true, new int[] {1, 16, 15, 32}, 3, 3, 1,
        Padding.SAME, 1, 1, 1, 1, ActivationFunctionType.NONE, 16));
    // FULLY_CONNECTED
    m.put("fc_u8_relu", fc(DataType.UINT8, DataType.UINT8, new int[] {3, 13}, 7, false,
        ActivationFunctionType.RELU, 21));
    m.put("fc_u8_to_i16", fc(DataType.UINT8, DataType.INT16, new int[] {2, 17}, 6, false,
        ActivationFunctionType.NONE, 22));
    m.put("fc_i8_keepdims", fc(DataType.INT8, DataType.INT8, new int[] {2, 3, 10}, 5, true,
        ActivationFunctionType.NONE, 23));
    m.put("fc_i8_relu6", fc(DataType.INT8, DataType.INT8, new int[] {4, 37}, 11, false,
        ActivationFunctionType.RELU6, 24));
    m.put("fc_i16", fc(DataType.INT16, DataType.INT16, new int[] {3, 21}, 9, false,
        ActivationFunctionType.NONE, 25));
    m.put("fc_i8_big", fc(DataType.INT8, DataType.INT8, new int[] {16, 300}, 200, false,
        ActivationFunctionType.NONE, 26));
    m.put("fc_u8_big", fc(DataType.UINT8, DataType.UINT8, new int[] {16, 300}, 200, false,
        ActivationFunctionType.NONE, 27));
    // TRANSPOSE_CONV
    m.put("tconv_u8_same_s2", transposeConv(DataType.UINT8, false, new int[] {1, 4, 5, 3}, new int[] {4, 3, 3, 3},
        new int[] {1, 8, 10, 4}, Padding.SAME, 2, 2, true, 31));
    m.put("tconv_i8_pc_valid_s2x1", transposeConv(DataType.INT8, true, new int[] {2, 5, 4, 6},
        new int[] {5, 3, 2, 6}, new int[] {2, 11, 5, 5}, Padding.VALID, 2, 1, true, 32));
    m.put("tconv_i16_pc_same_s2", transposeConv(DataType.INT16, true, new int[] {1, 4, 4, 3}, new int[] {3, 3, 3, 3},
        new int[] {1, 8, 8, 3}, Padding.SAME, 2, 2, true, 33));
    // BATCH_MATMUL
    m.put("bmm_i8", batchMatMul(DataType.INT8, new int[] {2, 5, 17}, new int[] {2, 17, 7}, false, false, 41));
    m.put("bmm_i8_adjy_bcast", batchMatMul(DataType.INT8, new int[] {3, 4, 9}, new int[] {1, 6, 9}, false, true, 42));
    m.put("bmm_i8_adjx", batchMatMul(DataType.INT8, new int[] {1, 13, 6}, new int[] {1, 13, 5}, true, false, 43));
    m.put("bmm_i16", batchMatMul(DataType.INT16, new int[] {2, 3, 11}, new int[] {2, 11, 4}, false, false, 44));
    m.put("bmm_i8_big", batchMatMul(DataType.INT8, new int[] {2, 32, 40}, new int[] {2, 40, 48}, false, false, 45));
    m.put("tconv_i8_pc_big", transposeConv(DataType.INT8, true, new int[] {1, 8, 8, 16}, new int[] {16, 3, 3, 16},
        new int[] {1, 16, 16, 16}, Padding.SAME, 2, 2, true, 34));
    // The multiplier's derivation: scales where float and double products give different multipliers and an
    // accumulator (100 * 100 + 2813 = 12813) where that moves the output (input = 100, written by hand).
    m.put("fc_u8_legacy_multiplier", multiplierProbe(BuiltinOperator.FULLY_CONNECTED, DataType.UINT8));
    m.put("conv_i8_perchannel_multiplier", multiplierProbe(BuiltinOperator.CONV_2D, DataType.INT8));
    return m;
  }

  /**
   * A one-element node with input scale 0.041272297501564026, weight scale 0.016822976991534233, output scale
   * 0.05187617987394333: QuantizeMultiplier gives 1839515096 * 2^-37 from the float product of the first two
   * and 1839515063 * 2^-37 from the double product, and 12813 becomes 172 or 171.
   */
  static byte[] multiplierProbe(int op, DataType type) {
    ModelBuilder b = new ModelBuilder();
    boolean fc = op == BuiltinOperator.FULLY_CONNECTED;
    int[] inShape = fc ? new int[] {1, 1} : new int[] {1, 1, 1, 1};
    int in = b.addInput("input", type, inShape);
    b.setQuantization(in, 0.041272297501564026f, 0);
    int f = b.addConstant("weights", type, fc ? new int[] {1, 1} : new int[] {1, 1, 1, 1},
        new byte[] {(byte) (type == DataType.UINT8 ? 228 : 100)});
    b.setQuantization(f, new float[] {0.016822976991534233f}, new long[] {type == DataType.UINT8 ? 128 : 0}, 0);
    int bias = b.addConstantInts("bias", new int[] {1}, 2813);
    b.setQuantization(bias, 0.041272297501564026f * 0.016822976991534233f, 0);
    int out = b.addTensor("output", type);
    b.setQuantization(out, 0.05187617987394333f, type == DataType.UINT8 ? 0 : -100);
    b.addOutput(out);
    if (fc) {
      b.addOperator(op, 1, new int[] {in, f, bias}, new int[] {out}, new FullyConnectedOptionsT());
    } else {
      b.addOperator(op, 3, new int[] {in, f, bias}, new int[] {out}, Conv2DTest.options(Padding.VALID, 1));
    }
    return b.build();
  }

  /** Writes every model to the folder {@code args[0]} as {@code <name>.tflite}, for run.sh golden to record. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : models().entrySet()) {
      Files.write(dir.resolve(e.getKey() + ".tflite"), e.getValue());
    }
  }

  // ----------------------------------------------------------------------------------------- builders

  private static float inputScale(DataType t) {
    return t == DataType.INT16 ? 0.0005f : 0.02f;
  }

  private static int inputZeroPoint(DataType t, Random r) {
    return switch (t) {
      case UINT8 -> 100 + r.nextInt(50);
      case INT8 -> -20 + r.nextInt(30);
      default -> 0;
    };
  }

  /** Typical magnitude of an input value and of a weight, minus zero points, in quantized units. */
  private static double typical(DataType t) {
    return t == DataType.INT16 ? 18000 : 70;
  }

  /** Random weights of the type of {@code activations}' weights, as raw little-endian bytes. */
  private static byte[] weights(DataType activations, int n, Random r) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = activations == DataType.UINT8 ? (byte) r.nextInt(256) : (byte) (r.nextInt(255) - 127);
    }
    return b;
  }

  private static float[] weightScales(boolean perChannel, int channels, Random r) {
    float[] s = new float[perChannel ? channels : 1];
    for (int i = 0; i < s.length; i++) {
      s[i] = 0.002f + r.nextFloat() * 0.01f;
    }
    return s;
  }

  private static int bias(ModelBuilder b, DataType activations, int channels, float inScale, float[] wScales,
      double accTypical, Random r) {
    float[] scales = new float[wScales.length];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = inScale * wScales[i];
    }
    int t;
    if (activations == DataType.INT16) {
      long[] v = new long[channels];
      for (int i = 0; i < channels; i++) {
        v[i] = (long) ((r.nextDouble() * 2 - 1) * accTypical);
      }
      t = b.addConstantLongs("bias", new int[] {channels}, v);
    } else {
      int[] v = new int[channels];
      for (int i = 0; i < channels; i++) {
        v[i] = (int) ((r.nextDouble() * 2 - 1) * accTypical);
      }
      t = b.addConstantInts("bias", new int[] {channels}, v);
    }
    b.setQuantization(t, scales, new long[scales.length], 0);
    return t;
  }

  private static void quantizeWeights(ModelBuilder b, int t, DataType activations, float[] scales, int dim,
      Random r) {
    long[] zps = new long[scales.length];
    if (activations == DataType.UINT8) {
      zps[0] = 110 + r.nextInt(40);
    }
    b.setQuantization(t, scales, zps, dim);
  }

  private static int output(ModelBuilder b, DataType type, double realTypical, Random r) {
    int t = b.addTensor("output", type);
    float scale = (float) (realTypical * 2.5 / (type == DataType.INT16 ? 32768 : 128));
    int zp = switch (type) {
      case UINT8 -> 120 + r.nextInt(20);
      case INT8 -> -10 + r.nextInt(20);
      default -> 0;
    };
    b.setQuantization(t, scale, zp);
    b.addOutput(t);
    return t;
  }

  static byte[] conv(DataType type, boolean perChannel, int[] inShape, int[] fShape, byte padding, int strideH,
      int strideW, int dilationH, int dilationW, byte act, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, inShape);
    float inScale = inputScale(type);
    b.setQuantization(in, inScale, inputZeroPoint(type, r));
    int channels = fShape[0];
    int f = b.addConstant("filter", type == DataType.UINT8 ? DataType.UINT8 : DataType.INT8, fShape,
        weights(type, fShape[0] * fShape[1] * fShape[2] * fShape[3], r));
    float[] ws = weightScales(perChannel, channels, r);
    quantizeWeights(b, f, type, ws, 0, r);
    int k = fShape[1] * fShape[2] * fShape[3];
    double accTypical = Math.sqrt(k) * typical(type) * 70;
    int bias = bias(b, type, channels, inScale, ws, accTypical, r);
    int out = output(b, type, accTypical * inScale * ws[0], r);
    Conv2DOptionsT o = Conv2DTest.options(padding, strideH, strideW, dilationH, dilationW, act);
    b.addOperator(BuiltinOperator.CONV_2D, type == DataType.INT16 ? 4 : 3, new int[] {in, f, bias},
        new int[] {out}, o);
    return b.build();
  }

  static byte[] depthwise(DataType type, boolean perChannel, int[] inShape, int kH, int kW, int multiplier,
      byte padding, int strideH, int strideW, int dilationH, int dilationW, byte act, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, inShape);
    float inScale = inputScale(type);
    b.setQuantization(in, inScale, inputZeroPoint(type, r));
    int channels = inShape[3] * multiplier;
    int[] fShape = {1, kH, kW, channels};
    int f = b.addConstant("filter", type == DataType.UINT8 ? DataType.UINT8 : DataType.INT8, fShape,
        weights(type, kH * kW * channels, r));
    float[] ws = weightScales(perChannel, channels, r);
    quantizeWeights(b, f, type, ws, 3, r);
    double accTypical = Math.sqrt(kH * kW) * typical(type) * 70;
    int bias = bias(b, type, channels, inScale, ws, accTypical, r);
    int out = output(b, type, accTypical * inScale * ws[0], r);
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(strideH);
    o.setStrideW(strideW);
    o.setDilationHFactor(dilationH);
    o.setDilationWFactor(dilationW);
    o.setDepthMultiplier(multiplier);
    o.setFusedActivationFunction(act);
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, type == DataType.INT16 ? 5 : 3, new int[] {in, f, bias},
        new int[] {out}, o);
    return b.build();
  }

  static byte[] fc(DataType type, DataType outType, int[] inShape, int units, boolean keepNumDims, byte act,
      long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, inShape);
    float inScale = inputScale(type);
    b.setQuantization(in, inScale, inputZeroPoint(type, r));
    int depth = inShape[inShape.length - 1];
    int f = b.addConstant("weights", type == DataType.UINT8 ? DataType.UINT8 : DataType.INT8,
        new int[] {units, depth}, weights(type, units * depth, r));
    float[] ws = weightScales(false, units, r);
    quantizeWeights(b, f, type, ws, 0, r);
    double accTypical = Math.sqrt(depth) * typical(type) * 70;
    int bias = bias(b, type, units, inScale, ws, accTypical, r);
    int out = outType == DataType.INT16 && type == DataType.UINT8
        ? outputZeroZp(b, accTypical * inScale * ws[0]) : output(b, outType, accTypical * inScale * ws[0], r);
    FullyConnectedOptionsT o = new FullyConnectedOptionsT();
    o.setFusedActivationFunction(act);
    o.setKeepNumDims(keepNumDims);
    int version = type == DataType.INT16 ? 7 : type == DataType.INT8 ? 4 : outType == DataType.INT16 ? 3 : 1;
    if (keepNumDims) {
      version = Math.max(version, 5);
    }
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, version, new int[] {in, f, bias}, new int[] {out}, o);
    return b.build();
  }

  static byte[] transposeConv(DataType type, boolean perChannel, int[] inShape, int[] fShape, int[] outShape,
      byte padding, int strideH, int strideW, boolean withBias, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int shape = b.addConstantInts("output_shape", new int[] {4}, outShape);
    int channels = fShape[0];
    int f = b.addConstant("weights", type == DataType.UINT8 ? DataType.UINT8 : DataType.INT8, fShape,
        weights(type, fShape[0] * fShape[1] * fShape[2] * fShape[3], r));
    float[] ws = weightScales(perChannel, channels, r);
    quantizeWeights(b, f, type, ws, 0, r);
    int in = b.addInput("input", type, inShape);
    float inScale = inputScale(type);
    b.setQuantization(in, inScale, inputZeroPoint(type, r));
    double accTypical = Math.sqrt(fShape[1] * fShape[2] * fShape[3] / (double) (strideH * strideW)) * typical(type) * 70;
    int bias = withBias ? bias(b, type, channels, inScale, ws, accTypical, r) : -1;
    int out = output(b, type, accTypical * inScale * ws[0], r);
    TransposeConvOptionsT o = new TransposeConvOptionsT();
    o.setPadding(padding);
    o.setStrideH(strideH);
    o.setStrideW(strideW);
    b.addOperator(BuiltinOperator.TRANSPOSE_CONV, 3, withBias ? new int[] {shape, f, in, bias}
        : new int[] {shape, f, in}, new int[] {out}, o);
    return b.build();
  }

  static byte[] batchMatMul(DataType type, int[] lhsShape, int[] rhsShape, boolean adjX, boolean adjY, long seed) {
    Random r = new Random(seed);
    ModelBuilder b = new ModelBuilder();
    int lhs = b.addInput("lhs", type, lhsShape);
    float inScale = inputScale(type);
    b.setQuantization(lhs, inScale, inputZeroPoint(type, r));
    int count = 1;
    for (int d : rhsShape) {
      count *= d;
    }
    int rhs;
    if (type == DataType.INT16) {
      ByteBuffer v = le(count * 2);
      for (int i = 0; i < count; i++) {
        v.putShort((short) (r.nextInt(65536) - 32768));
      }
      rhs = b.addConstant("rhs", type, rhsShape, v.array());
    } else {
      rhs = b.addConstant("rhs", type, rhsShape, weights(type, count, r));
    }
    float rhsScale = type == DataType.INT16 ? 0.0003f : 0.01f;
    b.setQuantization(rhs, rhsScale, type == DataType.INT16 ? 0 : 5);
    int depth = adjX ? lhsShape[lhsShape.length - 2] : lhsShape[lhsShape.length - 1];
    double accTypical = Math.sqrt(depth) * typical(type) * typical(type);
    int out = output(b, type, accTypical * inScale * rhsScale, r);
    BatchMatMulOptionsT o = new BatchMatMulOptionsT();
    o.setAdjX(adjX);
    o.setAdjY(adjY);
    b.addOperator(BuiltinOperator.BATCH_MATMUL, type == DataType.INT16 ? 3 : 2, new int[] {lhs, rhs},
        new int[] {out}, o);
    return b.build();
  }

  private static int outputZeroZp(ModelBuilder b, double realTypical) {
    int t = b.addTensor("output", DataType.INT16);
    b.setQuantization(t, (float) (realTypical * 2.5 / 32768), 0);
    b.addOutput(t);
    return t;
  }

  static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
