package dev.lite4j.onnxruntime;

import dev.lite4j.DataType;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.NodeSupport;
import dev.lite4j.delegate.Partition;
import dev.lite4j.runtime.TensorBuffer;
import dev.lite4j.model.OpNames;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Converts a partition of TensorFlow Lite nodes to an ONNX graph (opset {@value OnnxGraph#OPSET}),
 * and says per node whether it can. The table lists every operator the delegate takes with the
 * highest TensorFlow Lite version it handles; float32 only.
 */
final class OnnxConverter {
  /** Changes whenever the ONNX this converter writes changes, so cached sessions of older output are not reused. */
  static final String VERSION = "4";

  record Entry(int maxVersion, OpConverter converter) {}

  private OnnxConverter() {}

  /**
   * The conversion of a builtin operator, or null. A switch rather than a table built up front: a
   * converter family's class is loaded and initialised only when a model has one of its ops, which a
   * fresh JVM otherwise pays for every family on an interpreter's start-up path.
   */
  static Entry entry(int builtinCode) {
    return switch (builtinCode) {
      case BuiltinOperator.CONV_2D -> new Entry(8, ConvConverters.CONV_2D);
      case BuiltinOperator.DEPTHWISE_CONV_2D -> new Entry(7, ConvConverters.DEPTHWISE_CONV_2D);
      case BuiltinOperator.TRANSPOSE_CONV -> new Entry(5, ConvConverters.TRANSPOSE_CONV);
      case BuiltinOperator.AVERAGE_POOL_2D -> new Entry(3, PoolConverters.AVERAGE_POOL_2D);
      case BuiltinOperator.MAX_POOL_2D -> new Entry(3, PoolConverters.MAX_POOL_2D);
      case BuiltinOperator.L2_POOL_2D -> new Entry(1, PoolConverters.L2_POOL_2D);
      case BuiltinOperator.FULLY_CONNECTED -> new Entry(12, MatMulConverters.FULLY_CONNECTED);
      case BuiltinOperator.BATCH_MATMUL -> new Entry(4, MatMulConverters.BATCH_MATMUL);
      case BuiltinOperator.ADD -> new Entry(5, ElementwiseConverters.ADD);
      case BuiltinOperator.SUB -> new Entry(5, ElementwiseConverters.SUB);
      case BuiltinOperator.MUL -> new Entry(7, ElementwiseConverters.MUL);
      case BuiltinOperator.DIV -> new Entry(2, ElementwiseConverters.DIV);
      case BuiltinOperator.MAXIMUM -> new Entry(4, ElementwiseConverters.MAXIMUM);
      case BuiltinOperator.MINIMUM -> new Entry(4, ElementwiseConverters.MINIMUM);
      case BuiltinOperator.POW -> new Entry(1, ElementwiseConverters.POW);
      case BuiltinOperator.SQUARED_DIFFERENCE -> new Entry(2, ElementwiseConverters.SQUARED_DIFFERENCE);
      case BuiltinOperator.PRELU -> new Entry(1, ElementwiseConverters.PRELU);
      case BuiltinOperator.RELU -> new Entry(3, UnaryConverters.RELU);
      case BuiltinOperator.RELU6 -> new Entry(3, UnaryConverters.RELU6);
      case BuiltinOperator.RELU_N1_TO_1 -> new Entry(1, UnaryConverters.RELU_N1_TO_1);
      case BuiltinOperator.RELU_0_TO_1 -> new Entry(1, UnaryConverters.RELU_0_TO_1);
      case BuiltinOperator.TANH -> new Entry(3, UnaryConverters.TANH);
      case BuiltinOperator.LOGISTIC -> new Entry(3, UnaryConverters.LOGISTIC);
      case BuiltinOperator.HARD_SWISH -> new Entry(1, UnaryConverters.HARD_SWISH);
      case BuiltinOperator.LEAKY_RELU -> new Entry(2, UnaryConverters.LEAKY_RELU);
      case BuiltinOperator.ELU -> new Entry(1, UnaryConverters.ELU);
      case BuiltinOperator.GELU -> new Entry(2, UnaryConverters.GELU);
      case BuiltinOperator.EXP -> new Entry(2, UnaryConverters.EXP);
      case BuiltinOperator.LOG -> new Entry(2, UnaryConverters.LOG);
      case BuiltinOperator.SQRT -> new Entry(2, UnaryConverters.SQRT);
      case BuiltinOperator.RSQRT -> new Entry(3, UnaryConverters.RSQRT);
      case BuiltinOperator.ABS -> new Entry(5, UnaryConverters.ABS);
      case BuiltinOperator.NEG -> new Entry(2, UnaryConverters.NEG);
      case BuiltinOperator.FLOOR -> new Entry(1, UnaryConverters.FLOOR);
      case BuiltinOperator.CEIL -> new Entry(1, UnaryConverters.CEIL);
      case BuiltinOperator.SIN -> new Entry(1, UnaryConverters.SIN);
      case BuiltinOperator.COS -> new Entry(1, UnaryConverters.COS);
      case BuiltinOperator.ROUND -> new Entry(1, UnaryConverters.ROUND);
      case BuiltinOperator.SQUARE -> new Entry(1, UnaryConverters.SQUARE);
      case BuiltinOperator.RESHAPE -> new Entry(1, ShapeConverters.RESHAPE);
      case BuiltinOperator.SQUEEZE -> new Entry(2, ShapeConverters.RESHAPE);
      case BuiltinOperator.EXPAND_DIMS -> new Entry(1, ShapeConverters.RESHAPE);
      case BuiltinOperator.CONCATENATION -> new Entry(4, ShapeConverters.CONCATENATION);
      case BuiltinOperator.PAD -> new Entry(4, ShapeConverters.PAD);
      case BuiltinOperator.PADV2 -> new Entry(4, ShapeConverters.PADV2);
      case BuiltinOperator.MIRROR_PAD -> new Entry(3, ShapeConverters.MIRROR_PAD);
      case BuiltinOperator.TRANSPOSE -> new Entry(6, ShapeConverters.TRANSPOSE);
      case BuiltinOperator.DEPTH_TO_SPACE -> new Entry(2, ShapeConverters.DEPTH_TO_SPACE);
      case BuiltinOperator.SPACE_TO_DEPTH -> new Entry(2, ShapeConverters.SPACE_TO_DEPTH);
      case BuiltinOperator.GATHER -> new Entry(7, ShapeConverters.GATHER);
      case BuiltinOperator.SPLIT -> new Entry(4, ShapeConverters.SPLIT);
      case BuiltinOperator.SPLIT_V -> new Entry(2, ShapeConverters.SPLIT_V);
      case BuiltinOperator.UNPACK -> new Entry(4, ShapeConverters.UNPACK);
      case BuiltinOperator.PACK -> new Entry(3, ShapeConverters.PACK);
      case BuiltinOperator.TILE -> new Entry(3, ShapeConverters.TILE);
      case BuiltinOperator.STRIDED_SLICE -> new Entry(8, ShapeConverters.STRIDED_SLICE);
      case BuiltinOperator.SLICE -> new Entry(6, ShapeConverters.SLICE);
      case BuiltinOperator.MEAN -> new Entry(3, ReduceConverters.MEAN);
      case BuiltinOperator.SUM -> new Entry(2, ReduceConverters.SUM);
      case BuiltinOperator.REDUCE_MAX -> new Entry(3, ReduceConverters.REDUCE_MAX);
      case BuiltinOperator.REDUCE_MIN -> new Entry(3, ReduceConverters.REDUCE_MIN);
      case BuiltinOperator.REDUCE_PROD -> new Entry(2, ReduceConverters.REDUCE_PROD);
      case BuiltinOperator.SOFTMAX -> new Entry(3, ReduceConverters.SOFTMAX);
      case BuiltinOperator.LOG_SOFTMAX -> new Entry(2, ReduceConverters.LOG_SOFTMAX);
      case BuiltinOperator.L2_NORMALIZATION -> new Entry(2, ReduceConverters.L2_NORMALIZATION);
      case BuiltinOperator.RESIZE_BILINEAR -> new Entry(4, ResizeConverters.RESIZE_BILINEAR);
      case BuiltinOperator.RESIZE_NEAREST_NEIGHBOR -> new Entry(4, ResizeConverters.RESIZE_NEAREST_NEIGHBOR);
      default -> null;
    };
  }

  /** Every builtin code with a conversion (for tests and listings). */
  static List<Integer> claimedOps() {
    List<Integer> out = new ArrayList<>();
    for (int code = 0; code <= OpNames.maxBuiltinCode(); code++) {
      if (entry(code) != null) {
        out.add(code);
      }
    }
    return out;
  }

  /** Whether the node converts, and if not why. */
  static NodeSupport supports(DelegateNode node) {
    Entry e = entry(node.builtinCode());
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
      Entry e = entry(n.builtinCode());
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
