package dev.lite4j.cli;

import dev.lite4j.delegate.DelegationReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the commands print an interpreter's {@link DelegationReport}: where each node runs, and why. */
final class ExecutionPlanText {
  private ExecutionPlanText() {}

  /** Nodes that run on a delegate (placement "NAME#k"). */
  static long delegatedNodes(DelegationReport r) {
    return r.nodes().stream().filter(n -> isDelegated(n.placement())).count();
  }

  static boolean isDelegated(String placement) {
    return !placement.equals("cpu") && !placement.equals("constant");
  }

  /** Nodes whose delegate partition fell back to the CPU after it had been placed. */
  static long fellBack(DelegationReport r) {
    return r.nodes().stream().filter(n -> n.reason() != null && n.reason().contains(" fell back: ")).count();
  }

  /**
   * The delegates' summary lines ("NAME: replaced N of M nodes, K partitions", as TensorFlow Lite logs
   * them), plus a line when partitions fell back to the CPU after being placed.
   */
  static List<String> summaryLines(DelegationReport r) {
    List<String> lines = new ArrayList<>(r.summary());
    long back = fellBack(r);
    if (back > 0) {
      String first = r.nodes().stream().filter(n -> n.reason() != null && n.reason().contains(" fell back: "))
          .findFirst().map(DelegationReport.Node::reason).orElse("");
      lines.add(back + " delegated nodes fell back to the CPU (" + first + ")");
    }
    return lines;
  }

  static void printSummary(PrintWriter out, DelegationReport r) {
    for (String line : summaryLines(r)) {
      out.println("delegate: " + line);
    }
  }

  /** The summary, the partitions, then one row per node: placement and, for CPU nodes, the reason. */
  static void printPlan(PrintWriter out, DelegationReport r) {
    out.println("execution plan (" + r.nodes().size() + " nodes: " + delegatedNodes(r) + " delegated, "
        + r.cpuNodeCount() + " on the CPU, " + (r.nodes().size() - delegatedNodes(r) - r.cpuNodeCount())
        + " constant):");
    for (String line : summaryLines(r)) {
      out.println("  " + line);
    }
    for (Map.Entry<String, List<Integer>> p : partitions(r).entrySet()) {
      out.println("  partition " + p.getKey() + ": " + p.getValue().size() + " nodes " + ranges(p.getValue()));
    }
    int opWidth = r.nodes().stream().mapToInt(n -> n.op().length()).max().orElse(2);
    int placeWidth = Math.max(9, r.nodes().stream().mapToInt(n -> n.placement().length()).max().orElse(0));
    String fmt = "  %5s  %-" + opWidth + "s  %-" + placeWidth + "s  %s%n";
    out.printf(Locale.ROOT, fmt, "node", "op", "placement", "reason (CPU nodes)");
    for (DelegationReport.Node n : r.nodes()) {
      out.printf(Locale.ROOT, fmt, n.index(), n.op(), n.placement(), n.reason() == null ? "" : n.reason());
    }
  }

  /** Partition label -> its nodes, in first-seen order. */
  static Map<String, List<Integer>> partitions(DelegationReport r) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    for (DelegationReport.Node n : r.nodes()) {
      if (isDelegated(n.placement())) {
        out.computeIfAbsent(n.placement(), k -> new ArrayList<>()).add(n.index());
      }
    }
    return out;
  }

  /** [0-3, 5, 7-9]. */
  static String ranges(List<Integer> sorted) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < sorted.size(); ) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      s.append(s.length() > 1 ? ", " : "").append(sorted.get(i));
      if (j > i) {
        s.append('-').append(sorted.get(j));
      }
      i = j + 1;
    }
    return s.append(']').toString();
  }

  static Map<String, Object> toJson(DelegationReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("summary", summaryLines(r));
    m.put("delegated_nodes", delegatedNodes(r));
    m.put("cpu_nodes", r.cpuNodeCount());
    Map<String, Object> parts = new LinkedHashMap<>();
    partitions(r).forEach((k, v) -> parts.put(k, v));
    m.put("partitions", parts);
    List<Object> nodes = new ArrayList<>();
    for (DelegationReport.Node n : r.nodes()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", n.index());
      e.put("op", n.op());
      e.put("placement", n.placement());
      e.put("reason", n.reason());
      nodes.add(e);
    }
    m.put("nodes", nodes);
    return m;
  }
}
