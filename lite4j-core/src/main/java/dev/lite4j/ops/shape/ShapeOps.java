package dev.lite4j.ops.shape;

import static org.tensorflow.lite.schema.BuiltinOperator.*;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpRegistry;

/**
 * Rows of the operator table for shape and data-movement operators. Versions are the highest that
 * TensorFlow Lite's register.cc accepts; the later versions only add element types, which these
 * kernels move as bytes or reject by type. BROADCAST_TO starts at version 2 in TensorFlow Lite (its
 * version 1 was withdrawn with a different op code).
 */
public final class ShapeOps implements OpRegistry.Family {
  @Override
  public Kernel kernel(int builtinCode, OpRegistry.Row row) {
    return switch (builtinCode) {
      case CONCATENATION -> row.upTo(4) ? new Concatenation() : null;
      case RESHAPE -> row.upTo(1) ? new Reshape() : null;
      case SQUEEZE -> row.upTo(2) ? new Squeeze() : null;
      case EXPAND_DIMS -> row.upTo(1) ? new ExpandDims() : null;
      case TRANSPOSE -> row.upTo(7) ? new Transpose() : null;
      case PAD -> row.upTo(5) ? new Pad() : null;
      case PADV2 -> row.upTo(5) ? new PadV2() : null;
      case MIRROR_PAD -> row.upTo(3) ? new MirrorPad() : null;
      case SLICE -> row.upTo(6) ? new Slice() : null;
      case STRIDED_SLICE -> row.upTo(8) ? new StridedSlice() : null;
      case SPLIT -> row.upTo(4) ? new Split() : null;
      case SPLIT_V -> row.upTo(2) ? new SplitV() : null;
      case PACK -> row.upTo(4) ? new Pack() : null;
      case UNPACK -> row.upTo(4) ? new Unpack() : null;
      case GATHER -> row.upTo(7) ? new Gather() : null;
      case GATHER_ND -> row.upTo(5) ? new GatherNd() : null;
      case TILE -> row.upTo(3) ? new Tile() : null;
      case BROADCAST_TO -> row.upTo(3) ? new BroadcastTo() : null;
      case SHAPE -> row.upTo(1) ? new Shape() : null;
      case FILL -> row.upTo(4) ? new Fill() : null;
      case RANGE -> row.upTo(2) ? new Range() : null;
      default -> null;
    };
  }
}
