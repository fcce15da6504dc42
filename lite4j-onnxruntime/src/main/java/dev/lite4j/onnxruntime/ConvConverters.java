package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import ai.onnx.proto.OnnxMl.AttributeProto;
import dev.lite4j.DataType;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.TransposeConvOptions;

/**
 * CONV_2D and DEPTHWISE_CONV_2D as ONNX Conv in NCHW. Filters are constants laid out for ONNX at
 * conversion time (OHWI -> OIHW; depthwise [1, H, W, C*M] -> [C*M, 1, H, W] with group C, which
 * matches TensorFlow Lite's channel order c * M + m); SAME padding becomes explicit pads with the
 * odd extra at the end, as TensorFlow Lite pads.
 */
final class ConvConverters {
  private ConvConverters() {}

  /** The geometry both convolutions share. */
  record Window(int strideH, int strideW, int dilationH, int dilationW, byte padding) {
    /** ONNX pads [top, left, bottom, right] for an input of inH x inW giving outH x outW. */
    int[] pads(int inH, int inW, int kH, int kW, int outH, int outW) {
      if (padding == Padding.VALID) {
        return new int[] {0, 0, 0, 0};
      }
      int totalH = Math.max((outH - 1) * strideH + (kH - 1) * dilationH + 1 - inH, 0);
      int totalW = Math.max((outW - 1) * strideW + (kW - 1) * dilationW + 1 - inW, 0);
      return new int[] {totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2};
    }

    String check() {
      if (strideH < 1 || strideW < 1) {
        return "strides " + strideH + "x" + strideW + " are not positive";
      }
      if (dilationH < 1 || dilationW < 1) {
        return "dilation " + dilationH + "x" + dilationW + " is not positive";
      }
      return Checks.padding(padding);
    }
  }

