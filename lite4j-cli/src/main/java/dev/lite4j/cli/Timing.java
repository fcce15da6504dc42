package dev.lite4j.cli;

import dev.lite4j.Interpreter;
import dev.lite4j.io.Npy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Timed inference as DESIGN.md's benchmark protocol and {@code benchmark_model} define it: the
 * interpreter's run alone ({@link Interpreter#getLastNativeInferenceDurationNanoseconds}, taken with
 * {@code System.nanoTime} around the plan, without the copies of inputs in and outputs out), on
 * random inputs (the reference tool's rule, seed 1) fixed across runs.
 */
final class Timing {
  private Timing() {}

  /** An interpreter fed once with fixed inputs, ready to be run again and again. */
  static final class Runner {
    private final Interpreter interpreter;
    private final Object[] feeds;

    Runner(Interpreter interpreter, long seed) {
      this.interpreter = interpreter;
      List<Npy> inputs = Inputs.random(interpreter, seed);
      Inputs.apply(interpreter, inputs);
      feeds = new Object[inputs.size()];
      for (int i = 0; i < feeds.length; i++) {
        feeds[i] = inputs.get(i).toInputBuffer(interpreter.getInputTensor(i).dataType());
      }
    }

    Interpreter interpreter() {
      return interpreter;
    }

    /** One inference; returns its duration in nanoseconds. */
    long run() {
      long start = System.nanoTime();
      interpreter.runForMultipleInputsOutputs(feeds, Map.of());
      long wall = System.nanoTime() - start;
      Long ns = interpreter.getLastNativeInferenceDurationNanoseconds();
      return ns == null || ns < 0 ? wall : ns;
    }
  }

  /**
   * Statistics of a series of durations, in microseconds, as the reference tool's {@code bench}
   * computes them: population std; median of the sorted values (mean of the middle two when even);
   * p5 = sorted[floor(0.05 (n-1))], p95 = sorted[ceil(0.95 (n-1))].
   */
  record Stats(int count, double min, double max, double avg, double std, double median, double p5, double p95) {
    static Stats ofNanos(long[] nanos) {
      if (nanos.length == 0) {
        throw new IllegalArgumentException("no timings");
      }
      double[] us = new double[nanos.length];
      for (int i = 0; i < us.length; i++) {
        us[i] = nanos[i] / 1e3;
      }
      Arrays.sort(us);
      int n = us.length;
      double sum = 0;
      for (double v : us) {
        sum += v;
      }
      double avg = sum / n;
      double var = 0;
      for (double v : us) {
        var += (v - avg) * (v - avg);
      }
      return new Stats(n, us[0], us[n - 1], avg, Math.sqrt(var / n), Timing.median(us),
          us[(int) Math.floor(0.05 * (n - 1))], us[(int) Math.ceil(0.95 * (n - 1))]);
    }
  }

  /** Median of sorted values. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double medianOf(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return median(s);
  }
}
