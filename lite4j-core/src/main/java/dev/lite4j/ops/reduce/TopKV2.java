package dev.lite4j.ops.reduce;

import dev.lite4j.DataType;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;

/**
 * TOPK_V2: the k largest elements of each last-dimension row, sorted descending, and their indices;
 * equal values come lower index first (TF Lite's TopContainer order, NaN ranked above everything so the
 * order stays total). k is a one-element int32 (or int16, version 3) tensor; outputs are the values
 * (input type: float32, int8, uint8, int16, int32, int64) and int32 (or int16) indices. When k is not
 * constant the output shapes are resolved at run time.
 */
public final class TopKV2 implements Kernel {
  private boolean dynamic;
  private int k;
  private int[] order;
  private int[] scratch;
  private double[] floatKeys;
  private long[] intKeys;

  @Override
  public void prepare(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer kTensor = ctx.input(1);
    ctx.require(in != null && kTensor != null && ctx.outputCount() >= 2,
        "needs an input, k, and two outputs (values, indices)");
    switch (in.type()) {
      case FLOAT32, INT8, UINT8, INT16, INT32, INT64 -> { }
      default -> throw ctx.unsupported("type " + in.type() + " is not supported");
    }
    ctx.require(ctx.output(0).type() == in.type(), "values type %s differs from input type %s",
        ctx.output(0).type(), in.type());
    DataType indexType = ctx.output(1).type();
    ctx.require(indexType == DataType.INT32 || indexType == DataType.INT16, "indices must be int32 or int16, not %s",
        indexType);
    ctx.require(kTensor.type() == DataType.INT32 || kTensor.type() == DataType.INT16,
        "k must be int32 or int16, not %s", kTensor.type());
    ctx.require(kTensor.numElements() == 1, "k must hold one value, not %d", kTensor.numElements());
    ctx.require(in.rank() >= 1, "input must have at least one dimension");
    int rowLength = in.dim(in.rank() - 1);
    ctx.require(indexType != DataType.INT16 || rowLength <= Short.MAX_VALUE + 1,
        "int16 indices cannot address a row of %d", rowLength);
    order = new int[rowLength];
    scratch = new int[rowLength];
    floatKeys = in.type() == DataType.FLOAT32 ? new double[rowLength] : null;
    intKeys = in.type() == DataType.FLOAT32 ? null : new long[rowLength];
    dynamic = !kTensor.isConstant();
    if (dynamic) {
      ctx.setOutputDynamic(0);
      ctx.setOutputDynamic(1);
    } else {
      int[] shape = outputShape(ctx);
      ctx.setOutputShape(0, shape);
      ctx.setOutputShape(1, shape);
    }
  }

  /** Reads k, checks 0 <= k <= last dimension, and returns the input shape with the last dimension k. */
  private int[] outputShape(OpContext ctx) {
    TensorBuffer in = ctx.input(0);
    TensorBuffer kTensor = ctx.input(1);
    k = kTensor.type() == DataType.INT32 ? kTensor.ints().get(0) : kTensor.shorts().get(0);
    int last = in.dim(in.rank() - 1);
    ctx.require(k >= 0 && k <= last, "k = %d must be between 0 and the last dimension %d", k, last);
    int[] shape = in.shape().clone();
    shape[shape.length - 1] = k;
    return shape;
  }

  @Override
  public void run(OpContext ctx) {
    if (dynamic) {
      int[] shape = outputShape(ctx);
      ctx.resizeDynamicOutput(0, shape);
      ctx.resizeDynamicOutput(1, shape);
    }
    TensorBuffer in = ctx.input(0);
    TensorBuffer values = ctx.output(0);
    TensorBuffer indices = ctx.output(1);
    int n = order.length;
    if (k == 0 || n == 0) {
      return;
    }
    int rows = in.numElements() / n;
    int size = in.type().byteSize();
    ByteBuffer src = in.bytes();
    ByteBuffer dst = values.bytes();
    for (int r = 0; r < rows; r++) {
      loadKeys(in, r * n);
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      sort(0, n);
      for (int j = 0; j < k; j++) {
        int outIndex = r * k + j;
        dst.put(outIndex * size, src, (r * n + order[j]) * size, size);
        if (indices.type() == DataType.INT32) {
          indices.ints().put(outIndex, order[j]);
        } else {
          indices.shorts().put(outIndex, (short) order[j]);
        }
      }
    }
  }

  /** One row as exact sort keys: floats (NaN mapped above +inf), or integers (uint8 unsigned). */
  private void loadKeys(TensorBuffer in, int from) {
    int n = order.length;
    for (int i = 0; i < n; i++) {
      int p = from + i;
      switch (in.type()) {
        case FLOAT32 -> {
          float v = in.floats().get(p);
          floatKeys[i] = Float.isNaN(v) ? Double.POSITIVE_INFINITY
              : v == Float.POSITIVE_INFINITY ? Double.MAX_VALUE : v;
        }
        case INT8 -> intKeys[i] = in.bytes().get(p);
        case UINT8 -> intKeys[i] = in.bytes().get(p) & 0xff;
        case INT16 -> intKeys[i] = in.shorts().get(p);
        case INT32 -> intKeys[i] = in.ints().get(p);
        default -> intKeys[i] = in.longs().get(p);
      }
    }
  }

  /** True when element a ranks before element b: larger value first (-0.0 equals 0.0). */
  private boolean before(int a, int b) {
    return floatKeys != null ? floatKeys[a] > floatKeys[b] : intKeys[a] > intKeys[b];
  }

  /** Stable merge sort of order[from, to) by rank, so equal values keep ascending indices. */
  private void sort(int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sort(from, mid);
    sort(mid, to);
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      scratch[o++] = before(order[j], order[i]) ? order[j++] : order[i++];
    }
    while (i < mid) {
      scratch[o++] = order[i++];
    }
    while (j < to) {
      scratch[o++] = order[j++];
    }
    System.arraycopy(scratch, from, order, from, to - from);
  }
}
