package dev.lite4j.goldenops;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.testutil.OpOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.ArgMaxOptionsT;
import org.tensorflow.lite.schema.ArgMinOptionsT;
import org.tensorflow.lite.schema.ConcatenationOptionsT;
import org.tensorflow.lite.schema.DepthToSpaceOptionsT;
import org.tensorflow.lite.schema.GatherOptionsT;
import org.tensorflow.lite.schema.PackOptionsT;
import org.tensorflow.lite.schema.ResizeNearestNeighborOptionsT;
import org.tensorflow.lite.schema.SpaceToDepthOptionsT;
import org.tensorflow.lite.schema.SplitOptionsT;
import org.tensorflow.lite.schema.SplitVOptionsT;
import org.tensorflow.lite.schema.SqueezeOptionsT;
import org.tensorflow.lite.schema.StridedSliceOptionsT;
import org.tensorflow.lite.schema.UnpackOptionsT;
import org.tensorflow.lite.schema.ReducerOptionsT;
import org.tensorflow.lite.schema.ResizeBilinearOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

/**
 * The one-op models behind the quantized goldens of {@code golden-ops/} for pools, softmaxes and the shape
 * family. {@code main(DIR)} writes {@code DIR/<name>.tflite}; the goldens themselves come from the real
 * TensorFlow Lite ({@code run.sh golden DIR/<name>.tflite OUT --case c1}, random inputs, seed 1).
 */
public final class ShapeFamilyModels {
  private ShapeFamilyModels() {}

  /** A tensor: type, shape, scale, zero point; {@code constant} (int32 values, or raw bytes) makes it a constant. */
  record T(DataType type, int[] shape, float scale, long zeroPoint, Object constant) {}

  static T t(DataType type, float scale, long zp, int... shape) {
    return new T(type, shape, scale, zp, null);
  }

  /** A constant int32 tensor (axes, paddings, sizes, ...). */
  static T ints(int[] shape, int... values) {
    return new T(DataType.INT32, shape, 0f, 0, values);
  }

  /** A constant quantized scalar of one byte (PADV2's value). */
  static T byteConst(DataType type, float scale, long zp, int value) {
    return new T(type, new int[] {1}, scale, zp, new byte[] {(byte) value});
  }

  static int[] shape(int... d) {
    return d;
  }

  /** A model with inputs {@code ins} (run-time, or constant where given) and one output. */
  static byte[] oneOp(int op, int version, Object options, T[] ins, T out) {
    return oneOp(op, version, options, ins, new T[] {out});
  }

  static byte[] oneOp(int op, int version, Object options, T[] ins, T[] outs) {
    ModelBuilder b = new ModelBuilder();
    int[] in = new int[ins.length];
    for (int i = 0; i < ins.length; i++) {
      if (ins[i].constant() instanceof int[] v) {
        in[i] = b.addConstantInts("c" + i, ins[i].shape(), v);
        continue;
      }
      if (ins[i].constant() instanceof byte[] v) {
        in[i] = b.addConstant("c" + i, ins[i].type(), ins[i].shape(), v);
      } else {
        in[i] = b.addInput("in" + i, ins[i].type(), ins[i].shape());
      }
      if (ins[i].scale() > 0) {
        b.setQuantization(in[i], ins[i].scale(), ins[i].zeroPoint());
      }
    }
    int[] o = new int[outs.length];
    for (int i = 0; i < outs.length; i++) {
      o[i] = b.addTensor("out" + i, outs[i].type(), outs[i].shape());
      if (outs[i].scale() > 0) {
        b.setQuantization(o[i], outs[i].scale(), outs[i].zeroPoint());
      }
      b.addOutput(o[i]);
    }
    b.addOperator(op, version, in, o, options);
    return b.build();
  }

  static SoftmaxOptionsT softmax(float beta) {
    SoftmaxOptionsT o = new SoftmaxOptionsT();
    o.setBeta(beta);
    return o;
  }

