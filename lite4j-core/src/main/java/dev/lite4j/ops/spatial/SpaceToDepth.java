package dev.lite4j.ops.spatial;

import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import org.tensorflow.lite.schema.SpaceToDepthOptions;

/**
 * SPACE_TO_DEPTH (NHWC): input (b, h, w, d) goes to output
 * (b, h / bs, w / bs, ((h % bs) * bs + w % bs) * inDepth + d). Moves bytes, so any element type goes.
 */
public final class SpaceToDepth implements Kernel {
  private int blockSize;

  @Override
  public void prepare(OpContext ctx) {
    Movement.checkInputOutput(ctx, 4);
    blockSize = ctx.options(new SpaceToDepthOptions()).blockSize();
    ctx.require(blockSize > 0, "block_size must be positive, not %d", blockSize);
    TensorBuffer in = ctx.input(0);
    ctx.require(in.dim(1) % blockSize == 0 && in.dim(2) % blockSize == 0,
        "input height %d and width %d must be multiples of block_size %d", in.dim(1), in.dim(2), blockSize);
    ctx.setOutputShape(0, OutputShapes.of(ctx, in.dim(0), in.dim(1) / blockSize, in.dim(2) / blockSize,
        (long) in.dim(3) * blockSize * blockSize));
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (in.numElements() == 0) {
      return; // nothing to move (and no pixel loop over a zero-depth tensor)
    }
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int size = in.type().byteSize();
    int batches = in.dim(0);
    int inH = in.dim(1);
    int inW = in.dim(2);
    int inD = in.dim(3);
    int outH = out.dim(1);
    int outW = out.dim(2);
    int outD = out.dim(3);
    int i = 0;
    for (int b = 0; b < batches; b++) {
      for (int h = 0; h < inH; h++) {
        for (int w = 0; w < inW; w++, i += inD) {
          int outDepth = ((h % blockSize) * blockSize + w % blockSize) * inD;
          int o = ((b * outH + h / blockSize) * outW + w / blockSize) * outD + outDepth;
          Movement.copy(src, i, dst, o, inD, size);
        }
      }
    }
  }
}
