package dev.lite4j.ops.shape;

import dev.lite4j.ops.OpRegistry;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Rows of the operator table for shape and data-movement operators. Versions are the highest that
 * TensorFlow Lite's register.cc accepts; the later versions only add element types, which these
 * kernels move as bytes or reject by type. BROADCAST_TO starts at version 2 in TensorFlow Lite (its
 * version 1 was withdrawn with a different op code).
 */
public final class ShapeOps {
  private ShapeOps() {}

  public static void register(OpRegistry.Builder b) {
    b.add(BuiltinOperator.CONCATENATION, 4, Concatenation::new);
    b.add(BuiltinOperator.RESHAPE, 1, Reshape::new);
    b.add(BuiltinOperator.SQUEEZE, 2, Squeeze::new);
    b.add(BuiltinOperator.EXPAND_DIMS, 1, ExpandDims::new);
    b.add(BuiltinOperator.TRANSPOSE, 7, Transpose::new);
    b.add(BuiltinOperator.PAD, 5, Pad::new);
    b.add(BuiltinOperator.PADV2, 5, PadV2::new);
    b.add(BuiltinOperator.MIRROR_PAD, 3, MirrorPad::new);
    b.add(BuiltinOperator.SLICE, 6, Slice::new);
    b.add(BuiltinOperator.STRIDED_SLICE, 8, StridedSlice::new);
    b.add(BuiltinOperator.SPLIT, 4, Split::new);
    b.add(BuiltinOperator.SPLIT_V, 2, SplitV::new);
    b.add(BuiltinOperator.PACK, 4, Pack::new);
    b.add(BuiltinOperator.UNPACK, 4, Unpack::new);
    b.add(BuiltinOperator.GATHER, 7, Gather::new);
    b.add(BuiltinOperator.GATHER_ND, 5, GatherNd::new);
    b.add(BuiltinOperator.TILE, 3, Tile::new);
    b.add(BuiltinOperator.BROADCAST_TO, 3, BroadcastTo::new);
    b.add(BuiltinOperator.SHAPE, 1, Shape::new);
    b.add(BuiltinOperator.FILL, 4, Fill::new);
    b.add(BuiltinOperator.RANGE, 2, Range::new);
  }
}
