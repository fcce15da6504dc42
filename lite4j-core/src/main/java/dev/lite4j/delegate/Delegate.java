package dev.lite4j.delegate;

/**
 * A delegate runs the part of a graph an accelerator can run. The partitioning SPI arrives with the
 * delegate issue; until then an interpreter refuses delegates with a clear error rather than
 * silently ignoring them.
 */
public interface Delegate extends AutoCloseable {
  /** The delegate's name, as logs and errors print it. */
  String name();

  @Override
  default void close() {}
}
