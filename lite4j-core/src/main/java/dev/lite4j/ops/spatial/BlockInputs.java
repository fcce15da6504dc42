package dev.lite4j.ops.spatial;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.util.Arrays;

/**
 * The inputs BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND share: data of rank 4 (NHWC) or 3 (NWC),
 * {@code block_shape} [spatial] and a [spatial, 2] (begin, end) tensor named {@code pairs} (crops or
 * paddings), both int32/int64.
 */
final class BlockInputs {
  private BlockInputs() {}

  /** Checks the node's inputs and output; true when block_shape and the pairs are constant. */
  static boolean check(OpContext ctx, String pairsName) {
    Movement.checkInputOutput(ctx, 3, 4);
    TensorBuffer block = ctx.input(1);
    TensorBuffer pairs = ctx.input(2);
    ctx.require(block != null && pairs != null, "needs block_shape and %s inputs", pairsName);
    int spatial = ctx.input(0).rank() - 2;
    IntTensors.requireIndexType(ctx, block, "block_shape");
    IntTensors.requireIndexType(ctx, pairs, pairsName);
    ctx.require(block.rank() == 1 && block.dim(0) == spatial, "block_shape must have shape [%d], not %s",
        spatial, Arrays.toString(block.shape()));
    ctx.require(pairs.rank() == 2 && pairs.dim(0) == spatial && pairs.dim(1) == 2,
        "%s must have shape [%d, 2], not %s", pairsName, spatial, Arrays.toString(pairs.shape()));
    return block.isConstant() && pairs.isConstant();
  }

  /** A rank 4 (NHWC) or rank 3 (NWC, width 1) tensor's sizes, as TF Lite's ExtendShapeBatchToSpace. */
  record Layout(int batch, int height, int width, int depth) {
    static Layout of(TensorBuffer t) {
      boolean fourD = t.rank() == 4;
      return new Layout(t.dim(0), t.dim(1), fourD ? t.dim(2) : 1, t.dim(t.rank() - 1));
    }
  }
}
