package dev.lite4j.testutil;

import org.tensorflow.lite.schema.Pool2DOptionsT;

/** Builtin options the one-op tests and golden models build more than once. */
public final class OpOptions {
  private OpOptions() {}

  /** Pool2DOptions: padding, filter height and width, strides and the fused activation. */
  public static Pool2DOptionsT pool2d(byte padding, int fh, int fw, int sh, int sw, byte activation) {
    Pool2DOptionsT o = new Pool2DOptionsT();
    o.setPadding(padding);
    o.setFilterHeight(fh);
    o.setFilterWidth(fw);
    o.setStrideH(sh);
    o.setStrideW(sw);
    o.setFusedActivationFunction(activation);
    return o;
  }
}
