package dev.lite4j.ops;

import dev.lite4j.DataType;
import dev.lite4j.runtime.TensorBuffer;

/**
 * A node whose implementation depends on its tensors' types (float, integer-quantized, hybrid): the
 * family's {@link Chooser} picks it at the first prepare, when the types are known, and every call goes
 * to it from then on. Types never change after the model is read, so the choice is made once.
 */
public final class TypeDispatch implements Kernel {
  /** Picks the kernel for a node of {@code builtinCode} from its tensors' types. */
  public interface Chooser {
    Kernel choose(int builtinCode, OpContext ctx);
  }

  /** How a node computes, read from its data input and weights. */
  public enum Arithmetic {
    /** Float inputs and float weights (also float16 weights dequantized before the node). */
    FLOAT,
    /** INT8, UINT8 or INT16 inputs: TensorFlow Lite's integer kernels. */
    INTEGER,
    /** Float inputs with INT8/UINT8 weights: TensorFlow Lite's hybrid (dynamic-range) kernels. */
    HYBRID;

    /** The arithmetic of a node with data input {@code dataInput} and weights at input {@code weightInput}. */
    public static Arithmetic of(OpContext ctx, int dataInput, int weightInput) {
      TensorBuffer data = ctx.input(dataInput);
      TensorBuffer weights = ctx.input(weightInput);
      if (data == null) {
        return FLOAT;
      }
      switch (data.type()) {
        case INT8, UINT8, INT16 -> {
          return INTEGER;
        }
        case FLOAT32 -> {
          if (weights != null && (weights.type() == DataType.INT8 || weights.type() == DataType.UINT8)) {
            return HYBRID;
          }
          return FLOAT;
        }
        default -> {
          return FLOAT; // the float kernel refuses other types with its own message
        }
      }
    }
  }

  private final Chooser chooser;
  private final int builtinCode;
  private Kernel chosen;

  public TypeDispatch(Chooser chooser, int builtinCode) {
    this.chooser = chooser;
    this.builtinCode = builtinCode;
  }

  /** The implementation picked (null before the first prepare). */
  public Kernel chosen() {
    return chosen;
  }

  @Override
  public void prepare(OpContext ctx) {
    if (chosen == null) {
      chosen = chooser.choose(builtinCode, ctx);
    }
    chosen.prepare(ctx);
  }

  @Override
  public void pack(OpContext ctx) {
    chosen.pack(ctx);
  }

  @Override
  public void run(OpContext ctx) {
    chosen.run(ctx);
  }
}
