package dev.lite4j.delegate;

/**
 * How much of a graph a delegate takes: at most {@code maxDelegatedPartitions} partitions (the
 * largest ones), each with at least {@code minNodesPerPartition} nodes; the rest stays on the CPU.
 */
public record DelegateOptions(int maxDelegatedPartitions, int minNodesPerPartition) {
  public static final DelegateOptions DEFAULT = new DelegateOptions(Integer.MAX_VALUE, 1);

  public DelegateOptions {
    if (maxDelegatedPartitions < 0) {
      throw new IllegalArgumentException("maxDelegatedPartitions must be >= 0, was " + maxDelegatedPartitions);
    }
    if (minNodesPerPartition < 1) {
      throw new IllegalArgumentException("minNodesPerPartition must be >= 1, was " + minNodesPerPartition);
    }
  }
}
