package dev.lite4j.delegate;

import java.util.List;

/**
 * Where each node of a planned graph runs, and why it stayed on the CPU where it did.
 *
 * @param nodes one row per node, in node order
 * @param summary one line per delegate, as TensorFlow Lite logs it: "NAME: replaced N of M nodes, K partitions"
 */
public record DelegationReport(List<Node> nodes, List<String> summary) {
  /** Where node {@code index} runs: "cpu", "constant" (folded once at prepare) or "NAME#k" (partition k). */
  public record Node(int index, String op, String placement, String reason) {}

  public static final DelegationReport CPU_ONLY = new DelegationReport(List.of(), List.of());

  /** Nodes that run on the CPU at every inference. */
  public long cpuNodeCount() {
    return nodes.stream().filter(n -> n.placement().equals("cpu")).count();
  }
}
