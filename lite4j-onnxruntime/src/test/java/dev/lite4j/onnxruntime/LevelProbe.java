package dev.lite4j.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.lite4j.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Session creation and run time per ONNX Runtime optimisation level (not a test). */
public final class LevelProbe {
  public static void main(String[] args) throws Exception {
    OrtEnvironment env = OnnxRuntimeDelegate.environment();
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache", "off"));
         PartitionHarness h = new PartitionHarness(Model.load(Path.of(args[0])), d)) {
      var p = h.wholePartition();
      byte[] model = OnnxConverter.convert(p).build().toByteArray();
      long[] shape = OnnxGraph.toLongs(p.inputs().get(0).shape());
      ByteBuffer in = ByteBuffer.allocateDirect(p.inputs().get(0).numElements() * 4).order(ByteOrder.nativeOrder());
      for (int rep = 0; rep < 2; rep++) {
        for (OptLevel level : new OptLevel[] {OptLevel.BASIC_OPT, OptLevel.EXTENDED_OPT, OptLevel.ALL_OPT}) {
          for (boolean save : new boolean[] {false, true}) {
            Path out = save ? Files.createTempFile("opt", ".onnx") : null;
            long t0 = System.nanoTime();
            try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
              so.setOptimizationLevel(level);
              if (save) {
                so.setOptimizedModelFilePath(out.toString());
              }
              try (OrtSession s = env.createSession(model, so);
                   OnnxTensor x = OnnxTensor.createTensor(env, in, shape, ai.onnxruntime.OnnxJavaType.FLOAT)) {
                double create = (System.nanoTime() - t0) / 1e6;
                String name = s.getInputNames().iterator().next();
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 8; i++) {
                  long r0 = System.nanoTime();
                  try (OrtSession.Result r = s.run(Map.of(name, x))) {
                    best = Math.min(best, (System.nanoTime() - r0) / 1e6);
                  }
                }
                System.out.printf("%s save=%s: session %.1f ms, run %.2f ms%n", level, save, create, best);
              }
            }
            if (out != null) {
              Files.deleteIfExists(out);
            }
          }
        }
      }
    }
  }
}
