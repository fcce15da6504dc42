package dev.lite4j.ops.conv;

import dev.lite4j.kernels.Activation;
import dev.lite4j.kernels.MultiplyAdd;
import dev.lite4j.kernels.WindowTaps;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D (float32): NHWC input, filter [1, H, W, C * multiplier], optional bias, strides,
 * dilation, SAME/VALID padding and a fused activation. Output channel {@code c * multiplier + q} reads
 * input channel c only; the multiplier comes from the shapes (see {@link ConvGeometry#depthwise}).
 *
 * <p>Each output starts from its bias
 * and adds its products in float over filter y then filter x (TensorFlow Lite's optimized order), then
 * clamps.
 */
public final class DepthwiseConv2D extends WindowedKernel {
  private Activation activation;
  private int multiplier;
  private boolean empty;
  /** Row fy * kW + fx holds the outC weights of that tap (the filter's own layout). */
  private float[][] weights;
  private float[] bias;
  private float[] acc;
  /** rows[fy - fyLo[oy]]: the input row that filter row fy reads for the current output row oy. */
  private float[][] rows;
  private float[] pixel;
  /** The pixel with each input channel repeated multiplier times, when multiplier > 1. */
  private float[] expanded;

  @Override
  public void prepare(OpContext ctx) {
    ConvGeometry geo = ConvGeometry.depthwise(ctx);
    FloatOperands.requireFloatInput(ctx, ctx.input(0), "input");
    FloatOperands.requireFloatWeights(ctx, ctx.input(1), "filter");
    FloatOperands.requireFloatOutput(ctx);
    adopt(geo);
    multiplier = geo.depthMultiplier();
    activation = geo.window().activation();
    bias = FloatOperands.prepareBias(ctx, ctx.input(2), outC);
    empty = geo.setOutputShape(ctx);
    if (empty) {
      return;
    }
    adoptTaps(geo);
  }

  @Override
  public void pack(OpContext ctx) {
    if (empty) {
      return;
    }
    weights = new float[kH * kW][outC];
    if (ctx.input(1).isConstant()) {
      pack(ctx.input(1).floats());
    }
    acc = new float[outC];
    rows = new float[WindowTaps.maxCount(fyLo, fyHi)][inW * inC];
    pixel = new float[inC];
    expanded = multiplier > 1 ? new float[outC] : pixel;
  }

  private void pack(FloatBuffer f) {
    for (int tap = 0; tap < kH * kW; tap++) {
      f.get(tap * outC, weights[tap], 0, outC);
    }
  }

  @Override
  public void run(OpContext ctx) {
    if (empty) {
      return;
    }
    TensorBuffer filter = ctx.input(1);
    if (!filter.isConstant()) {
      pack(filter.floats());
    }
    FloatOperands.refreshBias(ctx.input(2), bias);
    FloatBuffer in = ctx.input(0).floats();
    FloatBuffer out = ctx.output(0).floats();
    int batches = ctx.input(0).dim(0);
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int oy = 0; oy < outH; oy++) {
        loadRows(in, b, oy);
        for (int ox = 0; ox < outW; ox++) {
          pixel(oy, ox);
          out.put(o, acc, 0, outC);
          o += outC;
        }
      }
    }
  }

  /** Copies the input rows that output row oy reads (one bulk copy each). */
  private void loadRows(FloatBuffer in, int b, int oy) {
    int iy0 = oy * strideH - padTop;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      in.get((b * inH + iy0 + fy * dilationH) * inW * inC, rows[fy - fyLo[oy]], 0, inW * inC);
    }
  }

  /**
   * Sums the taps of output pixel (oy, ox) into {@code acc}, which starts from the bias, then clamps:
   * TensorFlow Lite's optimized float kernel initializes its accumulators with the bias and adds the
   * taps to them (filter y, then filter x), so the bias goes first to give its very roundings.
   */
  private void pixel(int oy, int ox) {
    if (bias != null) {
      System.arraycopy(bias, 0, acc, 0, outC);
    } else {
      Arrays.fill(acc, 0f);
    }
    int ix0 = ox * strideW - padLeft;
    for (int fy = fyLo[oy]; fy < fyHi[oy]; fy++) {
      for (int fx = fxLo[ox]; fx < fxHi[ox]; fx++) {
        // A copy at offset 0, so that the multiply-add below vectorizes (see MultiplyAdd).
        System.arraycopy(rows[fy - fyLo[oy]], (ix0 + fx * dilationW) * inC, pixel, 0, inC);
        if (multiplier > 1) {
          expand();
        }
        MultiplyAdd.elementwise(acc, expanded, weights[fy * kW + fx], outC);
      }
    }
    MultiplyAdd.biasAndActivation(acc, null, 0, outC, activation);
  }

  private void expand() {
    int j = 0;
    for (int c = 0; c < inC; c++) {
      float v = pixel[c];
      for (int q = 0; q < multiplier; q++) {
        expanded[j++] = v;
      }
    }
  }
}
