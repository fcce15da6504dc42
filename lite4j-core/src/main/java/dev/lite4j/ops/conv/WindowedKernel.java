package dev.lite4j.ops.conv;

import dev.lite4j.ops.Kernel;

/**
 * A convolution kernel (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV; float, integer or hybrid) with its
 * geometry unpacked into plain fields. The geometry is computed and checked once, by {@link ConvGeometry}
 * or {@link TransposeConvGeometry}; its values are copied here at prepare because the kernels' inner
 * loops read them on every tap, as fields of the kernel itself.
 */
abstract class WindowedKernel implements Kernel {
  int inH;
  int inW;
  int inC;
  int outH;
  int outW;
  int outC;
  int kH;
  int kW;
  int strideH;
  int strideW;
  int dilationH;
  int dilationW;
  int padTop;
  int padLeft;
  /** Valid filter rows [fyLo[oy], fyHi[oy]) for each output row; likewise columns for each output column. */
  int[] fyLo;
  int[] fyHi;
  int[] fxLo;
  int[] fxHi;

  /** Takes a CONV_2D or DEPTHWISE_CONV_2D geometry (all but the tap ranges: see {@link #adoptTaps}). */
  final void adopt(ConvGeometry geo) {
    adoptShapes(geo.inH(), geo.inW(), geo.inC(), geo.outC(), geo.kH(), geo.kW(), geo.window());
    place(new ConvWindow.Placement(geo.outH(), geo.outW(), geo.padTop(), geo.padLeft()));
  }

  /** The tap ranges, for a non-empty output (sizes read from an empty tensor's shape may be absurd). */
  final void adoptTaps(ConvGeometry geo) {
    ConvGeometry.Taps taps = geo.taps();
    fyLo = taps.fyLo();
    fyHi = taps.fyHi();
    fxLo = taps.fxLo();
    fxHi = taps.fxHi();
  }

  /**
   * Takes a TRANSPOSE_CONV geometry (its window has dilation 1); the output size comes from output_shape,
   * later: see {@link #place}.
   */
  final void adopt(TransposeConvGeometry geo) {
    adoptShapes(geo.inH(), geo.inW(), geo.inC(), geo.outC(), geo.kH(), geo.kW(), geo.window());
  }

  private void adoptShapes(int inH, int inW, int inC, int outC, int kH, int kW, ConvWindow window) {
    this.inH = inH;
    this.inW = inW;
    this.inC = inC;
    this.outC = outC;
    this.kH = kH;
    this.kW = kW;
    strideH = window.strideH();
    strideW = window.strideW();
    dilationH = window.dilationH();
    dilationW = window.dilationW();
  }

  /** Takes the output size and padding (TRANSPOSE_CONV: at prepare, or at run when output_shape varies). */
  final void place(ConvWindow.Placement at) {
    outH = at.outH();
    outW = at.outW();
    padTop = at.padTop();
    padLeft = at.padLeft();
  }
}
