package dev.lite4j.ops.spatial;

import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * BATCH_TO_SPACE_ND for 4-D (NHWC, two spatial dims) and 3-D (NWC, one spatial dim) input, as
 * TensorFlow Lite supports: batch b*prod(block) + s becomes the pixel block offset s of batch b, then
 * {@code crops} [spatial, 2] (begin, end) are cut off. Moves bytes, so any element type goes. When
 * block_shape or crops is not constant the output shape is resolved at run time.
 */
public final class BatchToSpaceNd implements Kernel {
  private boolean dynamic;
  private int blockH;
  private int blockW;
  private int cropTop;
  private int cropLeft;

  @Override
  public void prepare(OpContext ctx) {
    dynamic = !BlockInputs.check(ctx, "crops");
    if (dynamic) {
      ctx.setOutputDynamic(0);
    } else {
      ctx.setOutputShape(0, outputShape(ctx));
    }
  }

  /** Reads block_shape and crops, checks them against the input and returns the output shape. */
  private int[] outputShape(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int[] block = IntTensors.read(ctx, ctx.input(1), "block_shape");
    int[] crops = IntTensors.read(ctx, ctx.input(2), "crops");
    boolean fourD = in.rank() == 4;
    long[] out = new long[in.rank()];
    long batch = in.dim(0);
    for (int d = 0; d < block.length; d++) {
      ctx.require(block[d] >= 1, "block_shape[%d] must be positive, not %d", d, block[d]);
      ctx.require(crops[2 * d] >= 0 && crops[2 * d + 1] >= 0, "crops must not be negative");
      ctx.require(batch % block[d] == 0, "batch %d is not divisible by the block shape", in.dim(0));
      batch /= block[d];
      long size = (long) in.dim(d + 1) * block[d] - crops[2 * d] - crops[2 * d + 1];
      ctx.require(size >= 0, "crops %d + %d exceed spatial dimension %d of size %d", crops[2 * d],
          crops[2 * d + 1], d + 1, (long) in.dim(d + 1) * block[d]);
      out[d + 1] = size;
    }
    out[0] = batch;
    out[in.rank() - 1] = in.dim(in.rank() - 1);
    blockH = block[0];
    blockW = fourD ? block[1] : 1;
    cropTop = crops[0];
    cropLeft = fourD ? crops[2] : 0;
    return OutputShapes.of(ctx, out);
  }

  @Override
  public void run(OpContext ctx) {
    if (dynamic) {
      ctx.resizeDynamicOutput(0, outputShape(ctx));
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (out.numElements() == 0) {
      return;
    }
    BlockInputs.Layout from = BlockInputs.Layout.of(in);
    BlockInputs.Layout to = BlockInputs.Layout.of(out);
    int depth = from.depth();
    int inBatch = from.batch();
    int inH = from.height();
    int inW = from.width();
    int outBatch = to.batch();
    int outH = to.height();
    int outW = to.width();
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int size = in.type().byteSize();
    for (int b = 0; b < inBatch; b++) {
      int ob = b % outBatch;
      int offset = b / outBatch;
      for (int h = 0; h < inH; h++) {
        long oh = (long) h * blockH + offset / blockW - cropTop;
        if (oh < 0 || oh >= outH) {
          continue;
        }
        for (int w = 0; w < inW; w++) {
          long ow = (long) w * blockW + offset % blockW - cropLeft;
          if (ow < 0 || ow >= outW) {
            continue;
          }
          int o = (int) (((ob * outH + oh) * outW + ow) * depth);
          int i = ((b * inH + h) * inW + w) * depth;
          Movement.copy(src, i, dst, o, depth, size);
        }
      }
    }
  }
}
