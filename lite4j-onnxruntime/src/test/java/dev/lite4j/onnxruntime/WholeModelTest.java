package dev.lite4j.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.Model;
import dev.lite4j.delegate.DelegateKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole float models as one partition: every node delegated, outputs equal to the CPU path's. */
class WholeModelTest {
  @TempDir
  Path cacheDir;

  @ParameterizedTest
  @ValueSource(strings = {"mobilenet_v2_1.0_224_dequant", "mobilenet_v2_1.0_224_dequant_fp16",
      "mobilenet_v1_0.25_224_1_default_1", "hello_world_float", "deeplabv3", "inception"})
  void wholeModelMatchesCpu(String name) throws Exception {
    Path file = name.equals("inception") ? TestFiles.inception() : TestFiles.model(name);
    Model model = Model.load(file);
    try (OnnxRuntimeDelegate d = new OnnxRuntimeDelegate(Map.of("cache_dir", cacheDir.toString()));
         PartitionHarness h = new PartitionHarness(model, d)) {
      assertEquals("", h.unsupported(), name + ": nodes the delegate turned down");
      h.wholePartition();
      Random rnd = new Random(7);
      List<float[]> in = new ArrayList<>();
      for (int i = 0; i < h.graph.inputs().length; i++) {
        float[] v = new float[dev.lite4j.runtime.Shapes.elementCount(h.inputShape(i))];
        for (int k = 0; k < v.length; k++) {
          v[k] = rnd.nextFloat() * 2 - 1;
        }
        in.add(v);
      }
      List<float[]> cpu = h.runCpu(in);
      for (int round = 0; round < 2; round++) {
        try (DelegateKernel k = d.createKernel(h.partition)) {
          k.prepare(h.partition);
          List<float[]> ort = h.runDelegate(k, in);
          System.out.println(name + " round " + round + ": " + ((OnnxRuntimeKernel) k).startup());
          d.awaitCacheWrites();
          for (int o = 0; o < cpu.size(); o++) {
            Compare.assertClose(cpu.get(o), ort.get(o), 1e-4, name + " output " + o);
          }
        }
      }
    }
  }
}
