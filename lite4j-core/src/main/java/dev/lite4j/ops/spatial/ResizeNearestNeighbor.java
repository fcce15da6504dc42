package dev.lite4j.ops.spatial;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import org.tensorflow.lite.schema.ResizeNearestNeighborOptions;

/**
 * RESIZE_NEAREST_NEIGHBOR (NHWC) with TensorFlow Lite's rounding: the source index is
 * floor((i + offset) * scale), or round-half-away((i + offset) * scale) with align_corners, where
 * offset is 0.5 with half_pixel_centers, clamped to size - 1 (and to 0 with half_pixel_centers). It
 * copies pixels, so float32, int32, int8, uint8 and int16 all go; uint8 without either option uses the
 * 16.16 fixed-point scale of TF Lite's optimized kernel, as TF Lite's builtin kernel does.
 */
public final class ResizeNearestNeighbor implements Kernel {
  private boolean alignCorners;
  private boolean halfPixelCenters;
  private boolean dynamic;

  @Override
  public void prepare(OpContext ctx) {
    ResizeSize.check(ctx);
    DataType type = ctx.input(0).type();
    switch (type) {
      case FLOAT32, INT32, INT8, UINT8, INT16 -> { }
      default -> throw ctx.unsupported("RESIZE_NEAREST_NEIGHBOR of " + type + " is not supported");
    }
    ResizeNearestNeighborOptions o = ctx.options(new ResizeNearestNeighborOptions());
    alignCorners = o.alignCorners();
    halfPixelCenters = o.halfPixelCenters();
    dynamic = ResizeSize.shapeOutput(ctx);
  }

  @Override
  public void run(OpContext ctx) {
    ResizeSize.resizeDynamic(ctx, dynamic);
    TensorBuffer in = ctx.input(0);
    TensorBuffer out = ctx.output(0);
    if (out.numElements() == 0) {
      return;
    }
    int batches = in.dim(0);
    int inH = in.dim(1);
    int inW = in.dim(2);
    int depth = in.dim(3);
    int outH = out.dim(1);
    int outW = out.dim(2);
    boolean fixedPoint = in.type() == DataType.UINT8 && !alignCorners && !halfPixelCenters;
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int size = in.type().byteSize();
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outH; y++) {
        int inY = fixedPoint ? fixedPointSource(y, inH, outH) : source(y, inH, outH);
        int row = (b * inH + inY) * inW;
        for (int x = 0; x < outW; x++, o += depth) {
          int inX = fixedPoint ? fixedPointSource(x, inW, outW) : source(x, inW, outW);
          Movement.copy(src, (row + inX) * depth, dst, o, depth, size);
        }
      }
    }
  }

  /** TF Lite's reference GetNearestNeighbor. */
  private int source(int v, int inSize, int outSize) {
    float scale = alignCorners && outSize > 1 ? (inSize - 1) / (float) (outSize - 1) : inSize / (float) outSize;
    float offset = halfPixelCenters ? 0.5f : 0f;
    float scaled = (v + offset) * scale;
    // Math.round is floor(x + 0.5): round half away from zero for the non-negative values here.
    int s = alignCorners ? Math.round(scaled) : (int) Math.floor(scaled);
    s = Math.min(s, inSize - 1);
    return halfPixelCenters ? Math.max(0, s) : s;
  }

  /** TF Lite's optimized uint8 kernel: scale (in << 16) / out + 1, index (v * scale) >> 16. */
  private static int fixedPointSource(int v, int inSize, int outSize) {
    long scale = ((long) inSize << 16) / outSize + 1;
    return (int) Math.min(((long) v * scale) >> 16, inSize - 1);
  }
}
