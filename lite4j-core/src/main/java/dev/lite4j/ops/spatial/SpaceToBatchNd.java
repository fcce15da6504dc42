package dev.lite4j.ops.spatial;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.kernels.OutputShapes;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * SPACE_TO_BATCH_ND for 4-D (NHWC) and 3-D (NWC) input, as TensorFlow Lite supports: the input is
 * padded by {@code paddings} [spatial, 2] (begin, end), then each block offset s of the padded pixels
 * becomes batch s * inBatch + b. Padding is 0, or the output zero point for quantized tensors (TF Lite's
 * output_offset). Moves bytes, so any element type goes. When block_shape or paddings is not constant
 * the output shape is resolved at run time.
 */
public final class SpaceToBatchNd implements Kernel {
  private boolean dynamic;
  private int blockH;
  private int blockW;
  private int padTop;
  private int padLeft;

  @Override
  public void prepare(OpContext ctx) {
    dynamic = !BlockInputs.check(ctx, "paddings");
    if (dynamic) {
      ctx.setOutputDynamic(0);
    } else {
      ctx.setOutputShape(0, outputShape(ctx));
    }
  }

  /** Reads block_shape and paddings, checks them against the input and returns the output shape. */
  private int[] outputShape(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    int[] block = IntTensors.read(ctx, ctx.input(1), "block_shape");
    int[] pads = IntTensors.read(ctx, ctx.input(2), "paddings");
    boolean fourD = in.rank() == 4;
    long[] out = new long[in.rank()];
    long batch = in.dim(0);
    for (int d = 0; d < block.length; d++) {
      ctx.require(block[d] >= 1, "block_shape[%d] must be positive, not %d", d, block[d]);
      ctx.require(pads[2 * d] >= 0 && pads[2 * d + 1] >= 0, "paddings must not be negative");
      long padded = (long) in.dim(d + 1) + pads[2 * d] + pads[2 * d + 1];
      ctx.require(padded % block[d] == 0, "padded spatial dimension %d of size %d is not a multiple of %d",
          d + 1, padded, block[d]);
      out[d + 1] = padded / block[d];
      batch *= block[d];
      ctx.require(batch <= Integer.MAX_VALUE, "output batch overflows");
    }
    out[0] = batch;
    out[in.rank() - 1] = in.dim(in.rank() - 1);
    blockH = block[0];
    blockW = fourD ? block[1] : 1;
    padTop = pads[0];
    padLeft = fourD ? pads[2] : 0;
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
    int o = 0;
    for (int ob = 0; ob < outBatch; ob++) {
      int b = ob % inBatch;
      int shiftW = (ob / inBatch) % blockW;
      int shiftH = (ob / inBatch) / blockW;
      for (int oh = 0; oh < outH; oh++) {
        long h = (long) oh * blockH + shiftH - padTop;
        for (int ow = 0; ow < outW; ow++, o += depth) {
          long w = (long) ow * blockW + shiftW - padLeft;
          if (h < 0 || h >= inH || w < 0 || w >= inW) {
            fillPadding(out, o, depth);
          } else {
            Movement.copy(src, (int) (((b * inH + h) * inW + w) * depth), dst, o, depth, size);
          }
        }
      }
    }
  }

  /** Writes the padding value: the output zero point for quantized integer types, else 0. */
  private static void fillPadding(TensorBuffer out, int from, int count) {
    long zero = out.quantization().isQuantized() ? out.quantization().zeroPoint() : 0;
    ByteBuffer dst = out.bytes();
    DataType type = out.type();
    for (int i = from; i < from + count; i++) {
      switch (type) {
        case INT8, UINT8 -> dst.put(i, (byte) zero);
        case INT16 -> dst.putShort(i * 2, (short) zero);
        default -> {
          for (int k = 0; k < type.byteSize(); k++) {
            dst.put(i * type.byteSize() + k, (byte) 0);
          }
        }
      }
    }
  }
}
