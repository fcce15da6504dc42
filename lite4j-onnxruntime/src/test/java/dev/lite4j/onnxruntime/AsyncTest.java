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

/** With async=on the interpreter is ready at once: the CPU runs the partition until the session is made. */
class AsyncTest {
  @TempDir
  Path dir;

  @Test
  void startsOnCpuAndSwitches() throws Exception {
    Model model = Model.fromBytes(CacheTest.convModel(5));
    float[][][][] input = new float[1][16][16][8];
    Random r = new Random(2);
    for (float[][][] a : input) {
      for (float[][] b : a) {
        for (float[] c : b) {
          for (int i = 0; i < c.length; i++) {
            c[i] = r.nextFloat() * 2 - 1;
          }
        }
      }
    }
    float[][][][] cpu = new float[1][16][16][16];
    try (Interpreter it = new Interpreter(model)) {
      it.run(input, cpu);
    }
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString(), "async", "on"));
         Interpreter it = new Interpreter(model, new Interpreter.Options().addDelegate(d))) {
      float[][][][] out = new float[1][16][16][16];
      it.run(input, out); // most likely on the CPU: the session is still being made
      assertClose(cpu, out);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (d.startups().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(1, d.startups().size(), "the background session was made");
      for (int i = 0; i < 3; i++) {
        it.run(input, out);
        assertClose(cpu, out);
      }
      assertEquals("onnxruntime#0", it.getDelegationReport().nodes().get(0).placement(),
          "the partition stays delegated: " + it.getDelegationReport());
    }
  }

  private static void assertClose(float[][][][] a, float[][][][] b) {
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        for (int c = 0; c < 16; c++) {
          assertTrue(Math.abs(a[0][y][x][c] - b[0][y][x][c]) <= 1e-5, "at " + y + "," + x + "," + c);
        }
      }
    }
  }
}