  /** Every model, by golden name. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    DataType u8 = DataType.UINT8;
    DataType i8 = DataType.INT8;
    DataType i16 = DataType.INT16;
    int avg = BuiltinOperator.AVERAGE_POOL_2D;
    int max = BuiltinOperator.MAX_POOL_2D;
    m.put("avgpool_uint8", oneOp(avg, 1, OpOptions.pool2d(Padding.SAME, 3, 3, 2, 2, ActivationFunctionType.RELU6),
        new T[] {t(u8, 0.05f, 10, 2, 7, 9, 5)}, t(u8, 0.05f, 10, 2, 4, 5, 5)));
    m.put("avgpool_int8", oneOp(avg, 2, OpOptions.pool2d(Padding.SAME, 2, 3, 1, 2, ActivationFunctionType.NONE),
        new T[] {t(i8, 0.1f, -5, 1, 6, 7, 16)}, t(i8, 0.1f, -5, 1, 6, 4, 16)));
    m.put("avgpool_int8_valid_relu", oneOp(avg, 2, OpOptions.pool2d(Padding.VALID, 3, 3, 1, 1, ActivationFunctionType.RELU),
        new T[] {t(i8, 0.02f, 3, 1, 5, 5, 3)}, t(i8, 0.02f, 3, 1, 3, 3, 3)));
    m.put("avgpool_int16", oneOp(avg, 3, OpOptions.pool2d(Padding.SAME, 3, 2, 2, 1, ActivationFunctionType.NONE),
        new T[] {t(i16, 0.001f, 0, 1, 5, 6, 4)}, t(i16, 0.001f, 0, 1, 3, 6, 4)));
    m.put("maxpool_uint8", oneOp(max, 1, OpOptions.pool2d(Padding.SAME, 3, 3, 2, 2, ActivationFunctionType.RELU6),
        new T[] {t(u8, 0.05f, 100, 2, 7, 9, 5)}, t(u8, 0.05f, 100, 2, 4, 5, 5)));
    m.put("maxpool_int8", oneOp(max, 2, OpOptions.pool2d(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.RELU),
        new T[] {t(i8, 0.1f, -5, 1, 6, 7, 16)}, t(i8, 0.1f, -5, 1, 3, 3, 16)));
    m.put("maxpool_int16", oneOp(max, 3, OpOptions.pool2d(Padding.SAME, 3, 2, 2, 1, ActivationFunctionType.NONE),
        new T[] {t(i16, 0.001f, 0, 1, 5, 6, 4)}, t(i16, 0.001f, 0, 1, 3, 6, 4)));
    int sm = BuiltinOperator.SOFTMAX;
    m.put("softmax_uint8", oneOp(sm, 1, softmax(1f),
        new T[] {t(u8, 0.1f, 128, 6, 37)}, t(u8, 1f / 256, 0, 6, 37)));
    m.put("softmax_uint8_beta", oneOp(sm, 1, softmax(0.37f),
        new T[] {t(u8, 0.0625f, 0, 2, 3, 1001)}, t(u8, 1f / 256, 0, 2, 3, 1001)));
    m.put("softmax_int8", oneOp(sm, 2, softmax(1f),
        new T[] {t(i8, 0.07f, -3, 5, 50)}, t(i8, 1f / 256, -128, 5, 50)));
    m.put("softmax_int8_beta", oneOp(sm, 2, softmax(2.5f),
        new T[] {t(i8, 0.0234f, 11, 4, 10)}, t(i8, 1f / 256, -128, 4, 10)));
    m.put("softmax_int8_int16", oneOp(sm, 3, softmax(1f),
        new T[] {t(i8, 0.05f, 0, 3, 40)}, t(i16, 1f / 65536, -32768, 3, 40)));
    m.put("softmax_uint8_int16", oneOp(sm, 3, softmax(1f),
        new T[] {t(u8, 0.05f, 120, 3, 40)}, t(i16, 1f / 65536, -32768, 3, 40)));
    m.put("softmax_int16", oneOp(sm, 3, softmax(1f),
        new T[] {t(i16, 1f / 2048, 0, 4, 33)}, t(i16, 1f / 32768, 0, 4, 33)));
    m.put("softmax_int16_beta", oneOp(sm, 3, softmax(0.3f),
        new T[] {t(i16, 0.0007f, 0, 2, 300)}, t(i16, 1f / 32768, 0, 2, 300)));
    int lsm = BuiltinOperator.LOG_SOFTMAX;
    m.put("logsoftmax_uint8", oneOp(lsm, 1, null,
        new T[] {t(u8, 0.1f, 128, 6, 37)}, t(u8, 16f / 256, 255, 6, 37)));
    m.put("logsoftmax_int8", oneOp(lsm, 2, null,
        new T[] {t(i8, 0.03f, -3, 5, 50)}, t(i8, 16f / 256, 127, 5, 50)));
    ReshapeOptionsT r = new ReshapeOptionsT();
    r.setNewShape(new int[] {3, -1});
    m.put("reshape_int8", oneOp(BuiltinOperator.RESHAPE, 1, r,
        new T[] {t(i8, 0.5f, 1, 2, 3, 4)}, t(i8, 0.5f, 1, 3, 8)));
    priority2(m);
    m.put("l2norm_uint8", oneOp(BuiltinOperator.L2_NORMALIZATION, 2, null,
        new T[] {t(DataType.UINT8, 0.1f, 120, 2, 3, 9)}, t(DataType.UINT8, 1f / 128, 128, 2, 3, 9)));
    m.put("l2norm_int8", oneOp(BuiltinOperator.L2_NORMALIZATION, 2, null,
        new T[] {t(DataType.INT8, 0.1f, -7, 4, 33)}, t(DataType.INT8, 1f / 128, 0, 4, 33)));
    m.put("l2norm_int8_small", oneOp(BuiltinOperator.L2_NORMALIZATION, 2, null,
        new T[] {t(DataType.INT8, 0.1f, 100, 50, 1)}, t(DataType.INT8, 1f / 128, 0, 50, 1)));
    resize(m);
    movement(m, DataType.INT8, 0.25f, -3, "int8");
    movement(m, DataType.UINT8, 0.25f, 130, "uint8");
    // TF Lite 2.6 refuses int16 DEPTH_TO_SPACE, SPACE_TO_DEPTH, BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND; no
    // goldens were made of those four (Lite4j moves their int16 bytes all the same).
    movement(m, DataType.INT16, 0.25f, 0, "int16");
    return m;
  }

  static ReducerOptionsT keep(boolean keep) {
    ReducerOptionsT o = new ReducerOptionsT();
    o.setKeepDims(keep);
    return o;
  }

  static void priority2(Map<String, byte[]> m) {
    DataType u8 = DataType.UINT8;
    DataType i8 = DataType.INT8;
    DataType i16 = DataType.INT16;
    ConcatenationOptionsT c1 = new ConcatenationOptionsT();
    c1.setAxis(1);
    m.put("concat_uint8_rescale", oneOp(BuiltinOperator.CONCATENATION, 1, c1,
        new T[] {t(u8, 0.1f, 128, 2, 3, 2), t(u8, 0.037f, 7, 2, 2, 2), t(u8, 0.05f, 100, 2, 1, 2)},
        t(u8, 0.05f, 100, 2, 6, 2)));
    m.put("concat_int8", oneOp(BuiltinOperator.CONCATENATION, 2, c1,
        new T[] {t(i8, 0.1f, -3, 2, 3, 2), t(i8, 0.1f, -3, 2, 2, 2)}, t(i8, 0.1f, -3, 2, 5, 2)));
    m.put("concat_int16", oneOp(BuiltinOperator.CONCATENATION, 3, c1,
        new T[] {t(i16, 0.01f, 0, 2, 3, 2), t(i16, 0.02f, 0, 2, 2, 2)}, t(i16, 0.01f, 0, 2, 5, 2)));
    int[] pads = {0, 0, 1, 2, 2, 0, 0, 1};
    m.put("pad_uint8", oneOp(BuiltinOperator.PAD, 1, null,
        new T[] {t(u8, 0.1f, 77, 1, 2, 3, 2), ints(shape(4, 2), pads)}, t(u8, 0.1f, 77, 1, 5, 5, 3)));
    m.put("pad_int8", oneOp(BuiltinOperator.PAD, 2, null,
        new T[] {t(i8, 0.1f, -9, 1, 2, 3, 2), ints(shape(4, 2), pads)}, t(i8, 0.1f, -9, 1, 5, 5, 3)));
    m.put("pad_int16", oneOp(BuiltinOperator.PAD, 4, null,
        new T[] {t(i16, 0.1f, 0, 1, 2, 3, 2), ints(shape(4, 2), pads)}, t(i16, 0.1f, 0, 1, 5, 5, 3)));
    m.put("padv2_uint8", oneOp(BuiltinOperator.PADV2, 2, null,
        new T[] {t(u8, 0.1f, 77, 1, 2, 3, 2), ints(shape(4, 2), pads), byteConst(u8, 0.1f, 77, 200)},
        t(u8, 0.1f, 77, 1, 5, 5, 3)));
    m.put("padv2_int8", oneOp(BuiltinOperator.PADV2, 2, null,
        new T[] {t(i8, 0.1f, -9, 1, 2, 3, 2), ints(shape(4, 2), pads), byteConst(i8, 0.1f, -9, -100)},
        t(i8, 0.1f, -9, 1, 5, 5, 3)));
    // MEAN: the H,W rule (4-D, axes [1, 2], keep_dims), the plain integer mean and the float rescale
    m.put("mean_uint8_hw", oneOp(BuiltinOperator.MEAN, 1, keep(true),
        new T[] {t(u8, 0.1f, 120, 2, 5, 7, 6), ints(shape(2), 1, 2)}, t(u8, 0.03f, 10, 2, 1, 1, 6)));
    m.put("mean_int8_hw", oneOp(BuiltinOperator.MEAN, 2, keep(true),
        new T[] {t(i8, 0.1f, -20, 2, 5, 7, 6), ints(shape(2), 2, 1)}, t(i8, 0.03f, 10, 2, 1, 1, 6)));
    m.put("mean_int16_hw", oneOp(BuiltinOperator.MEAN, 3, keep(true),
        new T[] {t(i16, 0.001f, 0, 1, 4, 3, 5), ints(shape(2), 1, 2)}, t(i16, 0.0007f, 0, 1, 1, 1, 5)));
    m.put("mean_uint8_same", oneOp(BuiltinOperator.MEAN, 1, keep(false),
        new T[] {t(u8, 0.1f, 120, 2, 5, 7), ints(shape(1), 1)}, t(u8, 0.1f, 120, 2, 7)));
    m.put("mean_int8_same", oneOp(BuiltinOperator.MEAN, 2, keep(false),
        new T[] {t(i8, 0.1f, -20, 2, 5, 7), ints(shape(2), 0, -1)}, t(i8, 0.1f, -20, 5)));
    m.put("mean_uint8_rescale", oneOp(BuiltinOperator.MEAN, 1, keep(false),
        new T[] {t(u8, 0.1f, 120, 2, 5, 7), ints(shape(1), 2)}, t(u8, 0.07f, 100, 2, 5)));
    m.put("mean_int8_rescale", oneOp(BuiltinOperator.MEAN, 2, keep(true),
        new T[] {t(i8, 0.1f, -20, 1, 5, 7, 4), ints(shape(2), -3, -2)}, t(i8, 0.05f, 3, 1, 1, 1, 4)));
    m.put("mean_int16_rescale", oneOp(BuiltinOperator.MEAN, 3, keep(false),
        new T[] {t(i16, 0.001f, 0, 3, 6), ints(shape(1), 1)}, t(i16, 0.0003f, 0, 3)));
    m.put("sum_uint8_rescale", oneOp(BuiltinOperator.SUM, 1, keep(false),
        new T[] {t(u8, 0.01f, 120, 2, 5, 7), ints(shape(1), 1)}, t(u8, 0.03f, 100, 2, 7)));
    m.put("sum_int8_rescale", oneOp(BuiltinOperator.SUM, 1, keep(true),
        new T[] {t(i8, 0.02f, -20, 2, 5, 7), ints(shape(1), 2)}, t(i8, 0.1f, 3, 2, 5, 1)));
    m.put("sum_int8_wrap", oneOp(BuiltinOperator.SUM, 1, keep(false),
        new T[] {t(i8, 0.02f, -20, 2, 5, 7), ints(shape(1), 2)}, t(i8, 0.02f, -20, 2, 5)));
    m.put("sum_int16_same", oneOp(BuiltinOperator.SUM, 1, keep(false),
        new T[] {t(i16, 0.02f, 0, 2, 5, 7), ints(shape(1), 2)}, t(i16, 0.02f, 0, 2, 5)));
    m.put("reduce_max_int8", oneOp(BuiltinOperator.REDUCE_MAX, 2, keep(false),
        new T[] {t(i8, 0.02f, -20, 2, 5, 7), ints(shape(1), 1)}, t(i8, 0.02f, -20, 2, 7)));
    m.put("reduce_max_uint8", oneOp(BuiltinOperator.REDUCE_MAX, 2, keep(true),
        new T[] {t(u8, 0.02f, 20, 2, 5, 7), ints(shape(2), 0, 2)}, t(u8, 0.02f, 20, 1, 5, 1)));
    m.put("reduce_min_int8", oneOp(BuiltinOperator.REDUCE_MIN, 2, keep(false),
        new T[] {t(i8, 0.02f, -20, 2, 5, 7), ints(shape(1), 1)}, t(i8, 0.02f, -20, 2, 7)));
    m.put("reduce_min_uint8", oneOp(BuiltinOperator.REDUCE_MIN, 2, keep(false),
        new T[] {t(u8, 0.02f, 20, 2, 5, 7), ints(shape(1), -1)}, t(u8, 0.02f, 20, 2, 5)));
    m.put("reduce_max_int16", oneOp(BuiltinOperator.REDUCE_MAX, 3, keep(false),
        new T[] {t(i16, 0.02f, 0, 2, 5, 7), ints(shape(1), 1)}, t(i16, 0.02f, 0, 2, 7)));
    // fed given inputs (see the golden's README): sums past the type's range
    m.put("sum_uint8_overflow", oneOp(BuiltinOperator.SUM, 1, keep(false),
        new T[] {t(u8, 1f, 0, 2, 3), ints(shape(1), 1)}, t(u8, 1f, 100, 2)));
    m.put("sum_int8_overflow", oneOp(BuiltinOperator.SUM, 1, keep(false),
        new T[] {t(i8, 1f, 0, 2, 3), ints(shape(1), 1)}, t(i8, 0.5f, 0, 2)));
    ArgMaxOptionsT am = new ArgMaxOptionsT();
    am.setOutputType(org.tensorflow.lite.schema.TensorType.INT32);
    ArgMinOptionsT an = new ArgMinOptionsT();
    an.setOutputType(org.tensorflow.lite.schema.TensorType.INT32);
    m.put("argmax_uint8", oneOp(BuiltinOperator.ARG_MAX, 2, am,
        new T[] {t(u8, 0.1f, 0, 3, 40), ints(shape(1), 1)}, t(DataType.INT32, 0f, 0, 3)));
    m.put("argmax_int8", oneOp(BuiltinOperator.ARG_MAX, 2, am,
        new T[] {t(i8, 0.1f, 0, 3, 40, 2), ints(shape(1), 1)}, t(DataType.INT32, 0f, 0, 3, 2)));
    m.put("argmin_int8", oneOp(BuiltinOperator.ARG_MIN, 2, an,
        new T[] {t(i8, 0.1f, 0, 3, 40), ints(shape(1), -1)}, t(DataType.INT32, 0f, 0, 3)));
    m.put("argmin_uint8", oneOp(BuiltinOperator.ARG_MIN, 2, an,
        new T[] {t(u8, 0.1f, 0, 3, 40, 2), ints(shape(1), 1)}, t(DataType.INT32, 0f, 0, 3, 2)));
  }

  /** The data-movement ops on one quantized type (output quantization = input's). */
  static void movement(Map<String, byte[]> m, DataType ty, float sc, int zp, String suffix) {
    SqueezeOptionsT sq = new SqueezeOptionsT();
    sq.setSqueezeDims(new int[] {2});
    m.put("squeeze_" + suffix, oneOp(BuiltinOperator.SQUEEZE, 1, sq,
        new T[] {t(ty, sc, zp, 2, 3, 1, 4)}, t(ty, sc, zp, 2, 3, 4)));
    m.put("expand_dims_" + suffix, oneOp(BuiltinOperator.EXPAND_DIMS, 1, null,
        new T[] {t(ty, sc, zp, 2, 3, 4), ints(shape(), -2)}, t(ty, sc, zp, 2, 3, 1, 4)));
    m.put("transpose_" + suffix, oneOp(BuiltinOperator.TRANSPOSE, 2, null,
        new T[] {t(ty, sc, zp, 2, 3, 4, 5), ints(shape(4), 2, 0, 3, 1)}, t(ty, sc, zp, 4, 2, 5, 3)));
    m.put("slice_" + suffix, oneOp(BuiltinOperator.SLICE, 2, null,
        new T[] {t(ty, sc, zp, 3, 4, 5), ints(shape(3), 1, 0, 2), ints(shape(3), 2, -1, 2)},
        t(ty, sc, zp, 2, 4, 2)));
    StridedSliceOptionsT ss = new StridedSliceOptionsT();
    ss.setBeginMask(1);
    ss.setShrinkAxisMask(4);
    m.put("strided_slice_" + suffix, oneOp(BuiltinOperator.STRIDED_SLICE, 2, ss,
        new T[] {t(ty, sc, zp, 4, 6, 5), ints(shape(3), 3, 1, 2), ints(shape(3), 0, 6, 3),
            ints(shape(3), -1, 2, 1)}, t(ty, sc, zp, 4, 3)));
    SplitOptionsT sp = new SplitOptionsT();
    sp.setNumSplits(3);
    m.put("split_" + suffix, oneOp(BuiltinOperator.SPLIT, 2, sp,
        new T[] {ints(shape(), 1), t(ty, sc, zp, 2, 6, 3)},
        new T[] {t(ty, sc, zp, 2, 2, 3), t(ty, sc, zp, 2, 2, 3), t(ty, sc, zp, 2, 2, 3)}));
    SplitVOptionsT sv = new SplitVOptionsT();
    sv.setNumSplits(2);
    m.put("split_v_" + suffix, oneOp(BuiltinOperator.SPLIT_V, 2, sv,
        new T[] {t(ty, sc, zp, 2, 7, 3), ints(shape(2), 5, -1), ints(shape(), 1)},
        new T[] {t(ty, sc, zp, 2, 5, 3), t(ty, sc, zp, 2, 2, 3)}));
    PackOptionsT pk = new PackOptionsT();
    pk.setValuesCount(3);
    pk.setAxis(1);
    m.put("pack_" + suffix, oneOp(BuiltinOperator.PACK, 2, pk,
        new T[] {t(ty, sc, zp, 2, 4), t(ty, sc, zp, 2, 4), t(ty, sc, zp, 2, 4)}, t(ty, sc, zp, 2, 3, 4)));
    UnpackOptionsT up = new UnpackOptionsT();
    up.setNum(3);
    up.setAxis(-1);
    m.put("unpack_" + suffix, oneOp(BuiltinOperator.UNPACK, 2, up,
        new T[] {t(ty, sc, zp, 2, 4, 3)}, new T[] {t(ty, sc, zp, 2, 4), t(ty, sc, zp, 2, 4), t(ty, sc, zp, 2, 4)}));
    GatherOptionsT g = new GatherOptionsT();
    g.setAxis(1);
    m.put("gather_" + suffix, oneOp(BuiltinOperator.GATHER, 2, g,
        new T[] {t(ty, sc, zp, 3, 5, 2), ints(shape(2, 2), 4, 0, 2, 2)}, t(ty, sc, zp, 3, 2, 2, 2)));
    m.put("gather_nd_" + suffix, oneOp(BuiltinOperator.GATHER_ND, 2, null,
        new T[] {t(ty, sc, zp, 3, 5, 2), ints(shape(3, 2), 2, 4, 0, 0, 1, 3)}, t(ty, sc, zp, 3, 2)));
    DepthToSpaceOptionsT d2s = new DepthToSpaceOptionsT();
    d2s.setBlockSize(2);
    m.put("depth_to_space_" + suffix, oneOp(BuiltinOperator.DEPTH_TO_SPACE, 2, d2s,
        new T[] {t(ty, sc, zp, 1, 2, 3, 8)}, t(ty, sc, zp, 1, 4, 6, 2)));
    SpaceToDepthOptionsT s2d = new SpaceToDepthOptionsT();
    s2d.setBlockSize(2);
    m.put("space_to_depth_" + suffix, oneOp(BuiltinOperator.SPACE_TO_DEPTH, 2, s2d,
        new T[] {t(ty, sc, zp, 1, 4, 6, 2)}, t(ty, sc, zp, 1, 2, 3, 8)));
    m.put("batch_to_space_nd_" + suffix, oneOp(BuiltinOperator.BATCH_TO_SPACE_ND, 2, null,
        new T[] {t(ty, sc, zp, 4, 2, 3, 2), ints(shape(2), 2, 2), ints(shape(2, 2), 0, 1, 1, 0)},
        t(ty, sc, zp, 1, 3, 5, 2)));
    m.put("space_to_batch_nd_" + suffix, oneOp(BuiltinOperator.SPACE_TO_BATCH_ND, 2, null,
        new T[] {t(ty, sc, zp, 1, 3, 5, 2), ints(shape(2), 2, 2), ints(shape(2, 2), 1, 0, 2, 1)},
        t(ty, sc, zp, 4, 2, 4, 2)));
    ResizeNearestNeighborOptionsT rn = new ResizeNearestNeighborOptionsT();
    m.put("resize_nearest_" + suffix, oneOp(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, 2, rn,
        new T[] {t(ty, sc, zp, 1, 3, 4, 2), ints(shape(2), 7, 5)}, t(ty, sc, zp, 1, 7, 5, 2)));
    ResizeNearestNeighborOptionsT rnh = new ResizeNearestNeighborOptionsT();
    rnh.setHalfPixelCenters(true);
    m.put("resize_nearest_half_" + suffix, oneOp(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, 3, rnh,
        new T[] {t(ty, sc, zp, 1, 3, 4, 2), ints(shape(2), 7, 5)}, t(ty, sc, zp, 1, 7, 5, 2)));
  }

