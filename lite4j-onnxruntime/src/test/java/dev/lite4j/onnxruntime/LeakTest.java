package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of interpreters with the delegate, created, run and closed, must leave native memory,
 * file handles and threads where they were: every ONNX Runtime session, session options object and
 * tensor is closed with its interpreter.
 */
class LeakTest {
  static final int WARMUP = 500;
  static final int CYCLES = 2000;

  @TempDir
  Path dir;

  record Usage(long rssKb, int fds, int threads) {}

  static Usage usage() throws IOException {
    long rss = -1;
    int threads = -1;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
      }
    }
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return new Usage(rss, (int) s.count(), threads);
    }
  }

  private static void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }

  @Test
  void twoThousandCyclesLeaveNoTrace() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    Model model = Model.fromBytes(CacheTest.convModel(9));
    float[] in = new float[16 * 16 * 8];
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", dir.toString()))) {
      cycles(model, d, in, WARMUP); // heap, JIT and allocator pools reach their working size
      settle();
      Usage before = usage();
      cycles(model, d, in, CYCLES / 2);
      settle();
      Usage mid = usage();
      cycles(model, d, in, CYCLES / 2);
      settle();
      Usage after = usage();
      System.out.println("leak check over " + CYCLES + " cycles: " + before + " -> " + mid + " -> " + after);
      assertTrue(after.fds() <= before.fds() + 2, "file handles grew: " + before + " -> " + after);
      assertTrue(after.threads() <= before.threads() + 2, "threads grew: " + before + " -> " + after);
      // A leaked session is megabytes (a thousand of them, gigabytes); allow allocator noise only, and
      // no steady climb from the first half to the second.
      assertTrue(after.rssKb() - before.rssKb() < 64 * 1024, "resident memory grew: " + before + " -> " + after);
      assertTrue(after.rssKb() - mid.rssKb() < 32 * 1024, "resident memory keeps growing: " + mid + " -> " + after);
    }
  }

  /** Interpreters with the delegate, each run twice and closed (sessions come from the warm cache). */
  private static void cycles(Model model, OnnxRuntimeDelegate d, float[] in, int n) {
    float[][][][] input = new float[1][16][16][8];
    float[][][][] output = new float[1][16][16][16];
    for (int i = 0; i < n; i++) {
      try (Interpreter it = new Interpreter(model, new Interpreter.Options().addDelegate(d))) {
        it.run(input, output);
        it.run(input, output);
      }
    }
  }
}
