package dev.lite4j.ops.elementwise;

import dev.lite4j.kernels.BroadcastRows;
import dev.lite4j.ops.OpContext;
import dev.lite4j.runtime.TensorBuffer;

/** SELECT_V2: condition ? x : y with NumPy broadcasting of all three shapes. */
public final class SelectV2 extends SelectKernel {
  @Override
  BroadcastRows plan(OpContext ctx, TensorBuffer condition, TensorBuffer x, TensorBuffer y) {
    return BroadcastRows.forOutput(ctx, condition, x, y);
  }
}
