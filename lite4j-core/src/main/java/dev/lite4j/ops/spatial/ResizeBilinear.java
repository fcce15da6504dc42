package dev.lite4j.ops.spatial;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.tensorflow.lite.schema.ResizeBilinearOptions;

/**
 * RESIZE_BILINEAR (float32, NHWC) as TensorFlow Lite 2.6's reference_ops::ResizeBilinear computes it,
 * float operation for float operation: the source coordinate is y * scale, or (y + 0.5) * scale - 0.5
 * with half_pixel_centers; its neighbours are max(floor, 0) and min(ceil, size - 1), and the weights
 * use the unclamped coordinate.
 *
 * <p>uint8 follows TF Lite 2.6's optimized ResizeBilinearGenericSmallChannel: the same float coordinates,
 * four float weights summed in the order (y0,x0), (y0,x1), (y1,x0), (y1,x1), plus 0.5f, truncated. int8 and
 * int16 follow reference_ops' ResizeBilinearInteger: coordinates in 10 fractional bits, the weighted sum
 * in 20 fractional bits, rounded half away from zero.
 */
public final class ResizeBilinear implements Kernel {
  private boolean alignCorners;
  private boolean halfPixelCenters;
  private boolean dynamic;

  @Override
  public void prepare(OpContext ctx) {
    ResizeSize.check(ctx);
    DataType type = ctx.input(0).type();
    if (type != DataType.FLOAT32 && type != DataType.UINT8 && type != DataType.INT8 && type != DataType.INT16) {
      throw ctx.unsupported("RESIZE_BILINEAR of " + type + " is not supported");
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
    if (in.type() == DataType.UINT8) {
      resizeUint8(in, out);
      return;
    }
    if (in.type() != DataType.FLOAT32) {
      resizeInteger(in, out);
      return;
    }
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

  /** optimized_ops::ResizeBilinearGenericSmallChannel on uint8. */
  private void resizeUint8(TensorBuffer in, TensorBuffer out) {
    int batches = in.dim(0);
    int inH = in.dim(1);
    int inW = in.dim(2);
    int depth = in.dim(3);
    int outH = out.dim(1);
    int outW = out.dim(2);
    float scaleH = scale(inH, outH);
    float scaleW = scale(inW, outW);
    ByteBuffer src = in.bytes();
    ByteBuffer dst = out.bytes();
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outH; y++) {
        float inY = source(y, scaleH);
        int y0 = Math.max((int) Math.floor(inY), 0);
        int y1 = Math.min((int) Math.ceil(inY), inH - 1);
        for (int x = 0; x < outW; x++) {
          float inX = source(x, scaleW);
          int x0 = Math.max((int) Math.floor(inX), 0);
          int x1 = Math.min((int) Math.ceil(inX), inW - 1);
          int p00 = ((b * inH + y0) * inW + x0) * depth;
          int p01 = ((b * inH + y0) * inW + x1) * depth;
          int p10 = ((b * inH + y1) * inW + x0) * depth;
          int p11 = ((b * inH + y1) * inW + x1) * depth;
          float w00 = (1 - (inY - y0)) * (1 - (inX - x0));
          float w01 = (1 - (inY - y0)) * (inX - x0);
          float w10 = (inY - y0) * (1 - (inX - x0));
          float w11 = (inY - y0) * (inX - x0);
          for (int c = 0; c < depth; c++, o++) {
            float v = (src.get(p00 + c) & 0xff) * w00 + (src.get(p01 + c) & 0xff) * w01
                + (src.get(p10 + c) & 0xff) * w10 + (src.get(p11 + c) & 0xff) * w11 + 0.5f;
            dst.put(o, (byte) (int) v);
          }
        }
      }
    }
  }

  /** reference_ops::ResizeBilinearInteger on int8 and int16. */
  private void resizeInteger(TensorBuffer in, TensorBuffer out) {
    int batches = in.dim(0);
    int inH = in.dim(1);
    int inW = in.dim(2);
    int depth = in.dim(3);
    int outH = out.dim(1);
    int outW = out.dim(2);
    int scaleH = scale10(inH, outH);
    int scaleW = scale10(inW, outW);
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outH; y++) {
        int inY = source10(y, scaleH);
        int y0 = Math.max(inY / (1 << 10), 0);
        int y1 = Math.min((inY + (1 << 10) - 1) / (1 << 10), inH - 1);
        long fy = inY - (1 << 10) * y0;
        for (int x = 0; x < outW; x++) {
          int inX = source10(x, scaleW);
          int x0 = Math.max(inX / (1 << 10), 0);
          int x1 = Math.min((inX + (1 << 10) - 1) / (1 << 10), inW - 1);
          long fx = inX - (1 << 10) * x0;
          int p00 = ((b * inH + y0) * inW + x0) * depth;
          int p01 = ((b * inH + y0) * inW + x1) * depth;
          int p10 = ((b * inH + y1) * inW + x0) * depth;
          int p11 = ((b * inH + y1) * inW + x1) * depth;
          for (int c = 0; c < depth; c++, o++) {
            long sum = QuantizedTensors.get(in, p00 + c) * ((1 << 10) - fy) * ((1 << 10) - fx)
                + QuantizedTensors.get(in, p10 + c) * fy * ((1 << 10) - fx)
                + QuantizedTensors.get(in, p01 + c) * ((1 << 10) - fy) * fx
                + QuantizedTensors.get(in, p11 + c) * fy * fx;
            long round = sum > 0 ? (1 << 19) : -(1 << 19);
            QuantizedTensors.set(out, o, (int) ((sum + round) / (1 << 20)));
          }
        }
      }
    }
  }

  /** The input/output size ratio in 10 fractional bits, rounded, as ResizeBilinearInteger computes it. */
  private int scale10(int in, int out) {
    if (alignCorners && out > 1) {
      return ((1 << 10) * (in - 1) + (out - 1) / 2) / (out - 1);
    }
    return ((1 << 10) * in + out / 2) / out;
  }

  private int source10(int v, int scale10) {
    return halfPixelCenters ? v * scale10 + scale10 / 2 - (1 << 9) : v * scale10;
  }
}
