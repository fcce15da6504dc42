package dev.lite4j.delegate;

/**
 * Runs one partition. Same life as a builtin kernel: {@code prepare} after every change of input
 * shapes (all partition tensors have their shapes then), {@code run} per inference (read the
 * partition's inputs, write its outputs), {@code close} with the interpreter.
 */
public interface DelegateKernel extends AutoCloseable {
  void prepare(Partition partition) throws Exception;

  /**
   * Waits for work {@code prepare} started in the background and throws what failed it. The runtime
   * calls it once its own preparation after {@code prepare} (placing tensors, packing CPU kernels,
   * logging) is done, so a delegate can overlap slow work (compiling a model) with the runtime's. A
   * failure here is treated as a failure in {@code prepare}. A kernel that starts on the CPU and
   * switches later ({@link #ready} false meanwhile) returns at once.
   */
  default void awaitPrepared() throws Exception {}

  void run(Partition partition) throws Exception;

  /**
   * False while the kernel is still getting ready in the background (a delegate that starts on the
   * CPU and switches when its compiled model is ready): the runtime then runs the partition on the
   * CPU for this inference, without counting it as a failure.
   */
  default boolean ready() {
    return true;
  }

  @Override
  default void close() {}
}
