package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.kernels.QuantizedTensors;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * A reduction that folds an operator over the reduced elements from an initial value, as TF Lite's
 * reference ReduceGeneric does: acc = init, then acc = fold(acc, x) for each x in C order (integers
 * wrap as in C). An empty reduction gives the initial value. When every dimension is reduced, TF Lite
 * (ReduceAllDims) starts from the first element instead, which matters for max/min of infinities
 * and NaN and for a sum of -0.0.
 */
abstract class FoldReduction extends Reduction {
  abstract float initFloat();

  abstract float fold(float acc, float x);

  abstract int initInt();

  abstract int fold(int acc, int x);

  abstract long initLong();

  abstract long fold(long acc, long x);

  /**
   * The integer path of a fold (SUM without rescaling, REDUCE_MAX, REDUCE_MIN): TF Lite's EvalLogic folds
   * the stored integers in the tensor's type from {@code initQuantized} (wrapping, for sums) and requires
   * the output to share the input's quantization.
   */
  int initQuantized(DataType type) {
    return initInt();
  }

  @Override
  void prepareQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out) {
    requireSameQuantization(ctx, in, out);
  }

  @Override
  void reduceQuantized(OpContext ctx, TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    for (int o = 0; o < w.outputCount; o++) {
      int acc = initQuantized(in.type());
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          acc = fold(acc, QuantizedTensors.get(in, p));
        }
      }
      QuantizedTensors.set(out, o, acc); // narrowing wraps, as the C++ sum in T does
    }
  }

  @Override
  final void reduceFloat(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    FloatBuffer src = in.floats();
    FloatBuffer dst = out.floats();
    if (w.allDims) {
      float acc = w.reducedCount > 0 ? src.get(0) : initFloat();
      for (int i = 1; i < w.reducedCount; i++) {
        acc = fold(acc, src.get(i));
      }
      dst.put(0, acc);
      return;
    }
    for (int o = 0; o < w.outputCount; o++) {
      float acc = initFloat();
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          acc = fold(acc, src.get(p));
        }
      }
      dst.put(o, acc);
    }
  }

  @Override
  final void reduceInt(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    IntBuffer src = in.ints();
    IntBuffer dst = out.ints();
    if (w.allDims) {
      int acc = w.reducedCount > 0 ? src.get(0) : initInt();
      for (int i = 1; i < w.reducedCount; i++) {
        acc = fold(acc, src.get(i));
      }
      dst.put(0, acc);
      return;
    }
    for (int o = 0; o < w.outputCount; o++) {
      int acc = initInt();
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          acc = fold(acc, src.get(p));
        }
      }
      dst.put(o, acc);
    }
  }

  @Override
  final void reduceLong(TensorBuffer in, TensorBuffer out, ReduceWalk w) {
    LongBuffer src = in.longs();
    LongBuffer dst = out.longs();
    if (w.allDims) {
      long acc = w.reducedCount > 0 ? src.get(0) : initLong();
      for (int i = 1; i < w.reducedCount; i++) {
        acc = fold(acc, src.get(i));
      }
      dst.put(0, acc);
      return;
    }
    for (int o = 0; o < w.outputCount; o++) {
      long acc = initLong();
      for (int outer : w.outerOffsets) {
        int p = w.bases[o] + outer;
        for (int j = 0; j < w.innerCount; j++, p += w.innerStride) {
          acc = fold(acc, src.get(p));
        }
      }
      dst.put(o, acc);
    }
  }
}
