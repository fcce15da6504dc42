package dev.lite4j.cli;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.QuantizationParams;
import dev.lite4j.Tensor;
import dev.lite4j.io.Npy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lite4j classify MODEL IMAGE}: top-K classes, as the reference tool's {@code classify}. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {"Classifies an image: prepares it as the reference tool's 'prep' does (bilinear resize with "
        + "half-pixel centers, rounding), runs the model and prints the top K of output 0 "
        + "(uint8/int8 outputs dequantized; ties go to the lower index).",
        "Float inputs get (u-127.5)/127.5 unless --mean/--std say otherwise; uint8 inputs get the raw pixels, "
            + "int8 inputs the pixels - 128 (see --int8-pixels); one-channel inputs get grey."})
final class ClassifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "the .tflite file")
  Path modelFile;

  @Parameters(index = "1", paramLabel = "IMAGE", description = "a JPEG, PNG, BMP or GIF image")
  Path imageFile;

  @Option(names = "--labels", paramLabel = "FILE", description = "labels, line i naming class i")
  Path labelsFile;

  @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "classes to print (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--mean", paramLabel = "M", description = "float inputs get (u - M) / S (default 127.5)")
  Double mean;

  @Option(names = "--std", paramLabel = "S", description = "see --mean (default 127.5)")
  Double std;

  @Option(names = "--int8-pixels", paramLabel = "centered|bits", defaultValue = "centered",
      description = "int8 inputs get u - 128 (centered, the default) or each pixel's 8 bits read as a signed byte "
          + "(bits: TensorFlow Lite Micro's int8 test images, e.g. person_detect's BMP files, are stored that way)")
  String int8Pixels;

  @Mixin
  DelegateFlags delegateFlags;

  /** One class and its score. */
  record Scored(int index, double score) {
    @Override
    public String toString() {
      return index + "=" + String.format(Locale.ROOT, "%.6f", score);
    }
  }

  @Override
  public Integer call() throws IOException {
    if (top < 1) {
      throw new CliException("--top must be >= 1, was " + top, 2);
    }
    if (!int8Pixels.equals("centered") && !int8Pixels.equals("bits")) {
      throw new CliException("--int8-pixels must be centered or bits, was " + int8Pixels, 2);
    }
    if (std != null && (std == 0 || std.isNaN())) {
      throw new CliException("--std must be a non-zero number", 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    Model model = ModelFiles.load(modelFile);
    BufferedImage img = ImagePrep.decode(imageFile);
    List<String> labels = labelsFile == null ? List.of() : readLabels(labelsFile);
    try (OpenDelegates delegates = delegateFlags.open();
        Interpreter it = new Interpreter(model, delegates.options(-1, delegateFlags.requireFullDelegation))) {
      Tensor in = it.getInputTensor(0);
      List<Npy> inputs = new ArrayList<>(Inputs.random(it, 1));
      inputs.set(0, ImagePrep.prep(img, in.shape(), in.dataType(), mean == null ? ImagePrep.DEFAULT_MEAN : mean,
          std == null ? ImagePrep.DEFAULT_STD : std, int8Pixels.equals("bits")));
      Inputs.apply(it, inputs);
      List<Npy> outputs = Inputs.run(it, inputs);
      Tensor ot = it.getOutputTensor(0);
      Npy o = outputs.get(0);
      QuantizationParams q = ot.quantizationParams();
      boolean dequantize = (ot.dataType() == DataType.UINT8 || ot.dataType() == DataType.INT8)
          && q.isQuantized() && q.scale() != 0;
      double[] scores = scores(o, dequantize ? q : null);
      out.println("model: " + modelFile.getFileName() + "  image: " + imageFile.getFileName() + "  input: "
          + Formats.dtype(in.dataType()) + Formats.shape(in.shape()) + "  output: " + Formats.dtype(ot.dataType())
          + Formats.shape(o.shape()) + (dequantize ? " (dequantized, scale=" + q.scale() + " zero_point="
          + q.zeroPoint() + ")" : ""));
      if (!delegates.isEmpty()) {
        ExecutionPlanText.printSummary(out, it.getDelegationReport());
      }
      List<Scored> best = topK(scores, top);
      for (int k = 0; k < best.size(); k++) {
        int i = best.get(k).index();
        String label = i < labels.size() ? labels.get(i) : "";
        out.printf(Locale.ROOT, "%d\tindex=%d\tscore=%.6f\t%s%n", k + 1, i, best.get(k).score(), label);
      }
    }
    return 0;
  }

  /** Output values as doubles, dequantized as {@code (q - zero_point) * scale} when {@code q} is given. */
  static double[] scores(Npy o, QuantizationParams q) {
    double[] s = new double[o.numElements()];
    for (int i = 0; i < s.length; i++) {
      double v = o.getDouble(i);
      s[i] = q == null ? v : (v - q.zeroPoint()) * q.scale();
    }
    return s;
  }

  /** The K highest scores, highest first; equal scores in index order (as the reference sorts them). */
  static List<Scored> topK(double[] scores, int k) {
    List<Scored> all = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      all.add(new Scored(i, scores[i]));
    }
    all.sort((a, b) -> {
      int c = Double.compare(b.score(), a.score());
      return c != 0 ? c : Integer.compare(a.index(), b.index());
    });
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  static List<String> readLabels(Path file) throws IOException {
    ModelFiles.requireFile(file, "labels file");
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
