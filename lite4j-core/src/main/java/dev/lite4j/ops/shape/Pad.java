package dev.lite4j.ops.shape;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;

/**
 * PAD: pads each dimension with the [rank, 2] paddings matrix (int32/int64, entries >= 0) using 0, or
 * the output zero point for quantized tensors. Float32, int32, int64, int8, uint8, int16; a
 * non-constant paddings matrix makes the output dynamic.
 */
public final class Pad implements Kernel {
  private final ConstantPad pad = new ConstantPad();

  @Override
  public void prepare(OpContext ctx) {
    pad.prepare(ctx);
  }

  @Override
  public void run(OpContext ctx) {
    pad.run(ctx);
  }
}
