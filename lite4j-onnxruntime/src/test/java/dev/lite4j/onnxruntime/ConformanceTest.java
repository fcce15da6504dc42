package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.delegate.DelegateKernel;
import dev.lite4j.model.OpNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BatchMatMulOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptionsT;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthToSpaceOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.DivOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.GatherOptionsT;
import org.tensorflow.lite.schema.GeluOptionsT;
import org.tensorflow.lite.schema.L2NormOptionsT;
import org.tensorflow.lite.schema.LeakyReluOptionsT;
import org.tensorflow.lite.schema.MirrorPadOptionsT;
import org.tensorflow.lite.schema.MulOptionsT;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptionsT;
import org.tensorflow.lite.schema.ReducerOptionsT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.ResizeBilinearOptionsT;
import org.tensorflow.lite.schema.ResizeNearestNeighborOptionsT;
import org.tensorflow.lite.schema.SoftmaxOptionsT;
import org.tensorflow.lite.schema.SpaceToDepthOptionsT;
import org.tensorflow.lite.schema.SqueezeOptionsT;
import org.tensorflow.lite.schema.SubOptionsT;

/**
 * Every op the delegate claims, as llama.cpp's test-backend-ops checks its backends: one-op models
 * on random inputs of several shapes and option sets, run by Lite4j's CPU kernels and by ONNX
 * Runtime through the delegate, compared within 1e-5 of the reference's largest magnitude. A
 * second test checks that the cases cover the whole conversion table.
 */
class ConformanceTest {
  static final double TOLERANCE = 1e-5;
  static final Set<Integer> COVERED = new TreeSet<>();

  @TempDir
  static Path cacheDir;
  static OnnxRuntimeDelegate delegate;

  @BeforeAll
  static void open() {
    delegate = new OnnxRuntimeDelegate(Map.of("cache", "off"));
  }

  @AfterAll
  static void close() {
    delegate.close();
  }

  /** A one-op model under construction. */
  static final class OneOp {
    final int op;
    final String label;
    final ModelBuilder b = new ModelBuilder();
    final List<Integer> in = new ArrayList<>();
    final Random rnd;
    int version = 1;
    Object options;
    boolean positive;
    float scale = 1f;

    OneOp(int op, String label, long seed) {
      this.op = op;
      this.label = label;
      this.rnd = new Random(seed);
    }

    OneOp input(int... shape) {
      in.add(b.addInput("in" + in.size(), DataType.FLOAT32, shape));
      return this;
    }

    /**
     * A rank-4 input that first goes through a 1x1 convolution, so that the op under test receives
     * it in NCHW and its NCHW conversion path runs.
     */
    OneOp convInput(int... shape) {
      int x = b.addInput("in" + in.size(), DataType.FLOAT32, shape);
      int c = shape[3];
      float[] w = new float[c * c];
      for (int i = 0; i < w.length; i++) {
        w[i] = rnd.nextFloat() * 2 - 1;
      }
      int f = b.addConstantFloats("cw" + in.size(), new int[] {c, 1, 1, c}, w);
      int y = b.addTensor("conv" + in.size(), DataType.FLOAT32);
      b.addOperator(BuiltinOperator.CONV_2D, new int[] {x, f, -1}, new int[] {y}, conv(VALID, 1, 1, NONE));
      in.add(y);
      return this;
    }

    OneOp weights(int... shape) {
      float[] v = new float[dev.lite4j.runtime.Shapes.elementCount(shape)];
      for (int i = 0; i < v.length; i++) {
        v[i] = rnd.nextFloat() * 2 - 1;
      }
      in.add(b.addConstantFloats("w" + in.size(), shape, v));
      return this;
    }

    OneOp floats(int[] shape, float... values) {
      in.add(b.addConstantFloats("f" + in.size(), shape, values));
      return this;
    }

    OneOp ints(int[] shape, int... values) {
      in.add(b.addConstantInts("i" + in.size(), shape, values));
      return this;
    }

    OneOp none() {
      in.add(-1);
      return this;
    }

    OneOp version(int v) {
      this.version = v;
      return this;
    }

    OneOp options(Object o) {
      this.options = o;
      return this;
    }

