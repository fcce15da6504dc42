package dev.lite4j.delegate;

/**
 * What a delegate can do beyond running fixed-shape partitions.
 *
 * @param dynamicShapes its kernels accept new input shapes after {@code resizeInput} (otherwise a
 *     resize moves its partitions back to the CPU)
 * @param perOpProfiling it can time the ops inside a partition
 * @param float16Dequantize it wants the float32 weights that DEQUANTIZE nodes make from float16
 *     constants as constants of its own (Lite4j widens them once, as on the CPU path)
 */
public record Capabilities(boolean dynamicShapes, boolean perOpProfiling, boolean float16Dequantize) {
  public static final Capabilities NONE = new Capabilities(false, false, false);
}
