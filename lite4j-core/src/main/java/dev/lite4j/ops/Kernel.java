package dev.lite4j.ops;

/**
 * The computation of one operator node. One instance per node per interpreter, so a kernel may keep
 * what {@code prepare} computed (decoded options, packed weights, scratch) in its fields.
 */
public interface Kernel {
  /**
   * Checks types and shapes, reads options, and sets every output's shape with
   * {@link OpContext#setOutputShape} (or {@link OpContext#setOutputDynamic} when the shape depends on
   * input data that is not constant). Input data may be read here only where
   * {@code input.isConstant()}. Called again after any input is resized.
   */
  void prepare(OpContext ctx);

  /**
   * Packs constant weights and allocates scratch for {@link #run}: called after {@code prepare},
   * only for nodes that will run on the CPU (a node a delegate took is packed only if its partition
   * ever falls back), so delegated graphs do not pay for CPU weight layouts at start-up.
   */
  default void pack(OpContext ctx) {}

  /** Computes the outputs from the inputs; allocates nothing (dynamic outputs excepted). */
  void run(OpContext ctx);
}