    /** Inputs drawn from (-8, 8) for functions whose interesting range is wider than (-1, 1). */
    OneOp scale(int code) {
      switch (code) {
        case BuiltinOperator.RELU, BuiltinOperator.RELU6, BuiltinOperator.RELU_N1_TO_1, BuiltinOperator.RELU_0_TO_1,
            BuiltinOperator.TANH, BuiltinOperator.LOGISTIC, BuiltinOperator.HARD_SWISH, BuiltinOperator.ELU,
            BuiltinOperator.FLOOR, BuiltinOperator.CEIL, BuiltinOperator.ROUND, BuiltinOperator.SIN,
            BuiltinOperator.COS -> scale = 8f;
        default -> scale = 1f;
      }
      return this;
    }

    /** Inputs drawn from (0.1, 2) instead of (-1, 1): LOG, SQRT, RSQRT, POW. */
    OneOp positive() {
      this.positive = true;
      return this;
    }

    int outputs = 1;

    OneOp outputs(int n) {
      this.outputs = n;
      return this;
    }

    byte[] build() {
      int[] out = new int[outputs];
      for (int i = 0; i < outputs; i++) {
        out[i] = b.addTensor("out" + i, DataType.FLOAT32);
      }
      b.addOperator(op, version, in.stream().mapToInt(Integer::intValue).toArray(), out, options);
      for (int o : out) {
        b.addOutput(o);
      }
      return b.build();
    }

    @Override
    public String toString() {
      return OpNames.name(op, null) + " " + label;
    }
  }

  static OneOp op(int code, String label) {
    return new OneOp(code, label, 31L * code + label.hashCode());
  }

  static Conv2DOptionsT conv(byte padding, int stride, int dilation, byte act) {
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(stride);
    o.setStrideW(stride == 2 ? 1 : stride);
    o.setDilationHFactor(dilation);
    o.setDilationWFactor(dilation);
    o.setFusedActivationFunction(act);
    return o;
  }

  static DepthwiseConv2DOptionsT depthwise(byte padding, int stride, int dilation, int multiplier, byte act) {
    DepthwiseConv2DOptionsT o = new DepthwiseConv2DOptionsT();
    o.setPadding(padding);
    o.setStrideH(stride);
    o.setStrideW(stride);
    o.setDilationHFactor(dilation);
    o.setDilationWFactor(dilation);
    o.setDepthMultiplier(multiplier);
    o.setFusedActivationFunction(act);
    return o;
  }

  static Pool2DOptionsT pool(byte padding, int k, int stride, byte act) {
    Pool2DOptionsT o = new Pool2DOptionsT();
    o.setPadding(padding);
    o.setFilterHeight(k);
    o.setFilterWidth(k == 3 ? 2 : k);
    o.setStrideH(stride);
    o.setStrideW(stride);
    o.setFusedActivationFunction(act);
    return o;
  }

  static org.tensorflow.lite.schema.TransposeConvOptionsT transposeConv(byte padding, int stride, byte act) {
    var o = new org.tensorflow.lite.schema.TransposeConvOptionsT();
    o.setPadding(padding);
    o.setStrideH(stride);
    o.setStrideW(stride);
    o.setFusedActivationFunction(act);
    return o;
  }

  static org.tensorflow.lite.schema.StridedSliceOptionsT stridedSlice(int beginMask, int endMask, int shrinkMask) {
    var o = new org.tensorflow.lite.schema.StridedSliceOptionsT();
    o.setBeginMask(beginMask);
    o.setEndMask(endMask);
    o.setShrinkAxisMask(shrinkMask);
    return o;
  }

  static final byte NONE = ActivationFunctionType.NONE;
  static final byte RELU = ActivationFunctionType.RELU;
  static final byte RELU6 = ActivationFunctionType.RELU6;
  static final byte RELU1 = ActivationFunctionType.RELU_N1_TO_1;
  static final byte SAME = Padding.SAME;
  static final byte VALID = Padding.VALID;