  static final OpConverter CONV_2D = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = common(n);
      if (r != null) {
        return r;
      }
      Conv2DOptions o = n.options(new Conv2DOptions());
      r = window(o).check();
      if (r != null) {
        return r;
      }
      TensorBuffer x = in(n, 0);
      TensorBuffer w = in(n, 1);
      int inC = x.dim(3);
      int filterC = w.dim(3);
      if (filterC < 1 || inC % filterC != 0 || w.dim(0) % (inC / filterC) != 0) {
        return "input channels " + inC + " and filter " + java.util.Arrays.toString(w.shape())
            + " do not make whole groups";
      }
      return Checks.fusedActivation(o.fusedActivationFunction());
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      Conv2DOptions o = n.options(new Conv2DOptions());
      TensorBuffer w = in(n, 1);
      String weights = OnnxGraph.tfName(w) + "_oihw";
      g.addWeight(weights, OnnxGraph.permute(w.shape(), OnnxGraph.TO_NCHW), w, w.shape(), OnnxGraph.TO_NCHW);
      int groups = in(n, 0).dim(3) / w.dim(3);
      emit(n, g, window(o), weights, groups, o.fusedActivationFunction());
    }

    private Window window(Conv2DOptions o) {
      return new Window(o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(), o.padding());
    }
  };

  static final OpConverter DEPTHWISE_CONV_2D = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = common(n);
      if (r != null) {
        return r;
      }
      DepthwiseConv2DOptions o = n.options(new DepthwiseConv2DOptions());
      r = window(o).check();
      if (r != null) {
        return r;
      }
      TensorBuffer x = in(n, 0);
      TensorBuffer w = in(n, 1);
      // As TensorFlow Lite 2.x: the multiplier comes from the shapes, not the depth_multiplier option.
      if (w.dim(0) != 1 || x.dim(3) < 1 || w.dim(3) % x.dim(3) != 0) {
        return "filter " + java.util.Arrays.toString(w.shape()) + " does not fit " + x.dim(3) + " input channels";
      }
      return Checks.fusedActivation(o.fusedActivationFunction());
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      DepthwiseConv2DOptions o = n.options(new DepthwiseConv2DOptions());
      TensorBuffer w = in(n, 1);
      String weights = OnnxGraph.tfName(w) + "_dw";
      int[] perm = {3, 0, 1, 2};
      g.addWeight(weights, OnnxGraph.permute(w.shape(), perm), w, w.shape(), perm);
      emit(n, g, window(o), weights, in(n, 0).dim(3), o.fusedActivationFunction());
    }

    private Window window(DepthwiseConv2DOptions o) {
      return new Window(o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(), o.padding());
    }
  };

  /**
   * TRANSPOSE_CONV as ConvTranspose: input pixel (y, x) with tap (fy, fx) adds to output
   * (y * stride - pad + fy, ...) in both. The padding is TensorFlow Lite's (that of a convolution from
   * the output size back to the input size); the end padding, or ONNX's output_padding when the
   * output is longer, make ONNX produce exactly the requested output size.
   */
  static final OpConverter TRANSPOSE_CONV = new OpConverter() {
    @Override
    public String check(DelegateNode n) {
      String r = Checks.constantInts(n, 0, "output_shape");
      if (r == null) {
        r = Checks.constantFloat(n, 1, "weights");
      }
      if (r == null) {
        r = Checks.floats(n, 2);
      }
      if (r != null) {
        return r;
      }
      TensorBuffer w = in(n, 1);
      TensorBuffer x = in(n, 2);
      TensorBuffer y = out(n, 0);
      if (w.rank() != 4 || x.rank() != 4 || y.rank() != 4) {
        return "weights, input and output must have rank 4";
      }
      TensorBuffer b = in(n, 3);
      if (b != null && (b.type() != DataType.FLOAT32 || b.numElements() != w.dim(0))) {
        return "bias " + b + " is not float32 [" + w.dim(0) + "]";
      }
      TransposeConvOptions o = n.options(new TransposeConvOptions());
      r = new Window(o.strideH(), o.strideW(), 1, 1, o.padding()).check();
      if (r != null) {
        return r;
      }
      int[] h = geometry(x.dim(1), w.dim(1), o.strideH(), y.dim(1), o.padding());
      int[] v = geometry(x.dim(2), w.dim(2), o.strideW(), y.dim(2), o.padding());
      if (h[2] >= Math.max(o.strideH(), 1) || v[2] >= Math.max(o.strideW(), 1)) {
        return "the output is longer than ONNX's output_padding can make it";
      }
      return Checks.fusedActivation(o.fusedActivationFunction());
    }

    /** [pad before, pad after, output padding] along one axis. */
    private int[] geometry(int in, int k, int stride, int out, byte padding) {
      int full = (in - 1) * stride + k;
      int before = padding == Padding.VALID ? 0 : Math.max(full - out, 0) / 2;
      int after = full - before - out;
      return after >= 0 ? new int[] {before, after, 0} : new int[] {before, 0, -after};
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TransposeConvOptions o = n.options(new TransposeConvOptions());
      TensorBuffer w = in(n, 1);
      TensorBuffer x = in(n, 2);
      TensorBuffer b = in(n, 3);
      TensorBuffer y = out(n, 0);
      // [O, H, W, I] -> [I, O, H, W], ONNX's (input channels, output channels, kernel) order.
      int[] perm = {3, 0, 1, 2};
      String weights = OnnxGraph.tfName(w) + "_iohw";
      g.addWeight(weights, OnnxGraph.permute(w.shape(), perm), w, w.shape(), perm);
      int[] h = geometry(x.dim(1), w.dim(1), o.strideH(), y.dim(1), o.padding());
      int[] v = geometry(x.dim(2), w.dim(2), o.strideW(), y.dim(2), o.padding());
      List<String> inputs = new ArrayList<>(List.of(g.nchw(x), weights));
      if (b != null) {
        inputs.add(b.rank() == 1 ? g.tf(b) : g.node("Reshape", List.of(g.tf(b), g.int64s(w.dim(0))), g.fresh("bias")));
      }
      String result = g.nchwOut(y);
      byte activation = o.fusedActivationFunction();
      String target = Activations.target(g, activation, result);
      g.node("ConvTranspose", inputs, target,
          OnnxGraph.ints("kernel_shape", w.dim(1), w.dim(2)),
          OnnxGraph.ints("strides", o.strideH(), o.strideW()),
          OnnxGraph.ints("pads", h[0], v[0], h[1], v[1]),
          OnnxGraph.ints("output_padding", h[2], v[2]));
      Activations.apply(g, activation, target, result);
    }
  };

  /** Input, constant float filter, optional constant float bias of the output depth, rank-4 tensors. */
  private static String common(DelegateNode n) {
    String r = Checks.floats(n, 0);
    if (r != null) {
      return r;
    }
    r = Checks.constantFloat(n, 1, "filter");
    if (r != null) {
      return r;
    }
    TensorBuffer x = in(n, 0);
    TensorBuffer w = in(n, 1);
    r = Checks.rank(x, 4, "input");
    if (r == null) {
      r = Checks.rank(w, 4, "filter");
    }
    if (r == null) {
      r = Checks.rank(out(n, 0), 4, "output");
    }
    if (r != null) {
      return r;
    }
    TensorBuffer b = in(n, 2);
    if (b != null) {
      if (b.type() != DataType.FLOAT32) {
        return "bias is " + b.type() + ", not float32";
      }
      if (b.rank() != 1 || b.dim(0) != out(n, 0).dim(3)) {
        return "bias shape " + java.util.Arrays.toString(b.shape()) + " is not [output channels]";
      }
    }
    return null;
  }

  private static void emit(DelegateNode n, OnnxGraph g, Window win, String weights, int groups, byte activation) {
    TensorBuffer x = in(n, 0);
    TensorBuffer w = in(n, 1);
    TensorBuffer b = in(n, 2);
    TensorBuffer y = out(n, 0);
    int kH = w.dim(1);
    int kW = w.dim(2);
    List<String> inputs = new ArrayList<>(List.of(g.nchw(x), weights));
    if (b != null) {
      inputs.add(g.tf(b));
    }
    String result = g.nchwOut(y);
    String target = Activations.target(g, activation, result);
    // Attributes at ONNX's defaults (strides and dilations 1, pads 0, group 1) are left out: fewer
    // protobuf objects to build and write, which a fresh JVM does slowly.
    List<AttributeProto> attributes = new ArrayList<>();
    attributes.add(OnnxGraph.ints("kernel_shape", kH, kW));
    if (win.strideH() != 1 || win.strideW() != 1) {
      attributes.add(OnnxGraph.ints("strides", win.strideH(), win.strideW()));
    }
    if (win.dilationH() != 1 || win.dilationW() != 1) {
      attributes.add(OnnxGraph.ints("dilations", win.dilationH(), win.dilationW()));
    }
    int[] pads = win.pads(x.dim(1), x.dim(2), kH, kW, y.dim(1), y.dim(2));
    if (pads[0] != 0 || pads[1] != 0 || pads[2] != 0 || pads[3] != 0) {
      attributes.add(OnnxGraph.ints("pads", pads));
    }
    if (groups != 1) {
      attributes.add(OnnxGraph.i("group", groups));
    }
    g.node("Conv", inputs, target, attributes.toArray(new AttributeProto[0]));
    Activations.apply(g, activation, target, result);
  }
}
