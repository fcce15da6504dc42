package dev.lite4j.onnxruntime;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Steady-state Interpreter.run latency, CPU path vs delegate, alternating A B A B (not a test). */
public final class LatencyProbe {
  public static void main(String[] args) throws Exception {
    int runs = 15;
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"))) {
      for (String f : args) {
        Model model = Model.load(Path.of(f));
        try (Interpreter cpu = new Interpreter(model);
             Interpreter ort = new Interpreter(model, new Interpreter.Options().addDelegate(d))) {
          int n = cpu.getInputTensor(0).numBytes();
          ByteBuffer in = ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
          double[][] ms = new double[2][runs];
          for (int r = -3; r < runs; r++) {
            Interpreter[] both = {cpu, ort};
            for (int k = 0; k < 2; k++) {
              long t0 = System.nanoTime();
              both[k].runForMultipleInputsOutputs(new Object[] {in.rewind()}, new HashMap<>());
              if (r >= 0) {
                ms[k][r] = (System.nanoTime() - t0) / 1e6;
              }
            }
          }
          Arrays.sort(ms[0]);
          Arrays.sort(ms[1]);
          System.out.printf(Locale.ROOT, "%s: Lite4j CPU median %.1f ms, onnxruntime delegate median %.1f ms (x%.2f)%n",
              Path.of(f).getFileName(), ms[0][runs / 2], ms[1][runs / 2], ms[0][runs / 2] / ms[1][runs / 2]);
        }
      }
    }
  }
}
