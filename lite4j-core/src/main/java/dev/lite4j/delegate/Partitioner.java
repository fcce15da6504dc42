package dev.lite4j.delegate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the nodes a delegate supports into partitions that respect dependencies, as TensorFlow
 * Lite's {@code PartitionGraphIntoIndependentNodeSubsets}: nodes are taken in rounds, each round
 * taking every ready node of one kind (supported, or not), until no node of that kind is ready; then
 * the kind switches. A node is ready when every node whose output it reads is taken. A round of
 * supported nodes can never need its own output through a CPU node (that node would not be ready),
 * so every partition is convex and the partitions with the CPU nodes between them stay acyclic.
 * The largest {@code maxPartitions} partitions with at least {@code minNodes} nodes are kept.
 */
public final class Partitioner {
  private Partitioner() {}

  /**
   * @param nodeInputs tensor indices each node reads (-1 for an absent optional input)
   * @param nodeOutputs tensor indices each node writes
   * @param candidate nodes the delegate may take (supported and not taken by an earlier delegate)
   * @param active nodes that run at all (false for nodes folded into constants); inactive nodes are
   *     treated as done from the start and never join a partition
   * @return the kept partitions, each a sorted array of node indices, in execution order
   */
  public static List<int[]> partition(int[][] nodeInputs, int[][] nodeOutputs, boolean[] candidate,
      boolean[] active, DelegateOptions limits) {
    int n = nodeInputs.length;
    int[][] producers = producers(nodeInputs, nodeOutputs);
    boolean[] done = new boolean[n];
    int remaining = 0;
    for (int i = 0; i < n; i++) {
      done[i] = !active[i];
      remaining += active[i] ? 1 : 0;
    }
    List<int[]> rounds = new ArrayList<>();
    boolean kind = firstReadyKind(producers, candidate, done);
    while (remaining > 0) {
      List<Integer> taken = new ArrayList<>();
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = 0; i < n; i++) {
          if (!done[i] && candidate[i] == kind && ready(i, producers, done)) {
            done[i] = true;
            taken.add(i);
            progress = true;
          }
        }
      }
      remaining -= taken.size();
      if (kind && !taken.isEmpty()) {
        rounds.add(taken.stream().mapToInt(Integer::intValue).sorted().toArray());
      }
      kind = !kind;
    }
    return keepLargest(rounds, limits);
  }

  private static boolean firstReadyKind(int[][] producers, boolean[] candidate, boolean[] done) {
    for (int i = 0; i < producers.length; i++) {
      if (!done[i] && ready(i, producers, done)) {
        return candidate[i];
      }
    }
    return false;
  }

  private static boolean ready(int node, int[][] producers, boolean[] done) {
    for (int p : producers[node]) {
      if (!done[p]) {
        return false;
      }
    }
    return true;
  }

  /** For each node, the nodes that write a tensor it reads. */
  private static int[][] producers(int[][] nodeInputs, int[][] nodeOutputs) {
    java.util.Map<Integer, Integer> writer = new java.util.HashMap<>();
    for (int i = 0; i < nodeOutputs.length; i++) {
      for (int t : nodeOutputs[i]) {
        writer.put(t, i);
      }
    }
    int[][] out = new int[nodeInputs.length][];
    for (int i = 0; i < nodeInputs.length; i++) {
      out[i] = Arrays.stream(nodeInputs[i]).filter(t -> t >= 0 && writer.containsKey(t))
          .map(writer::get).distinct().toArray();
    }
    return out;
  }

  /** The largest partitions within the limits, back in execution order (by first node). */
  private static List<int[]> keepLargest(List<int[]> rounds, DelegateOptions limits) {
    List<int[]> bySize = new ArrayList<>(rounds);
    bySize.removeIf(p -> p.length < limits.minNodesPerPartition());
    // Largest first; ties keep the earlier partition, so the choice is stable.
    bySize.sort(Comparator.comparingInt((int[] p) -> -p.length).thenComparingInt(p -> p[0]));
    List<int[]> kept = new ArrayList<>(bySize.subList(0, Math.min(bySize.size(), limits.maxDelegatedPartitions())));
    kept.sort(Comparator.comparingInt(p -> p[0]));
    return kept;
  }
}