  static ResizeBilinearOptionsT bilinear(boolean align, boolean half) {
    ResizeBilinearOptionsT o = new ResizeBilinearOptionsT();
    o.setAlignCorners(align);
    o.setHalfPixelCenters(half);
    return o;
  }

  static void resize(Map<String, byte[]> m) {
    int op = BuiltinOperator.RESIZE_BILINEAR;
    for (DataType ty : new DataType[] {DataType.UINT8, DataType.INT8, DataType.INT16}) {
      String n = ty.name().toLowerCase(java.util.Locale.ROOT);
      int zp = ty == DataType.UINT8 ? 128 : 0;
      m.put("resize_bilinear_" + n, oneOp(op, 3, bilinear(false, false),
          new T[] {t(ty, 0.1f, zp, 2, 3, 4, 3), ints(shape(2), 7, 5)}, t(ty, 0.1f, zp, 2, 7, 5, 3)));
      m.put("resize_bilinear_half_" + n, oneOp(op, 3, bilinear(false, true),
          new T[] {t(ty, 0.1f, zp, 1, 3, 4, 3), ints(shape(2), 8, 5)}, t(ty, 0.1f, zp, 1, 8, 5, 3)));
      m.put("resize_bilinear_align_" + n, oneOp(op, 3, bilinear(true, false),
          new T[] {t(ty, 0.1f, zp, 1, 3, 4, 3), ints(shape(2), 7, 6)}, t(ty, 0.1f, zp, 1, 7, 6, 3)));
      m.put("resize_bilinear_2x_" + n, oneOp(op, 3, bilinear(false, false),
          new T[] {t(ty, 0.1f, zp, 1, 4, 5, 3), ints(shape(2), 8, 10)}, t(ty, 0.1f, zp, 1, 8, 10, 3)));
      m.put("resize_bilinear_half2x8_" + n, oneOp(op, 3, bilinear(false, true),
          new T[] {t(ty, 0.1f, zp, 1, 4, 5, 8), ints(shape(2), 8, 10)}, t(ty, 0.1f, zp, 1, 8, 10, 8)));
      m.put("resize_bilinear_down_" + n, oneOp(op, 3, bilinear(false, true),
          new T[] {t(ty, 0.1f, zp, 1, 9, 7, 2), ints(shape(2), 4, 3)}, t(ty, 0.1f, zp, 1, 4, 3, 2)));
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : all().entrySet()) {
      if (args.length > 1 && !e.getKey().matches(args[1])) {
        continue;
      }
      Files.write(dir.resolve(e.getKey() + ".tflite"), e.getValue());
      System.out.println(e.getKey());
    }
  }
}