  static Stream<OneOp> cases() {
    List<OneOp> c = new ArrayList<>();
    // Convolutions: paddings, strides, dilation, activations, groups, no bias.
    c.add(op(BuiltinOperator.CONV_2D, "3x3 same s1").input(1, 8, 8, 3).weights(4, 3, 3, 3).weights(4)
        .options(conv(SAME, 1, 1, NONE)));
    c.add(op(BuiltinOperator.CONV_2D, "3x3 same s2 relu6 odd").input(2, 9, 7, 5).weights(6, 3, 3, 5).weights(6)
        .options(conv(SAME, 2, 1, RELU6)));
    c.add(op(BuiltinOperator.CONV_2D, "5x5 valid relu").input(1, 11, 10, 2).weights(3, 5, 5, 2).weights(3)
        .options(conv(VALID, 1, 1, RELU)));
    c.add(op(BuiltinOperator.CONV_2D, "dilated same relu1").version(2).input(1, 12, 12, 4).weights(4, 3, 3, 4)
        .weights(4).options(conv(SAME, 1, 2, RELU1)));
    c.add(op(BuiltinOperator.CONV_2D, "1x1 no bias").input(1, 5, 5, 8).weights(16, 1, 1, 8).none()
        .options(conv(VALID, 1, 1, NONE)));
    c.add(op(BuiltinOperator.CONV_2D, "grouped").version(6).input(1, 6, 6, 8).weights(4, 3, 3, 4).weights(4)
        .options(conv(SAME, 1, 1, NONE)));
    c.add(op(BuiltinOperator.DEPTHWISE_CONV_2D, "3x3 same").input(1, 8, 8, 4).weights(1, 3, 3, 4).weights(4)
        .options(depthwise(SAME, 1, 1, 1, NONE)));
    c.add(op(BuiltinOperator.DEPTHWISE_CONV_2D, "s2 multiplier 2 relu6").input(1, 9, 9, 3).weights(1, 3, 3, 6)
        .weights(6).options(depthwise(SAME, 2, 1, 2, RELU6)));
    c.add(op(BuiltinOperator.DEPTHWISE_CONV_2D, "dilated valid relu").version(2).input(2, 10, 10, 2)
        .weights(1, 3, 3, 2).weights(2).options(depthwise(VALID, 1, 2, 1, RELU)));
    c.add(op(BuiltinOperator.DEPTHWISE_CONV_2D, "5x5 no bias").input(1, 7, 7, 3).weights(1, 5, 5, 3).none()
        .options(depthwise(SAME, 1, 1, 1, NONE)));
    // Transposed convolutions: output_shape, weights [O, H, W, I], input, optional bias (v3+).
    c.add(op(BuiltinOperator.TRANSPOSE_CONV, "same s2").ints(new int[] {4}, 1, 8, 10, 3).weights(3, 3, 3, 4)
        .input(1, 4, 5, 4).options(transposeConv(SAME, 2, NONE)));
    c.add(op(BuiltinOperator.TRANSPOSE_CONV, "valid s2 bias").version(3).ints(new int[] {4}, 2, 9, 11, 2)
        .weights(2, 3, 3, 3).input(2, 4, 5, 3).weights(2).options(transposeConv(VALID, 2, NONE)));
    c.add(op(BuiltinOperator.TRANSPOSE_CONV, "same s1 odd").ints(new int[] {4}, 1, 5, 5, 2).weights(2, 4, 4, 3)
        .input(1, 5, 5, 3).options(transposeConv(SAME, 1, NONE)));
    c.add(op(BuiltinOperator.TRANSPOSE_CONV, "same s2 odd output relu").version(4).ints(new int[] {4}, 1, 9, 9, 4)
        .weights(4, 3, 3, 2).input(1, 5, 5, 2).weights(4).options(transposeConv(SAME, 2, RELU)));
    // Pools.
    for (int code : new int[] {BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.MAX_POOL_2D, BuiltinOperator.L2_POOL_2D}) {
      c.add(op(code, "2x2 s2 valid").input(1, 8, 8, 3).options(pool(VALID, 2, 2, NONE)));
      c.add(op(code, "3x2 s2 same odd relu6").input(2, 9, 7, 4).options(pool(SAME, 3, 2, RELU6)));
      c.add(op(code, "3x2 s1 same relu").input(1, 5, 6, 2).options(pool(SAME, 3, 1, RELU)));
    }
    // Fully connected and batch matmul.
    FullyConnectedOptionsT fc = new FullyConnectedOptionsT();
    c.add(op(BuiltinOperator.FULLY_CONNECTED, "2d").input(3, 10).weights(4, 10).weights(4).options(fc));
    FullyConnectedOptionsT fcRelu = new FullyConnectedOptionsT();
    fcRelu.setFusedActivationFunction(RELU);
    c.add(op(BuiltinOperator.FULLY_CONNECTED, "flattened 4d relu no bias").input(1, 2, 2, 3).weights(5, 12).none()
        .options(fcRelu));
    FullyConnectedOptionsT keep = new FullyConnectedOptionsT();
    keep.setKeepNumDims(true);
    c.add(op(BuiltinOperator.FULLY_CONNECTED, "keep_num_dims").version(5).input(2, 3, 6).weights(4, 6).weights(4)
        .options(keep));
    c.add(op(BuiltinOperator.FULLY_CONNECTED, "runtime weights").input(2, 6).input(3, 6).none().options(fc));
    BatchMatMulOptionsT bmm = new BatchMatMulOptionsT();
    c.add(op(BuiltinOperator.BATCH_MATMUL, "3d").input(2, 3, 4).input(2, 4, 5).options(bmm));
    BatchMatMulOptionsT adj = new BatchMatMulOptionsT();
    adj.setAdjX(true);
    adj.setAdjY(true);
    c.add(op(BuiltinOperator.BATCH_MATMUL, "adjoints broadcast").input(2, 1, 4, 3).input(3, 5, 4).options(adj));
    // Binary element-wise, with broadcasting and activations.
    AddOptionsT addRelu = new AddOptionsT();
    addRelu.setFusedActivationFunction(RELU);
    c.add(op(BuiltinOperator.ADD, "same shape").input(1, 4, 4, 3).input(1, 4, 4, 3).options(new AddOptionsT()));
    c.add(op(BuiltinOperator.ADD, "broadcast const relu").input(2, 3, 4, 5).weights(5).options(addRelu));
    c.add(op(BuiltinOperator.ADD, "broadcast 2d").input(3, 1).input(1, 4).options(new AddOptionsT()));
    SubOptionsT subRelu6 = new SubOptionsT();
    subRelu6.setFusedActivationFunction(RELU6);
    c.add(op(BuiltinOperator.SUB, "broadcast relu6").input(2, 3, 3, 4).input(1, 1, 1, 4).options(subRelu6));
    c.add(op(BuiltinOperator.SUB, "scalar const").input(5, 3).floats(new int[0], 0.25f).options(new SubOptionsT()));
    MulOptionsT mulRelu1 = new MulOptionsT();
    mulRelu1.setFusedActivationFunction(RELU1);
    c.add(op(BuiltinOperator.MUL, "broadcast const relu1").input(1, 3, 3, 6).weights(1, 1, 6).options(mulRelu1));
    c.add(op(BuiltinOperator.MUL, "same shape").input(7).input(7).options(new MulOptionsT()));
    c.add(op(BuiltinOperator.DIV, "by const").version(1).input(2, 5).floats(new int[] {5}, 1f, 2f, -4f, 0.5f, 8f)
        .options(new DivOptionsT()));
    c.add(op(BuiltinOperator.MAXIMUM, "broadcast").input(2, 3, 4).input(4));
    c.add(op(BuiltinOperator.MINIMUM, "same").input(3, 3).input(3, 3));
    c.add(op(BuiltinOperator.POW, "positive base").positive().input(2, 3).floats(new int[] {3}, 0.5f, 2f, 3f));
    c.add(op(BuiltinOperator.SQUARED_DIFFERENCE, "broadcast").input(2, 2, 3).input(3));
    c.add(op(BuiltinOperator.PRELU, "alpha per channel").input(1, 4, 4, 3).weights(1, 1, 3));
    c.add(op(BuiltinOperator.PRELU, "alpha 2d").input(2, 5).weights(5));
    // Unary.
    for (int code : new int[] {BuiltinOperator.RELU, BuiltinOperator.RELU6, BuiltinOperator.RELU_N1_TO_1,
        BuiltinOperator.RELU_0_TO_1, BuiltinOperator.TANH, BuiltinOperator.LOGISTIC, BuiltinOperator.HARD_SWISH,
        BuiltinOperator.ELU, BuiltinOperator.EXP, BuiltinOperator.ABS, BuiltinOperator.NEG, BuiltinOperator.FLOOR,
        BuiltinOperator.CEIL, BuiltinOperator.SIN, BuiltinOperator.COS, BuiltinOperator.ROUND,
        BuiltinOperator.SQUARE}) {
      c.add(op(code, "4d").input(1, 3, 4, 5).scale(code));
      c.add(op(code, "2d").input(6, 7).scale(code));
    }
    for (int code : new int[] {BuiltinOperator.LOG, BuiltinOperator.SQRT, BuiltinOperator.RSQRT}) {
      c.add(op(code, "positive").positive().input(2, 3, 4, 5));
    }
    LeakyReluOptionsT leaky = new LeakyReluOptionsT();
    leaky.setAlpha(0.2f);
    c.add(op(BuiltinOperator.LEAKY_RELU, "alpha 0.2").input(2, 4, 4, 3).options(leaky));
    GeluOptionsT exact = new GeluOptionsT();
    GeluOptionsT approx = new GeluOptionsT();
    approx.setApproximate(true);
    c.add(op(BuiltinOperator.GELU, "exact").input(3, 8).options(exact));
    c.add(op(BuiltinOperator.GELU, "approximate").input(3, 8).options(approx));
    // Shapes.
    ReshapeOptionsT reshape = new ReshapeOptionsT();
    reshape.setNewShape(new int[] {2, 12});
    c.add(op(BuiltinOperator.RESHAPE, "4d to 2d").input(2, 2, 2, 3).ints(new int[] {2}, 2, 12).options(reshape));
    c.add(op(BuiltinOperator.RESHAPE, "-1").input(1, 6, 4).ints(new int[] {3}, 3, -1, 2));
    SqueezeOptionsT squeeze = new SqueezeOptionsT();
    squeeze.setSqueezeDims(new int[] {1, 2});
    c.add(op(BuiltinOperator.SQUEEZE, "hw").input(2, 1, 1, 5).options(squeeze));
    c.add(op(BuiltinOperator.EXPAND_DIMS, "axis 1").input(3, 4).ints(new int[] {1}, 1));
    ConcatenationOptionsT cat3 = new ConcatenationOptionsT();
    cat3.setAxis(3);
    c.add(op(BuiltinOperator.CONCATENATION, "channels").input(1, 3, 3, 2).input(1, 3, 3, 5).options(cat3));
    ConcatenationOptionsT catNeg = new ConcatenationOptionsT();
    catNeg.setAxis(-3);
    catNeg.setFusedActivationFunction(RELU);
    c.add(op(BuiltinOperator.CONCATENATION, "axis -3 const relu").input(2, 2, 3, 2).weights(2, 1, 3, 2)
        .input(2, 3, 3, 2).options(catNeg));
    ConcatenationOptionsT cat0 = new ConcatenationOptionsT();
    c.add(op(BuiltinOperator.CONCATENATION, "2d axis 0").input(2, 3).input(4, 3).options(cat0));
    c.add(op(BuiltinOperator.PAD, "hw").input(1, 4, 5, 3).ints(new int[] {4, 2}, 0, 0, 1, 2, 2, 1, 0, 0));
    c.add(op(BuiltinOperator.PAD, "2d").input(3, 4).ints(new int[] {2, 2}, 1, 0, 0, 3));
    c.add(op(BuiltinOperator.PADV2, "value").input(1, 3, 3, 2).ints(new int[] {4, 2}, 0, 1, 1, 1, 1, 0, 0, 1)
        .floats(new int[0], -0.5f));
    MirrorPadOptionsT reflect = new MirrorPadOptionsT();
    c.add(op(BuiltinOperator.MIRROR_PAD, "reflect").input(1, 4, 4, 2).ints(new int[] {4, 2}, 0, 0, 2, 1, 1, 3, 0, 0)
        .options(reflect));
    c.add(op(BuiltinOperator.TRANSPOSE, "4d").input(2, 3, 4, 5).ints(new int[] {4}, 0, 3, 1, 2));
    c.add(op(BuiltinOperator.TRANSPOSE, "3d").input(2, 3, 4).ints(new int[] {3}, 2, 0, 1));
    DepthToSpaceOptionsT d2s = new DepthToSpaceOptionsT();
    d2s.setBlockSize(2);
    c.add(op(BuiltinOperator.DEPTH_TO_SPACE, "block 2").input(1, 3, 4, 8).options(d2s));
    SpaceToDepthOptionsT s2d = new SpaceToDepthOptionsT();
    s2d.setBlockSize(2);
    c.add(op(BuiltinOperator.SPACE_TO_DEPTH, "block 2").input(2, 4, 6, 3).options(s2d));
    GatherOptionsT gather1 = new GatherOptionsT();
    gather1.setAxis(1);
    c.add(op(BuiltinOperator.GATHER, "axis 1").input(3, 5, 2).ints(new int[] {4}, 4, 0, 0, 2).options(gather1));
    c.add(op(BuiltinOperator.GATHER, "axis 0 2d indices").input(6, 3).ints(new int[] {2, 2}, 5, 1, 0, 3)
        .options(new GatherOptionsT()));
    c.add(op(BuiltinOperator.STRIDED_SLICE, "masks").input(2, 6, 5).ints(new int[] {3}, 0, 1, 1)
        .ints(new int[] {3}, 0, 5, 4).ints(new int[] {3}, 1, 2, 1).options(stridedSlice(1, 5, 0)));
    c.add(op(BuiltinOperator.STRIDED_SLICE, "negative stride and indices").input(4, 7).ints(new int[] {2}, -1, -2)
        .ints(new int[] {2}, 0, 0).ints(new int[] {2}, -1, -2).options(stridedSlice(0, 1, 0)));
    c.add(op(BuiltinOperator.STRIDED_SLICE, "shrink 4d").input(1, 5, 6, 3).ints(new int[] {4}, 0, 1, -2, 0)
        .ints(new int[] {4}, 1, 5, 0, 3).ints(new int[] {4}, 1, 2, 1, 1).options(stridedSlice(0, 0, 5)));
    c.add(op(BuiltinOperator.STRIDED_SLICE, "prefix spec").input(6, 4, 3).ints(new int[] {1}, 1)
        .ints(new int[] {1}, 5).ints(new int[] {1}, 3).options(stridedSlice(0, 0, 0)));
    var split3 = new org.tensorflow.lite.schema.SplitOptionsT();
    split3.setNumSplits(3);
    c.add(op(BuiltinOperator.SPLIT, "channels in 3").ints(new int[0], 3).input(1, 4, 4, 6).options(split3).outputs(3));
    var split2 = new org.tensorflow.lite.schema.SplitOptionsT();
    split2.setNumSplits(2);
    c.add(op(BuiltinOperator.SPLIT, "axis -2 in 2").ints(new int[0], -2).input(3, 4, 5).options(split2).outputs(2));
    var splitV = new org.tensorflow.lite.schema.SplitVOptionsT();
    splitV.setNumSplits(3);
    c.add(op(BuiltinOperator.SPLIT_V, "sizes with -1").input(2, 7, 3).ints(new int[] {3}, 2, -1, 1)
        .ints(new int[0], 1).options(splitV).outputs(3));
    var unpack = new org.tensorflow.lite.schema.UnpackOptionsT();
    unpack.setNum(3);
    unpack.setAxis(1);
    c.add(op(BuiltinOperator.UNPACK, "axis 1").input(2, 3, 4).options(unpack).outputs(3));
    var pack = new org.tensorflow.lite.schema.PackOptionsT();
    pack.setValuesCount(3);
    pack.setAxis(1);
    c.add(op(BuiltinOperator.PACK, "axis 1").input(2, 4).input(2, 4).input(2, 4).options(pack));
    c.add(op(BuiltinOperator.TILE, "2d").input(2, 3).ints(new int[] {2}, 3, 2));
    c.add(op(BuiltinOperator.SLICE, "3d").input(3, 5, 4).ints(new int[] {3}, 1, 0, 2).ints(new int[] {3}, 2, -1, 2));
    // Reductions.
    ReducerOptionsT keepDims = new ReducerOptionsT();
    keepDims.setKeepDims(true);
    ReducerOptionsT dropDims = new ReducerOptionsT();
    for (int code : new int[] {BuiltinOperator.MEAN, BuiltinOperator.SUM, BuiltinOperator.REDUCE_MAX,
        BuiltinOperator.REDUCE_MIN, BuiltinOperator.REDUCE_PROD}) {
      c.add(op(code, "hw keep").input(2, 4, 5, 3).ints(new int[] {2}, 1, 2).options(keepDims));
      c.add(op(code, "hw drop").input(2, 4, 5, 3).ints(new int[] {2}, 2, 1).options(dropDims));
      c.add(op(code, "channels -1 drop").input(2, 3, 3, 4).ints(new int[] {1}, -1).options(dropDims));
      c.add(op(code, "2d axis 0").input(5, 3).ints(new int[] {1}, 0).options(dropDims));
    }
    SoftmaxOptionsT softmax = new SoftmaxOptionsT();
    softmax.setBeta(1f);
    SoftmaxOptionsT softmaxBeta = new SoftmaxOptionsT();
    softmaxBeta.setBeta(0.5f);
    c.add(op(BuiltinOperator.SOFTMAX, "2d").input(3, 10).options(softmax));
    c.add(op(BuiltinOperator.SOFTMAX, "4d beta").input(1, 2, 3, 6).options(softmaxBeta));
    c.add(op(BuiltinOperator.LOG_SOFTMAX, "2d").input(4, 7));
    c.add(op(BuiltinOperator.L2_NORMALIZATION, "4d").input(1, 3, 3, 5).options(new L2NormOptionsT()));
    c.add(op(BuiltinOperator.L2_NORMALIZATION, "2d").input(4, 6).options(new L2NormOptionsT()));
    // Resizes.
    for (boolean[] flags : new boolean[][] {{false, false}, {true, false}, {false, true}}) {
      String label = flags[0] ? "align_corners" : flags[1] ? "half_pixel" : "asymmetric";
      ResizeBilinearOptionsT bilinear = new ResizeBilinearOptionsT();
      bilinear.setAlignCorners(flags[0]);
      bilinear.setHalfPixelCenters(flags[1]);
      c.add(op(BuiltinOperator.RESIZE_BILINEAR, label + " up").version(flags[1] ? 3 : 1).input(1, 4, 5, 3)
          .ints(new int[] {2}, 8, 10).options(bilinear));
      c.add(op(BuiltinOperator.RESIZE_BILINEAR, label + " odd").version(flags[1] ? 3 : 1).input(2, 5, 3, 2)
          .ints(new int[] {2}, 7, 9).options(bilinear));
      c.add(op(BuiltinOperator.RESIZE_BILINEAR, label + " down").version(flags[1] ? 3 : 1).input(1, 8, 8, 2)
          .ints(new int[] {2}, 3, 5).options(bilinear));
      ResizeNearestNeighborOptionsT nearest = new ResizeNearestNeighborOptionsT();
      nearest.setAlignCorners(flags[0]);
      nearest.setHalfPixelCenters(flags[1]);
      c.add(op(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, label + " x2").version(flags[1] ? 3 : 1).input(1, 4, 5, 3)
          .ints(new int[] {2}, 8, 10).options(nearest));
      c.add(op(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, label + " /2").version(flags[1] ? 3 : 1).input(1, 8, 6, 2)
          .ints(new int[] {2}, 4, 3).options(nearest));
    }
    // The same ops fed from a convolution: their NCHW paths (axes remapped, constants re-laid out).
    c.add(op(BuiltinOperator.ADD, "nchw + nchw").convInput(1, 4, 4, 3).convInput(1, 4, 4, 3).options(addRelu));
    c.add(op(BuiltinOperator.ADD, "nchw + const [C]").convInput(2, 3, 4, 5).weights(5).options(addRelu));
    c.add(op(BuiltinOperator.MUL, "nchw * input [W, C]").convInput(1, 3, 4, 5).input(4, 5).options(new MulOptionsT()));
    c.add(op(BuiltinOperator.SUB, "input - nchw").input(1, 1, 1, 4).convInput(2, 3, 3, 4).options(subRelu6));
    c.add(op(BuiltinOperator.PRELU, "nchw").convInput(1, 4, 4, 3).weights(1, 1, 3));
    c.add(op(BuiltinOperator.TANH, "nchw").convInput(1, 3, 4, 5));
    c.add(op(BuiltinOperator.CONCATENATION, "nchw channels + const").convInput(1, 3, 3, 2).weights(1, 3, 3, 3)
        .options(cat3));
    c.add(op(BuiltinOperator.CONCATENATION, "nchw axis -3").convInput(2, 2, 3, 2).input(2, 3, 3, 2).options(catNeg));
    c.add(op(BuiltinOperator.PAD, "nchw").convInput(1, 4, 5, 3).ints(new int[] {4, 2}, 1, 0, 1, 2, 2, 1, 0, 3));
    c.add(op(BuiltinOperator.MIRROR_PAD, "nchw").convInput(1, 4, 4, 2).ints(new int[] {4, 2}, 0, 0, 2, 1, 1, 3, 0, 0)
        .options(reflect));
    c.add(op(BuiltinOperator.TRANSPOSE, "nchw").convInput(2, 3, 4, 5).ints(new int[] {4}, 0, 3, 1, 2));
    c.add(op(BuiltinOperator.MEAN, "nchw hw keep").convInput(2, 4, 5, 3).ints(new int[] {2}, 1, 2).options(keepDims));
    c.add(op(BuiltinOperator.MEAN, "nchw hw drop").convInput(2, 4, 5, 3).ints(new int[] {2}, 1, 2).options(dropDims));
    c.add(op(BuiltinOperator.SUM, "nchw channels drop").convInput(2, 3, 3, 4).ints(new int[] {1}, 3).options(dropDims));
    c.add(op(BuiltinOperator.REDUCE_MAX, "nchw w drop").convInput(2, 3, 4, 5).ints(new int[] {1}, 2).options(dropDims));
    c.add(op(BuiltinOperator.SOFTMAX, "nchw beta").convInput(1, 2, 3, 6).options(softmaxBeta));
    c.add(op(BuiltinOperator.L2_NORMALIZATION, "nchw").convInput(1, 3, 3, 5).options(new L2NormOptionsT()));
    c.add(op(BuiltinOperator.SPLIT, "nchw channels").ints(new int[0], 3).convInput(1, 4, 4, 6).options(split3)
        .outputs(3));
    c.add(op(BuiltinOperator.RESHAPE, "nchw").convInput(2, 2, 2, 3).ints(new int[] {2}, 2, 12).options(reshape));
    c.add(op(BuiltinOperator.FULLY_CONNECTED, "nchw flattened").convInput(1, 2, 2, 3).weights(5, 12).none()
        .options(fcRelu));
    c.add(op(BuiltinOperator.DEPTH_TO_SPACE, "nchw").convInput(1, 3, 4, 8).options(d2s));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void delegateMatchesCpu(OneOp c) throws Exception {
    COVERED.add(c.op);
    Model model = Model.fromBytes(c.build());
    try (PartitionHarness h = new PartitionHarness(model, delegate)) {
      assertEquals("", h.unsupported(), c + ": the delegate turned the node down");
      h.wholePartition();
      Random rnd = new Random(c.toString().hashCode());
      List<float[]> inputs = new ArrayList<>();
      for (int i = 0; i < h.graph.inputs().length; i++) {
        float[] v = new float[dev.lite4j.runtime.Shapes.elementCount(h.inputShape(i))];
        for (int k = 0; k < v.length; k++) {
          v[k] = c.positive ? 0.1f + 1.9f * rnd.nextFloat() : c.scale * (rnd.nextFloat() * 2 - 1);
        }
        inputs.add(v);
      }
      List<float[]> cpu = h.runCpu(inputs);
      try (DelegateKernel k = delegate.createKernel(h.partition)) {
        k.prepare(h.partition);
        List<float[]> ort = h.runDelegate(k, inputs);
        for (int o = 0; o < cpu.size(); o++) {
          Compare.assertClose(cpu.get(o), ort.get(o), TOLERANCE, c + " output " + o);
        }
      }
    }
  }

  @Test
  void casesCoverEveryConvertedOp() {
    Set<Integer> inCases = new TreeSet<>();
    cases().forEach(c -> inCases.add(c.op));
    Set<String> missing = new TreeSet<>();
    for (int code : OnnxConverter.claimedOps()) {
      if (!inCases.contains(code)) {
        missing.add(OpNames.name(code, null));
      }
    }
    assertTrue(missing.isEmpty(), "ops the delegate claims without a conformance case: " + missing);
  }
}
