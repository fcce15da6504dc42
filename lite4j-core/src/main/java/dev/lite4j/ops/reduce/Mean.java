package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.IntTensors;
import dev.lite4j.ops.OpContext;

import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * MEAN over the axes, as TF Lite: sum in C order (float32 in a float, int32 and int64 in an int64),
 * then divide by the number of reduced elements (as a float for float32; integer division truncating
 * toward zero for integers). An empty reduction gives NaN for float32 and 0 for integers, as current TF
 * Lite's InitializeMeanOutput.
 */
public final class Mean extends Reduction {
  @Override
  void reduceFloat(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    FloatBuffer src = in.floats();
    FloatBuffer dst = out.floats();
    float count = w.reducedCount;
    for (int o = 0; o < w.outputCount; o++) {
      float sum = 0f;
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          sum += src.get(p);
        }
      }
      dst.put(o, w.reducedCount == 0 ? Float.NaN : sum / count);
    }
  }

  @Override
  void reduceInt(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    IntBuffer src = in.ints();
    IntBuffer dst = out.ints();
    for (int o = 0; o < w.outputCount; o++) {
      long sum = 0;
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          sum += src.get(p);
        }
      }
      dst.put(o, w.reducedCount == 0 ? 0 : (int) (sum / w.reducedCount));
    }
  }

  @Override
  void reduceLong(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    LongBuffer src = in.longs();
    LongBuffer dst = out.longs();
    for (int o = 0; o < w.outputCount; o++) {
      long sum = 0;
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          sum += src.get(p);
        }
      }
      dst.put(o, w.reducedCount == 0 ? 0 : sum / w.reducedCount);
    }
  }

  @Override
  boolean integers() {
    return true;
  }

  /**
   * TF Lite 2.6 on x86 (the reference MEAN kernel) picks one of three integer rules: a 4-D input reduced
   * over axes exactly [1, 2] or [2, 1] (as written, not normalised) with keep_dims gets the H,W rule of
   * its type; otherwise equal quantization gives the truncated integer mean, else the float rescale.
   */
  @Override
  void reduceQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    int[] axes = IntTensors.read(ctx, ctx.input(1), "axis");
    boolean hw = in.rank() == 4 && w.outputShape.length == 4 && axes.length == 2
        && ((axes[0] == 1 && axes[1] == 2) || (axes[0] == 2 && axes[1] == 1)) && in.numElements() > 0;
    if (hw) {
      if (in.type() == DataType.UINT8) {
        QuantizedMeanSum.uint8MeanHw(in, out, w);
      } else {
        QuantizedMeanSum.integerMeanHw(in, out, w);
      }
    } else if (in.quantization().scale() == out.quantization().scale()
        && in.quantization().zeroPoint() == out.quantization().zeroPoint()) {
      QuantizedMeanSum.plainMean(in, out, w);
    } else {
      QuantizedMeanSum.meanOrSum(in, out, w, false);
    }
  }
}
