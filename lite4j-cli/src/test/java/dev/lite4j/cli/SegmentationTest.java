package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.SharedData;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * DeepLab V3 on {@code segmentation_input_rotation0.jpg}: the per-pixel argmax over the 21 classes
 * against {@code segmentation_golden_rotation0.png} (TensorFlow Lite's segmentation example's golden
 * mask: 257x257, grey value = 10 x class index).
 */
class SegmentationTest {
  @Test
  void deeplabMaskAgreesWithTheGoldenMask() throws Exception {
    Raster mask = goldenMask();
    try (Interpreter it = new Interpreter(Model.load(SharedData.model("deeplabv3.tflite")))) {
      int[] shape = it.getInputTensor(0).shape();
      assertArrayEquals(new int[] {1, 257, 257, 3}, shape);
      List<Npy> inputs = new ArrayList<>(Inputs.random(it, 1));
      inputs.set(0, ImagePrep.prep(SharedData.image("segmentation_input_rotation0.jpg"), shape, DataType.FLOAT32));
      Inputs.apply(it, inputs);
      Npy logits = Inputs.run(it, inputs).get(0);
      assertArrayEquals(new int[] {1, 257, 257, 21}, logits.shape());
      int h = 257;
      int w = 257;
      int agree = 0;
      TreeMap<Integer, Integer> classes = new TreeMap<>();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int cls = argmax(logits, (y * w + x) * 21, 21);
          classes.merge(cls, 1, Integer::sum);
          if (cls * 10 == mask.getSample(x, y, 0)) {
            agree++;
          }
        }
      }
      double pct = 100.0 * agree / (h * w);
      System.out.printf(Locale.ROOT, "deeplabv3 segmentation: %.2f%% of %d pixels agree with the golden mask; "
          + "classes (index=pixels): %s%n", pct, h * w, classes);
      assertTrue(pct >= 99.0, String.format(Locale.ROOT, "only %.2f%% of pixels agree", pct));
    }
  }

  /** The mask's samples are 10 x class (0 background, 13 horse, 15 person), read raw (no colour conversion). */
  static Raster goldenMask() throws Exception {
    BufferedImage img = ImageIO.read(SharedData.image("segmentation_golden_rotation0.png").toFile());
    assertEquals(257, img.getWidth());
    assertEquals(257, img.getHeight());
    Raster r = img.getRaster();
    assertEquals(1, r.getNumBands());
    TreeMap<Integer, Integer> values = new TreeMap<>();
    for (int y = 0; y < 257; y++) {
      for (int x = 0; x < 257; x++) {
        values.merge(r.getSample(x, y, 0), 1, Integer::sum);
      }
    }
    for (int v : values.keySet()) {
      assertTrue(v % 10 == 0 && v / 10 < 21, "mask value " + v + " is not 10 x a class index");
    }
    return r;
  }

  @Test
  void goldenMaskHoldsBackgroundHorseAndPerson() throws Exception {
    Raster r = goldenMask();
    TreeMap<Integer, Integer> values = new TreeMap<>();
    for (int y = 0; y < 257; y++) {
      for (int x = 0; x < 257; x++) {
        values.merge(r.getSample(x, y, 0) / 10, 1, Integer::sum);
      }
    }
    // counted independently with a PNG decoder in Python: 0 -> 25044, 130 -> 18884, 150 -> 22121
    assertEquals(java.util.Map.of(0, 25044, 13, 18884, 15, 22121), values);
  }

  private static int argmax(Npy v, int offset, int n) {
    int best = 0;
    float bestValue = Float.NEGATIVE_INFINITY;
    java.nio.ByteBuffer b = v.data();
    for (int c = 0; c < n; c++) {
      float x = b.getFloat((offset + c) * 4);
      if (x > bestValue) {
        bestValue = x;
        best = c;
      }
    }
    return best;
  }
}
