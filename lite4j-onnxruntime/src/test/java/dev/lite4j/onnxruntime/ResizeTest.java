package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New input shapes rebuild the session (the delegate supports dynamic shapes); results follow the CPU's. */
class ResizeTest {
  @TempDir
  Path dir;

  private static float[][][][] random(int batch, long seed) {
    Random r = new Random(seed);
    float[][][][] x = new float[batch][16][16][8];
    for (float[][][] a : x) {
      for (float[][] b : a) {
        for (float[] c : b) {
          for (int i = 0; i < c.length; i++) {
            c[i] = r.nextFloat() * 2 - 1;
          }
        }
      }
    }
    return x;
  }

  @Test
  void batchResizeRebuildsTheSession() throws Exception {
    Model model = Model.fromBytes(CacheTest.convModel(8));
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString()));
         Interpreter ort = new Interpreter(model, new Interpreter.Options().addDelegate(d));
         Interpreter cpu = new Interpreter(model)) {
      for (int batch : new int[] {1, 3, 1}) {
        float[][][][] in = random(batch, batch);
        float[][][][] a = new float[batch][16][16][16];
        float[][][][] b = new float[batch][16][16][16];
        cpu.run(in, a);
        ort.run(in, b);
        for (int n = 0; n < batch; n++) {
          for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
              for (int c = 0; c < 16; c++) {
                assertTrue(Math.abs(a[n][y][x][c] - b[n][y][x][c]) <= 1e-5, "batch " + batch);
              }
            }
          }
        }
        assertEquals("onnxruntime#0", ort.getDelegationReport().nodes().get(0).placement());
      }
      assertEquals(3, d.startups().size(), "one session per shape change");
    }
  }
}
