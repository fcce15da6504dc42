package dev.lite4j.ops.spatial;

import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import org.tensorflow.lite.schema.DepthToSpaceOptions;

/**
 * DEPTH_TO_SPACE (NHWC, TensorFlow's DCR order): output (b, h, w, d) takes input
 * (b, h / bs, w / bs, ((h % bs) * bs + w % bs) * outDepth + d). Moves bytes, so any element type goes.
 */
public final class DepthToSpace implements Kernel {
  private int blockSize;

  @Override
  public void prepare(OpContext ctx) {
    Movement.checkInputOutput(ctx, 4);
    blockSize = ctx.options(new DepthToSpaceOptions()).blockSize();
    ctx.require(blockSize > 0, "block_size must be positive, not %d", blockSize);
    TensorBuffer in = ctx.input(0);
    long square = (long) blockSize * blockSize;
    ctx.require(in.dim(3) % square == 0, "input depth %d is not a multiple of block_size^2 = %d",
        in.dim(3), square);
    ctx.setOutputShape(0, OutputShapes.of(ctx, in.dim(0), (long) in.dim(1) * blockSize,
        (long) in.dim(2) * blockSize, in.dim(3) / square));
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (out.numElements() == 0) {
      return; // nothing to move (and no pixel loop over a zero-depth tensor)
    }
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int size = in.type().byteSize();
    int batches = out.dim(0);
    int outH = out.dim(1);
    int outW = out.dim(2);
    int outD = out.dim(3);
    int inH = in.dim(1);
    int inW = in.dim(2);
    int inD = in.dim(3);
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int h = 0; h < outH; h++) {
        for (int w = 0; w < outW; w++, o += outD) {
          // Each output pixel's depth run is one contiguous run of the input pixel's depth.
          int inDepth = ((h % blockSize) * blockSize + w % blockSize) * outD;
          int i = ((b * inH + h / blockSize) * inW + w / blockSize) * inD + inDepth;
          Movement.copy(src, i, dst, o, outD, size);
        }
      }
    }
  }
}
