package dev.lite4j.onnxruntime;

import static dev.lite4j.onnxruntime.Checks.in;
import static dev.lite4j.onnxruntime.Checks.out;

import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.runtime.TensorBuffer;
import java.util.List;
import org.tensorflow.lite.schema.ResizeBilinearOptions;
import org.tensorflow.lite.schema.ResizeNearestNeighborOptions;

/**
 * RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR as ONNX Resize (NCHW, output sizes given), with the
 * coordinate mapping TensorFlow Lite uses: align_corners -> align_corners; half_pixel_centers ->
 * half_pixel (bilinear: TF Lite clamps the source index to the input as ONNX Runtime does) or
 * tf_half_pixel_for_nn (nearest); neither -> asymmetric.
 */
final class ResizeConverters {
  private ResizeConverters() {}

  static final class ResizeConverter implements OpConverter {
    private final boolean bilinear;

    ResizeConverter(boolean bilinear) {
      this.bilinear = bilinear;
    }

    @Override
    public String check(DelegateNode n) {
      String r = Checks.floats(n, 0);
      if (r == null) {
        r = Checks.rank(in(n, 0), 4, "input");
      }
      if (r != null) {
        return r;
      }
      if (alignCorners(n) && halfPixelCenters(n)) {
        return "align_corners and half_pixel_centers together";
      }
      return null;
    }

    private boolean alignCorners(DelegateNode n) {
      return bilinear ? n.options(new ResizeBilinearOptions()).alignCorners()
          : n.options(new ResizeNearestNeighborOptions()).alignCorners();
    }

    private boolean halfPixelCenters(DelegateNode n) {
      return bilinear ? n.options(new ResizeBilinearOptions()).halfPixelCenters()
          : n.options(new ResizeNearestNeighborOptions()).halfPixelCenters();
    }

    @Override
    public void convert(DelegateNode n, OnnxGraph g) {
      TensorBuffer x = in(n, 0);
      TensorBuffer y = out(n, 0);
      boolean align = alignCorners(n);
      boolean half = halfPixelCenters(n);
      String mapping = align ? "align_corners" : half ? (bilinear ? "half_pixel" : "tf_half_pixel_for_nn") : "asymmetric";
      String sizes = g.int64s(y.dim(0), y.dim(3), y.dim(1), y.dim(2));
      if (bilinear) {
        g.node("Resize", List.of(g.nchw(x), "", "", sizes), g.nchwOut(y), OnnxGraph.s("mode", "linear"),
            OnnxGraph.s("coordinate_transformation_mode", mapping));
      } else {
        // TF Lite rounds half away from zero with align_corners (non-negative here), else floors.
        g.node("Resize", List.of(g.nchw(x), "", "", sizes), g.nchwOut(y), OnnxGraph.s("mode", "nearest"),
            OnnxGraph.s("coordinate_transformation_mode", mapping),
            OnnxGraph.s("nearest_mode", align ? "round_prefer_ceil" : "floor"));
      }
    }
  }

  static final OpConverter RESIZE_BILINEAR = new ResizeConverter(true);
  static final OpConverter RESIZE_NEAREST_NEIGHBOR = new ResizeConverter(false);
}
