package dev.lite4j.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Graphs drawn as text, one node per line: {@code out = KIND(in, ...)}, KIND {@code S} for a node
 * the delegate supports, {@code C} for one that stays on the CPU, {@code K} for a folded constant
 * node. Expected partitions are written as the outputs of their nodes: {@code "[a c] [d]"}.
 */
class PartitionerTest {

  private static String partitions(DelegateOptions limits, String... picture) {
    int n = picture.length;
    Map<String, Integer> tensorIds = new HashMap<>();
    int[][] ins = new int[n][];
    int[][] outs = new int[n][];
    boolean[] candidate = new boolean[n];
    boolean[] active = new boolean[n];
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      String line = picture[i].replace(" ", "");
      String out = line.substring(0, line.indexOf('='));
      char kind = line.charAt(line.indexOf('=') + 1);
      String args = line.substring(line.indexOf('(') + 1, line.indexOf(')'));
      names[i] = out;
      outs[i] = new int[] {tensorIds.computeIfAbsent(out, k -> tensorIds.size())};
      ins[i] = args.isEmpty() ? new int[0] : java.util.Arrays.stream(args.split(","))
          .mapToInt(a -> tensorIds.computeIfAbsent(a, k -> tensorIds.size())).toArray();
      candidate[i] = kind == 'S';
      active[i] = kind != 'K';
    }
    List<String> groups = new ArrayList<>();
    for (int[] p : Partitioner.partition(ins, outs, candidate, active, limits)) {
      List<String> members = new ArrayList<>();
      for (int node : p) {
        members.add(names[node]);
      }
      groups.add("[" + String.join(" ", members) + "]");
    }
    return String.join(" ", groups);
  }

  private static String partitions(String... picture) {
    return partitions(DelegateOptions.DEFAULT, picture);
  }

  @Test
  void wholeGraphIsOnePartition() {
    assertEquals("[a b c]", partitions(
        "a = S(x)",
        "b = S(a)",
        "c = S(b, a)"));
  }

  @Test
  void aCpuNodeSplitsAChain() {
    assertEquals("[a] [c]", partitions(
        "a = S(x)",
        "b = C(a)",
        "c = S(b)"));
  }

  @Test
  void aPartitionNeverNeedsItsOwnOutputThroughTheCpu() {
    //   x -> a(S) -> b(C) -> d(S)
    //          \--> c(S) ---^
    // d cannot join [a c]: it waits for b, which waits for a. Joining would make a cycle.
    assertEquals("[a c] [d]", partitions(
        "a = S(x)",
        "b = C(a)",
        "c = S(a)",
        "d = S(b, c)"));
  }

  @Test
  void independentBranchesJoinOneRound() {
    //   x -> a(S) -> b(S)      y -> c(C) -> d(S)
    assertEquals("[a b] [d]", partitions(
        "a = S(x)",
        "b = S(a)",
        "c = C(y)",
        "d = S(c)"));
  }

  @Test
  void maxPartitionsKeepsTheLargest() {
    String[] picture = {
        "a = S(x)",
        "b = C(a)",
        "c = S(b)",
        "d = S(c)",
        "e = C(d)",
        "f = S(e)"};
    assertEquals("[a] [c d] [f]", partitions(picture));
    assertEquals("[c d]", partitions(new DelegateOptions(1, 1), picture));
    // Ties keep the earlier partition.
    assertEquals("[a] [c d]", partitions(new DelegateOptions(2, 1), picture));
  }

  @Test
  void minNodesDropsSmallPartitions() {
    assertEquals("[c d]", partitions(new DelegateOptions(Integer.MAX_VALUE, 2),
        "a = S(x)",
        "b = C(a)",
        "c = S(b)",
        "d = S(c)"));
  }

  @Test
  void foldedConstantNodesAreNeitherTakenNorInTheWay() {
    //   w = K()  (a DEQUANTIZE of float16 weights, folded at prepare)
    assertEquals("[a b]", partitions(
        "w = K()",
        "a = S(x, w)",
        "b = S(a, w)"));
  }

  @Test
  void nothingSupportedGivesNoPartition() {
    assertEquals("", partitions(
        "a = C(x)",
        "b = C(a)"));
  }

  @Test
  void aLaterDelegateSeesOnlyWhatEarlierOnesLeft() {
    // First delegate takes a and c; the nodes it took count as CPU (not candidates) for the second.
    assertEquals("[b]", partitions(
        "a = C(x)",
        "b = S(a)",
        "c = C(b)"));
  }
}
