package dev.lite4j.cli;

import dev.lite4j.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lite4j check MODEL GOLDEN_DIR}: compares Lite4j's outputs with TensorFlow Lite's recorded ones. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Runs every case of a golden folder (summary.json, <case>/input_<i>.npy) and compares each "
        + "output with <case>/output_<i>.npy: integers bit-exact, floats within "
        + "max(4 x xnnpack_max_abs_diff, 1e-5 x max_abs_reference).",
        "Exits 1 when any output fails."})
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "the .tflite file")
  Path modelFile;

  @Parameters(index = "1", paramLabel = "GOLDEN_DIR", description = "folder with summary.json")
  Path goldenDir;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Mixin
  DelegateFlags delegateFlags;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ModelFiles.requireFile(modelFile, "model file");
    if (!Files.isDirectory(goldenDir)) {
      throw new CliException("golden folder not found: " + goldenDir);
    }
    GoldenCheck.Report report;
    try (OpenDelegates delegates = delegateFlags.open()) {
      report = GoldenCheck.run(modelFile, goldenDir, delegates.options(-1, delegateFlags.requireFullDelegation));
    }
    if (json) {
      out.println(Json.write(report.toJson()));
    } else {
      printText(out, report);
    }
    return report.passed() ? 0 : 1;
  }

  private static void printText(PrintWriter out, GoldenCheck.Report r) {
    out.println("model: " + r.model() + "  golden: " + r.golden() + (r.hybrid() ? "  (hybrid model)" : ""));
    if (!r.sha256Matches()) {
      out.println("warning: model sha256 " + r.modelSha256() + " differs from the golden's");
    }
    for (String line : r.delegation()) {
      out.println("delegate: " + line);
    }
    int passed = 0;
    int total = 0;
    for (GoldenCheck.CaseResult c : r.cases()) {
      total += c.outputs().isEmpty() ? c.expectedOutputs() : 0;
      out.println("case " + c.name() + (c.error() != null ? ": ERROR " + c.error() : ""));
      for (GoldenCheck.OutputResult o : c.outputs()) {
        total++;
        passed += o.passed() ? 1 : 0;
        StringBuilder s = new StringBuilder("  output " + o.index() + " " + o.name() + "  " + o.dtype()
            + Arrays.toString(o.shape()) + "  ");
        if (o.error() != null) {
          s.append("ERROR ").append(o.error());
        } else {
          s.append("max_abs_diff=").append(Formats.number(o.maxAbsDiff()))
              .append(" max|ref|=").append(Formats.number(o.maxAbsReference()))
              .append(" tolerance=").append(Formats.number(o.tolerance())).append(" (").append(o.toleranceBasis())
              .append(")  ").append(o.passed() ? "PASS" : "FAIL (" + o.mismatches() + "/" + o.elements()
                  + " off, worst at " + o.worstIndex() + ")");
        }
        out.println(s);
      }
    }
    out.println((r.passed() ? "PASS" : "FAIL") + ": " + passed + "/" + total + " outputs in " + r.cases().size()
        + " cases passed");
  }
}
