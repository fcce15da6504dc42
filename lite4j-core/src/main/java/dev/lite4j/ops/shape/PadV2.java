package dev.lite4j.ops.shape;

import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;

/**
 * PADV2: PAD with the pad value given by a one-element third input of the input's type (quantized
 * tensors: with the output's scale and zero point); without it, as PAD.
 */
public final class PadV2 implements Kernel {
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
