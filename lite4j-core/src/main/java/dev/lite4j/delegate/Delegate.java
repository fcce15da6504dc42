package dev.lite4j.delegate;

/**
 * A delegate runs the part of a graph an accelerator can run, as TensorFlow Lite's delegates do:
 * it answers per node whether it can take it (and why not), the runtime groups the nodes it takes
 * into partitions ({@link Partitioner}), and the delegate builds one {@link DelegateKernel} per
 * partition. Every other node runs on Lite4j's CPU kernels.
 *
 * <p>A delegate belongs to its creator: interpreters close the kernels it made, never the delegate.
 */
public interface Delegate extends AutoCloseable {
  /** The delegate's name, as logs, reports and {@code --delegate=NAME} spell it. */
  String name();

  /** Partition limits (TensorFlow Lite's max_delegated_partitions, min_nodes_per_partition). */
  default DelegateOptions options() {
    return DelegateOptions.DEFAULT;
  }

  default Capabilities capabilities() {
    return Capabilities.NONE;
  }

  /**
   * Whether this delegate can run {@code node}: op, version, types, constant weights, shapes and
   * options are all in view. Called after shapes are known; must not keep the node.
   */
  NodeSupport supports(DelegateNode node);

  /** Builds the kernel for one partition; a failure here moves the partition back to the CPU. */
  DelegateKernel createKernel(Partition partition) throws Exception;

  @Override
  default void close() {}
}
