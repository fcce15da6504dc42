package dev.lite4j.ops.reduce;

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
}
