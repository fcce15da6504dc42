package dev.lite4j.delegate;

/**
 * Runs one partition. Same life as a builtin kernel: {@code prepare} after every change of input
 * shapes (all partition tensors have their shapes then), {@code run} per inference (read the
 * partition's inputs, write its outputs), {@code close} with the interpreter.
 */
public interface DelegateKernel extends AutoCloseable {
  void prepare(Partition partition) throws Exception;

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
