package dev.lite4j.onnxruntime;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.delegate.DelegationReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Which nodes of each model stay on the CPU, and why (not a test). */
public final class CoverageProbe {
  public static void main(String[] args) throws Exception {
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"))) {
      for (String f : args) {
        try (Interpreter it = new Interpreter(Model.load(Path.of(f)), new Interpreter.Options().addDelegate(d))) {
          DelegationReport r = it.getDelegationReport();
          Map<String, Integer> reasons = new TreeMap<>();
          for (DelegationReport.Node n : r.nodes()) {
            if (n.placement().equals("cpu")) {
              reasons.merge(n.op() + ": " + n.reason(), 1, Integer::sum);
            }
          }
          System.out.println(Path.of(f).getFileName() + " " + r.summary());
          reasons.forEach((k, v) -> System.out.println("   " + v + "x " + k));
        } catch (Exception e) {
          System.out.println(Path.of(f).getFileName() + " failed: " + e);
        }
      }
    }
  }
}
