package dev.lite4j.onnxruntime;

import dev.lite4j.DataType;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.NodeSupport;
import dev.lite4j.delegate.Partition;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Converts a partition of TensorFlow Lite nodes to an ONNX graph (opset {@value OnnxGraph#OPSET}),
 * and says per node whether it can. The table lists every operator the delegate takes with the
 * highest TensorFlow Lite version it handles; float32 only.
 */
final class OnnxConverter {
  /** Changes whenever the ONNX this converter writes changes, so cached sessions of older output are not reused. */
  static final String VERSION = "3";

  record Entry(int maxVersion, OpConverter converter) {}

  static final Map<Integer, Entry> OPS = table();

  private OnnxConverter() {}

  private static Map<Integer, Entry> table() {
    Map<Integer, Entry> t = new LinkedHashMap<>();
    t.put((int) BuiltinOperator.CONV_2D, new Entry(8, ConvConverters.CONV_2D));
    t.put((int) BuiltinOperator.DEPTHWISE_CONV_2D, new Entry(7, ConvConverters.DEPTHWISE_CONV_2D));
    t.put((int) BuiltinOperator.TRANSPOSE_CONV, new Entry(5, ConvConverters.TRANSPOSE_CONV));
    t.put((int) BuiltinOperator.AVERAGE_POOL_2D, new Entry(3, PoolConverters.AVERAGE_POOL_2D));
    t.put((int) BuiltinOperator.MAX_POOL_2D, new Entry(3, PoolConverters.MAX_POOL_2D));
    t.put((int) BuiltinOperator.L2_POOL_2D, new Entry(1, PoolConverters.L2_POOL_2D));
    t.put((int) BuiltinOperator.FULLY_CONNECTED, new Entry(12, MatMulConverters.FULLY_CONNECTED));
    t.put((int) BuiltinOperator.BATCH_MATMUL, new Entry(4, MatMulConverters.BATCH_MATMUL));
    t.put((int) BuiltinOperator.ADD, new Entry(5, ElementwiseConverters.ADD));
    t.put((int) BuiltinOperator.SUB, new Entry(5, ElementwiseConverters.SUB));
    t.put((int) BuiltinOperator.MUL, new Entry(7, ElementwiseConverters.MUL));
    t.put((int) BuiltinOperator.DIV, new Entry(2, ElementwiseConverters.DIV));
    t.put((int) BuiltinOperator.MAXIMUM, new Entry(4, ElementwiseConverters.MAXIMUM));
    t.put((int) BuiltinOperator.MINIMUM, new Entry(4, ElementwiseConverters.MINIMUM));
    t.put((int) BuiltinOperator.POW, new Entry(1, ElementwiseConverters.POW));
    t.put((int) BuiltinOperator.SQUARED_DIFFERENCE, new Entry(2, ElementwiseConverters.SQUARED_DIFFERENCE));
    t.put((int) BuiltinOperator.PRELU, new Entry(1, ElementwiseConverters.PRELU));
    t.put((int) BuiltinOperator.RELU, new Entry(3, UnaryConverters.RELU));
    t.put((int) BuiltinOperator.RELU6, new Entry(3, UnaryConverters.RELU6));
    t.put((int) BuiltinOperator.RELU_N1_TO_1, new Entry(1, UnaryConverters.RELU_N1_TO_1));
    t.put((int) BuiltinOperator.RELU_0_TO_1, new Entry(1, UnaryConverters.RELU_0_TO_1));
    t.put((int) BuiltinOperator.TANH, new Entry(3, UnaryConverters.TANH));
    t.put((int) BuiltinOperator.LOGISTIC, new Entry(3, UnaryConverters.LOGISTIC));
    t.put((int) BuiltinOperator.HARD_SWISH, new Entry(1, UnaryConverters.HARD_SWISH));
    t.put((int) BuiltinOperator.LEAKY_RELU, new Entry(2, UnaryConverters.LEAKY_RELU));
    t.put((int) BuiltinOperator.ELU, new Entry(1, UnaryConverters.ELU));
    t.put((int) BuiltinOperator.GELU, new Entry(2, UnaryConverters.GELU));
    t.put((int) BuiltinOperator.EXP, new Entry(2, UnaryConverters.EXP));
    t.put((int) BuiltinOperator.LOG, new Entry(2, UnaryConverters.LOG));
    t.put((int) BuiltinOperator.SQRT, new Entry(2, UnaryConverters.SQRT));
    t.put((int) BuiltinOperator.RSQRT, new Entry(3, UnaryConverters.RSQRT));
    t.put((int) BuiltinOperator.ABS, new Entry(5, UnaryConverters.ABS));
    t.put((int) BuiltinOperator.NEG, new Entry(2, UnaryConverters.NEG));
    t.put((int) BuiltinOperator.FLOOR, new Entry(1, UnaryConverters.FLOOR));
    t.put((int) BuiltinOperator.CEIL, new Entry(1, UnaryConverters.CEIL));
    t.put((int) BuiltinOperator.SIN, new Entry(1, UnaryConverters.SIN));
    t.put((int) BuiltinOperator.COS, new Entry(1, UnaryConverters.COS));
    t.put((int) BuiltinOperator.ROUND, new Entry(1, UnaryConverters.ROUND));
    t.put((int) BuiltinOperator.SQUARE, new Entry(1, UnaryConverters.SQUARE));
    t.put((int) BuiltinOperator.RESHAPE, new Entry(1, ShapeConverters.RESHAPE));
    t.put((int) BuiltinOperator.SQUEEZE, new Entry(2, ShapeConverters.RESHAPE));
    t.put((int) BuiltinOperator.EXPAND_DIMS, new Entry(1, ShapeConverters.RESHAPE));
    t.put((int) BuiltinOperator.CONCATENATION, new Entry(4, ShapeConverters.CONCATENATION));
    t.put((int) BuiltinOperator.PAD, new Entry(4, ShapeConverters.PAD));
    t.put((int) BuiltinOperator.PADV2, new Entry(4, ShapeConverters.PADV2));
    t.put((int) BuiltinOperator.MIRROR_PAD, new Entry(3, ShapeConverters.MIRROR_PAD));
    t.put((int) BuiltinOperator.TRANSPOSE, new Entry(6, ShapeConverters.TRANSPOSE));
    t.put((int) BuiltinOperator.DEPTH_TO_SPACE, new Entry(2, ShapeConverters.DEPTH_TO_SPACE));
    t.put((int) BuiltinOperator.SPACE_TO_DEPTH, new Entry(2, ShapeConverters.SPACE_TO_DEPTH));
    t.put((int) BuiltinOperator.GATHER, new Entry(7, ShapeConverters.GATHER));
    t.put((int) BuiltinOperator.SPLIT, new Entry(4, ShapeConverters.SPLIT));
    t.put((int) BuiltinOperator.SPLIT_V, new Entry(2, ShapeConverters.SPLIT_V));
    t.put((int) BuiltinOperator.UNPACK, new Entry(4, ShapeConverters.UNPACK));
    t.put((int) BuiltinOperator.PACK, new Entry(3, ShapeConverters.PACK));
    t.put((int) BuiltinOperator.TILE, new Entry(3, ShapeConverters.TILE));
    t.put((int) BuiltinOperator.STRIDED_SLICE, new Entry(8, ShapeConverters.STRIDED_SLICE));
    t.put((int) BuiltinOperator.SLICE, new Entry(6, ShapeConverters.SLICE));
    t.put((int) BuiltinOperator.MEAN, new Entry(3, ReduceConverters.MEAN));
    t.put((int) BuiltinOperator.SUM, new Entry(2, ReduceConverters.SUM));
    t.put((int) BuiltinOperator.REDUCE_MAX, new Entry(3, ReduceConverters.REDUCE_MAX));
    t.put((int) BuiltinOperator.REDUCE_MIN, new Entry(3, ReduceConverters.REDUCE_MIN));
    t.put((int) BuiltinOperator.REDUCE_PROD, new Entry(2, ReduceConverters.REDUCE_PROD));
    t.put((int) BuiltinOperator.SOFTMAX, new Entry(3, ReduceConverters.SOFTMAX));
    t.put((int) BuiltinOperator.LOG_SOFTMAX, new Entry(2, ReduceConverters.LOG_SOFTMAX));
    t.put((int) BuiltinOperator.L2_NORMALIZATION, new Entry(2, ReduceConverters.L2_NORMALIZATION));
    t.put((int) BuiltinOperator.RESIZE_BILINEAR, new Entry(4, ResizeConverters.RESIZE_BILINEAR));
    t.put((int) BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, new Entry(4, ResizeConverters.RESIZE_NEAREST_NEIGHBOR));
    return Collections.unmodifiableMap(t);
  }

  /** Whether the node converts, and if not why. */
  static NodeSupport supports(DelegateNode node) {
    Entry e = OPS.get(node.builtinCode());
    if (e == null) {
      return NodeSupport.unsupported(node.opName() + " has no ONNX conversion");
    }
    if (node.version() > e.maxVersion()) {
      return NodeSupport.unsupported(node.opName() + " version " + node.version() + " is newer than the "
          + e.maxVersion() + " the ONNX conversion knows");
    }
    for (TensorBuffer t : node.inputs()) {
      if (t != null && !t.isConstant() && t.type() != DataType.FLOAT32) {
        return NodeSupport.unsupported("input " + t + " is " + t.type() + "; the delegate takes float32 only");
      }
    }
    String why;
    try {
      why = e.converter().check(node);
    } catch (RuntimeException ex) {
      // A node the CPU kernel accepted but whose tensors this check cannot read stays on the CPU.
      why = "cannot be checked: " + ex;
    }
    return why == null ? NodeSupport.supported() : NodeSupport.unsupported(why);
  }

  /** The ONNX graph of a partition: inputs and outputs in TensorFlow Lite layout, named {@code t<index>}. */
  static OnnxGraph convert(Partition partition) {
    OnnxGraph g = new OnnxGraph();
    for (TensorBuffer t : partition.inputs()) {
      g.addInput(t);
    }
    for (DelegateNode n : partition.nodes()) {
      Entry e = OPS.get(n.builtinCode());
      if (e == null) {
        throw new IllegalArgumentException("node " + n.index() + " " + n.opName() + " has no ONNX conversion");
      }
      e.converter().convert(n, g);
    }
    for (TensorBuffer t : partition.outputs()) {
      g.addOutput(t);
    }
    return g;
  }
}
