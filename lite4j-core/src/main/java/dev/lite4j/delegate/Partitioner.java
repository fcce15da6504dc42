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
    int[] taken = new int[n];
    while (remaining > 0) {
      int count = 0;
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = 0; i < n; i++) {
          if (!done[i] && candidate[i] == kind && ready(i, producers, done)) {
            done[i] = true;
            taken[count++] = i;
            progress = true;
          }
        }
      }
      remaining -= count;
      if (kind && count > 0) {
        int[] round = Arrays.copyOf(taken, count);
        Arrays.sort(round);
        rounds.add(round);
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

  /**
   * For each node, the nodes that write a tensor it reads. Plain loops rather than streams: this
   * runs while an interpreter starts, often in a fresh JVM, where the first stream costs milliseconds.
   */
  private static int[][] producers(int[][] nodeInputs, int[][] nodeOutputs) {
    int maxTensor = -1;
    for (int[] outs : nodeOutputs) {
      for (int t : outs) {
        maxTensor = Math.max(maxTensor, t);
      }
    }
    for (int[] ins : nodeInputs) {
      for (int t : ins) {
        maxTensor = Math.max(maxTensor, t);
      }
    }
    int[] writer = new int[maxTensor + 1];
    Arrays.fill(writer, -1);
    for (int i = 0; i < nodeOutputs.length; i++) {
      for (int t : nodeOutputs[i]) {
        writer[t] = i;
      }
    }
    int[][] out = new int[nodeInputs.length][];
    for (int i = 0; i < nodeInputs.length; i++) {
      int[] found = new int[nodeInputs[i].length];
      int count = 0;
      for (int t : nodeInputs[i]) {
        int w = t < 0 ? -1 : writer[t];
        if (w >= 0 && !contains(found, count, w)) {
          found[count++] = w;
        }
      }
      out[i] = Arrays.copyOf(found, count);
    }
    return out;
  }

  private static boolean contains(int[] values, int count, int v) {
    for (int i = 0; i < count; i++) {
      if (values[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** The largest partitions within the limits, back in execution order (by first node). */
  private static List<int[]> keepLargest(List<int[]> rounds, DelegateOptions limits) {
    List<int[]> bySize = new ArrayList<>();
    for (int[] p : rounds) {
      if (p.length >= limits.minNodesPerPartition()) {
        bySize.add(p);
      }
    }
    // Largest first; ties keep the earlier partition, so the choice is stable.
    bySize.sort(BY_SIZE_THEN_FIRST_NODE);
    List<int[]> kept = new ArrayList<>(bySize.subList(0, Math.min(bySize.size(), limits.maxDelegatedPartitions())));
    kept.sort(BY_FIRST_NODE);
    return kept;
  }

  private static final Comparator<int[]> BY_FIRST_NODE = new Comparator<>() {
    @Override
    public int compare(int[] a, int[] b) {
      return Integer.compare(a[0], b[0]);
    }
  };

  private static final Comparator<int[]> BY_SIZE_THEN_FIRST_NODE = new Comparator<>() {
    @Override
    public int compare(int[] a, int[] b) {
      return a.length != b.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]);
    }
  };
}
