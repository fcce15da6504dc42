package dev.lite4j.ops.spatial;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.ResizeBilinearOptions;

/**
 * RESIZE_BILINEAR (float32, NHWC) as TensorFlow Lite 2.6's reference_ops::ResizeBilinear computes it,
 * float operation for float operation: the source coordinate is y * scale, or (y + 0.5) * scale - 0.5
 * with half_pixel_centers; its neighbours are max(floor, 0) and min(ceil, size - 1), and the weights
 * use the unclamped coordinate. Quantized inputs are not implemented yet.
 */
public final class ResizeBilinear implements Kernel {
  private boolean alignCorners;
  private boolean halfPixelCenters;
  private boolean dynamic;

  @Override
  public void prepare(OpContext ctx) {
    ResizeSize.check(ctx);
    DataType type = ctx.input(0).type();
    if (type != DataType.FLOAT32) {
      throw ctx.unsupported("RESIZE_BILINEAR of " + type + " is not implemented (float32 only)");
    }
    ResizeBilinearOptions o = ctx.options(new ResizeBilinearOptions());
    alignCorners = o.alignCorners();
    halfPixelCenters = o.halfPixelCenters();
    ctx.require(!(alignCorners && halfPixelCenters), "align_corners and half_pixel_centers cannot both be set");
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
    float scaleH = scale(inH, outH);
    float scaleW = scale(inW, outW);
    FloatBuffer src = in.floats();
    FloatBuffer dst = out.floats();
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outH; y++) {
        float inY = source(y, scaleH);
        int y0 = Math.max((int) Math.floor(inY), 0);
        int y1 = Math.min((int) Math.ceil(inY), inH - 1);
        float dy = inY - y0;
        int row0 = (b * inH + y0) * inW;
        int row1 = (b * inH + y1) * inW;
        for (int x = 0; x < outW; x++) {
          float inX = source(x, scaleW);
          int x0 = Math.max((int) Math.floor(inX), 0);
          int x1 = Math.min((int) Math.ceil(inX), inW - 1);
          float dx = inX - x0;
          int p00 = (row0 + x0) * depth;
          int p10 = (row1 + x0) * depth;
          int p01 = (row0 + x1) * depth;
          int p11 = (row1 + x1) * depth;
          for (int c = 0; c < depth; c++, o++) {
            // Same products, in the same order, as TF Lite: ((v * wy) * wx), summed left to right.
            dst.put(o, src.get(p00 + c) * (1 - dy) * (1 - dx)
                + src.get(p10 + c) * dy * (1 - dx)
                + src.get(p01 + c) * (1 - dy) * dx
                + src.get(p11 + c) * dy * dx);
          }
        }
      }
    }
  }

  private float scale(int in, int out) {
    if (alignCorners && out > 1) {
      return (float) (in - 1) / (out - 1);
    }
    return (float) in / out;
  }

  private float source(int v, float scale) {
    return halfPixelCenters ? ((float) v + 0.5f) * scale - 0.5f : (float) v * scale;
  }
}
