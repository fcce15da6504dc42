package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.QuantizationParams;
import dev.lite4j.Tensor;
import dev.lite4j.io.Json;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.SharedData;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Classification of every photo as TensorFlow Lite 2.6.2 classified it ({@code golden/classify/<model>.json}). */
class ClassifyTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mobilenet_v2_1.0_224_dequant", "mobilenet_v1_0.25_224_1_default_1",
      "mobilenet_v2_1.0_224_dequant_dynamic"})
  void sameTopClassesAsTensorFlowLite(String name) throws Exception {
    Map<String, Object> golden = Json.readObject(SharedData.golden("classify").resolve(name + ".json"));
    Path modelFile = SharedData.model(Json.string(golden, "model"));
    List<String> problems = new ArrayList<>();
    try (Interpreter it = new Interpreter(Model.load(modelFile))) {
      for (Object o : Json.list(golden, "images")) {
        Map<String, Object> entry = Json.object(o, "image entry");
        String image = Json.string(entry, "image");
        List<ClassifyCommand.Scored> mine = classify(it, SharedData.image(image));
        List<Object> top5 = Json.list(entry, "top5");
        String problem = compareTop5(mine, top5);
        System.out.println(name + " " + image + ": " + mine + (problem == null ? "" : "  <- " + problem));
        if (problem != null) {
          problems.add(image + ": " + problem);
        }
      }
    }
    assertTrue(problems.isEmpty(), name + ": " + problems);
  }

  /** Top-5 of output 0 for an image prepared with the reference's rule. */
  static List<ClassifyCommand.Scored> classify(Interpreter it, Path image) throws Exception {
    Tensor in = it.getInputTensor(0);
    List<Npy> inputs = new ArrayList<>(Inputs.random(it, 1));
    inputs.set(0, ImagePrep.prep(image, in.shape(), in.dataType()));
    Inputs.apply(it, inputs);
    Npy out = Inputs.run(it, inputs).get(0);
    Tensor ot = it.getOutputTensor(0);
    QuantizationParams q = ot.quantizationParams();
    boolean deq = (ot.dataType() == DataType.UINT8 || ot.dataType() == DataType.INT8) && q.isQuantized();
    return ClassifyCommand.topK(ClassifyCommand.scores(out, deq ? q : null), 5);
  }

  /**
   * Null when the top-1 is the same and the top-5 sets are the same, except that the fifth places
   * may differ where the two candidates' scores tie (within float noise) in Lite4j's output.
   */
  static String compareTop5(List<ClassifyCommand.Scored> mine, List<Object> golden) {
    List<Integer> gIdx = new ArrayList<>();
    List<Double> gScore = new ArrayList<>();
    for (Object o : golden) {
      Map<String, Object> m = Json.object(o, "top5 entry");
      gIdx.add((int) Json.longValue(m, "index"));
      gScore.add(Json.doubleOrNull(m, "score"));
    }
    if (mine.get(0).index() != gIdx.get(0)) {
      return "top-1 is " + mine.get(0).index() + ", TensorFlow Lite's is " + gIdx.get(0);
    }
    Set<Integer> mineSet = new HashSet<>();
    mine.forEach(s -> mineSet.add(s.index()));
    Set<Integer> gSet = new HashSet<>(gIdx);
    if (mineSet.equals(gSet)) {
      return null;
    }
    Set<Integer> onlyMine = new HashSet<>(mineSet);
    onlyMine.removeAll(gSet);
    Set<Integer> onlyGolden = new HashSet<>(gSet);
    onlyGolden.removeAll(mineSet);
    double tieTolerance = 1e-4 * Math.max(1e-6, Math.abs(gScore.get(0)));
    boolean tieAtFifth = onlyMine.size() == 1 && onlyGolden.size() == 1
        && onlyMine.contains(mine.get(4).index()) && onlyGolden.contains(gIdx.get(4))
        && Math.abs(mine.get(4).score() - gScore.get(4)) <= tieTolerance;
    return tieAtFifth ? null : "top-5 " + mineSet + ", TensorFlow Lite's " + gSet;
  }

  @Test
  void topFiveRuleAllowsOnlyATieAtFifthPlace() {
    List<Object> golden = List.of(entry(3, 9.0), entry(1, 8.0), entry(4, 7.0), entry(0, 6.0), entry(7, 5.0));
    List<ClassifyCommand.Scored> same = List.of(s(3, 9.0), s(4, 8.1), s(1, 8.0), s(0, 6.0), s(7, 5.0));
    assertEquals(null, compareTop5(same, golden));
    List<ClassifyCommand.Scored> tie = List.of(s(3, 9.0), s(1, 8.0), s(4, 7.0), s(0, 6.0), s(2, 5.0000001));
    assertEquals(null, compareTop5(tie, golden));
    List<ClassifyCommand.Scored> noTie = List.of(s(3, 9.0), s(1, 8.0), s(4, 7.0), s(0, 6.0), s(2, 5.5));
    assertTrue(compareTop5(noTie, golden) != null);
    List<ClassifyCommand.Scored> otherTop = List.of(s(1, 9.0), s(3, 8.0), s(4, 7.0), s(0, 6.0), s(7, 5.0));
    assertTrue(compareTop5(otherTop, golden).startsWith("top-1"));
  }

  @Test
  void topKBreaksTiesByLowerIndex() {
    List<ClassifyCommand.Scored> t = ClassifyCommand.topK(new double[] {1, 3, 2, 3, 0}, 3);
    assertEquals(List.of(s(1, 3), s(3, 3), s(2, 2)), t);
  }

  private static Map<String, Object> entry(int index, double score) {
    return Map.of("index", (long) index, "score", score);
  }

  private static ClassifyCommand.Scored s(int index, double score) {
    return new ClassifyCommand.Scored(index, score);
  }

  /** The golden's image input is the reference's prep of grace_hopper.jpg: ours must be bit-exact. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mobilenet_v2_1.0_224_dequant", "mobilenet_v2_1.0_224_quant", "mobilenet_v2_1.0_224_int8",
      "inception_v3_299_synthetic", "deeplabv3", "face_detection_short_range", "palm_detection_lite",
      "coco_ssd_mobilenet_v1_1.0_quant_2018_06_29"})
  void prepMatchesTheReferenceBitForBit(String name) throws Exception {
    Npy golden = Npy.read(SharedData.golden(name).resolve("image/input_0.npy"));
    Npy mine = ImagePrep.prep(SharedData.image("grace_hopper.jpg"), golden.shape(), golden.dataType());
    assertEquals(golden.dtype(), mine.dtype());
    assertArrayEquals(golden.shape(), mine.shape());
    assertEquals(golden.data(), mine.data(), name + ": prep differs from the golden input");
  }

  /** Bilinear with half-pixel centers, by hand: 2x1 image [0, 100] to 4x1 and to 1x1. */
  @Test
  void resizeFollowsTheRule() {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0x000000);
    img.setRGB(1, 0, 0x64c8ff); // R=100, G=200, B=255
    int[] up = ImagePrep.resizeRgb(img, 1, 4);
    // sx = max(0, (x+0.5)*0.5-0.5) = 0, 0.25, 0.75, 1.25 -> x0 0,0,0,1 (x1 clamps to 1), fx 0,.25,.75,.25
    // R: 0, 25, 75, 100 (x0=x1=1); G: 0, 50, 150, 200; B: 0, 63.75->64, 191.25->191, 255
    assertArrayEquals(new int[] {0, 0, 0, 25, 50, 64, 75, 150, 191, 100, 200, 255}, up);
    int[] down = ImagePrep.resizeRgb(img, 1, 1);
    // sx = (0.5)*2-0.5 = 0.5: halfway, 50, 100, 127.5 -> 128 (half up)
    assertArrayEquals(new int[] {50, 100, 128}, down);
    // grey(25, 50, 64) = floor(7.475 + 29.35 + 7.296 + 0.5) = floor(44.621) = 44
    assertEquals(44, ImagePrep.grey(new int[] {25, 50, 64})[0]);
    Npy f = ImagePrep.prep(img, new int[] {1, 1, 1, 3}, DataType.FLOAT32, 127.5, 127.5);
    assertEquals((float) ((50 - 127.5) / 127.5), (float) f.getDouble(0));
    Npy i8 = ImagePrep.prep(img, new int[] {1, 1, 1, 3}, DataType.INT8, 0, 1);
    assertEquals(50 - 128, i8.getLong(0));
    Npy u8g = ImagePrep.prep(img, new int[] {1, 1, 1, 1}, DataType.UINT8, 0, 1);
    // grey(50, 100, 128) = floor(14.95 + 58.7 + 14.592 + 0.5) = 88
    assertEquals(88, u8g.getLong(0));
  }
}
