package dev.lite4j.ops.nn;

import dev.lite4j.DataType;
import dev.lite4j.QuantizationParams;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * DEQUANTIZE to float32: FLOAT16 bits widened exactly; INT8, UINT8 and INT16 as scale * (q - zero_point),
 * per tensor or per channel along {@code quantized_dimension}. A float times a small integer rounds the
 * same whether TensorFlow Lite computes it in float (per channel) or double (per tensor).
 */
public final class Dequantize implements Kernel {
  private float[] scales;
  private int[] zeroPoints;
  /** Elements that share one channel's parameters in a row ({@code product of dims after the channel}). */
  private int inner;
  private int channels;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    ctx.require(in != null && ctx.outputCount() == 1, "needs one input and one output");
    ctx.require(ctx.output(0).type() == DataType.FLOAT32, "output must be FLOAT32, is %s", ctx.output(0).type());
    switch (in.type()) {
      case FLOAT16 -> { }
      case INT8, UINT8, INT16 -> prepareQuantized(ctx, in);
      default -> throw ctx.unsupported("input type " + in.type() + " is not supported");
    }
    ctx.setOutputShape(0, in.shape());
  }

  private void prepareQuantized(OpContext ctx, TensorBuffer in) {
    QuantizationParams q = in.quantization();
    ctx.require(q.isQuantized(), "input '%s' has no quantization scale", in.name());
    channels = q.channelCount();
    scales = new float[channels];
    zeroPoints = new int[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = q.scaleAt(c);
      long zp = q.zeroPointAt(c);
      ctx.require(zp >= Short.MIN_VALUE && zp <= 0xffff, "zero point %d is out of range", zp);
      // TF Lite's int16 quantization is symmetric, and its DEQUANTIZE insists on it.
      ctx.require(in.type() != DataType.INT16 || zp == 0, "INT16 input needs zero point 0, has %d", zp);
      zeroPoints[c] = (int) zp;
    }
    inner = channelInner(ctx, in, q, channels, "scales");
  }

  /**
   * Elements that share one channel's parameters in a row of {@code t}'s shape (product of the dims after
   * {@code quantized_dimension}), checking that dimension holds {@code channels}; per tensor, all of them.
   * {@code what} names the scales in the error ("scales", "output scales").
   */
  static int channelInner(OpContext ctx, TensorBuffer t, QuantizationParams q, int channels, String what) {
    if (channels <= 1) {
      return Math.max(1, t.numElements());
    }
    int dim = q.quantizedDimension();
    ctx.require(dim >= 0 && dim < t.rank() && t.dim(dim) == channels,
        "%d %s do not match dimension %d of shape %s", channels, what, dim, Arrays.toString(t.shape()));
    int inner = 1;
    for (int d = dim + 1; d < t.rank(); d++) {
      inner *= t.dim(d);
    }
    return inner;
  }

  @Override
  public void run(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    FloatBuffer out = ctx.output(0).floats();
    int n = in.numElements();
    switch (in.type()) {
      case FLOAT16 -> fromHalf(in.shorts(), out, n);
      case INT8 -> fromBytes(in.bytes(), out, n, false);
      case UINT8 -> fromBytes(in.bytes(), out, n, true);
      default -> fromShorts(in.shorts(), out, n);
    }
  }

  private static void fromHalf(ShortBuffer in, FloatBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      out.put(i, Float.float16ToFloat(in.get(i)));
    }
  }

  /** Channel of element {@code i}: elements cycle through the channels in blocks of {@code inner}. */
  private int channel(int i) {
    return channels == 1 ? 0 : (i / inner) % channels;
  }

  private void fromBytes(ByteBuffer in, FloatBuffer out, int n, boolean unsigned) {
    for (int i = 0; i < n; i++) {
      int c = channel(i);
      int q = unsigned ? in.get(i) & 0xff : in.get(i);
      out.put(i, scales[c] * (q - zeroPoints[c]));
    }
  }

  private void fromShorts(ShortBuffer in, FloatBuffer out, int n) {
    for (int i = 0; i < n; i++) {
      int c = channel(i);
      out.put(i, scales[c] * (in.get(i) - zeroPoints[c]));
    }
  }
}
