package dev.lite4j.delegate;

/**
 * Runs one partition. Same life as a builtin kernel: {@code prepare} after every change of input
 * shapes (all partition tensors have their shapes then), {@code run} per inference (read the
 * partition's inputs, write its outputs), {@code close} with the interpreter.
 */
public interface DelegateKernel extends AutoCloseable {
  void prepare(Partition partition) throws Exception;

  void run(Partition partition) throws Exception;

  @Override
  default void close() {}
}
