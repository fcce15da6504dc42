package dev.lite4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-op integer models (ADD, LOGISTIC, TANH, QUANTIZE, ...) run on the inputs TensorFlow Lite 2.6.2 ran
 * them on ({@code golden-ops/<name>/golden/c1/input_*.npy}); every output byte must equal TF Lite's. The
 * folders are made by {@link QuantizedOpGoldenModels} and {@code golden-ops/make.sh} (see its README).
 */
class QuantizedOpGoldenTest {
  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(root())) {
      // Folders in this layout (a golden/ recorded by run.sh beside the model); the convolution and hybrid
      // goldens have layouts of their own and tests of their own (QuantizedConvGoldenTest, HybridGoldenTest).
      return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))
              && Files.isRegularFile(p.resolve("golden").resolve("summary.json")))
          .map(p -> p.getFileName().toString())
          .sorted().toList().stream();
    }
  }

  static Path root() throws URISyntaxException {
    String dir = System.getProperty("lite4j.goldenOps");
    return dir != null ? Path.of(dir) : Path.of(QuantizedOpGoldenTest.class.getResource("/golden-ops").toURI());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesTfLiteBitForBit(String name) throws Exception {
    Path d = root().resolve(name);
    Path c = d.resolve("golden/c1");
    Interpreter it = new Interpreter(Model.fromBytes(Files.readAllBytes(d.resolve("model.tflite"))));
    List<Object> inputs = new ArrayList<>();
    for (int i = 0; Files.exists(c.resolve("input_" + i + ".npy")); i++) {
      inputs.add(Npy.read(c.resolve("input_" + i + ".npy")).data());
    }
    Map<Integer, Object> outputs = new HashMap<>();
    List<Npy> expected = new ArrayList<>();
    for (int i = 0; Files.exists(c.resolve("output_" + i + ".npy")); i++) {
      Npy e = Npy.read(c.resolve("output_" + i + ".npy"));
      expected.add(e);
      outputs.put(i, ByteBuffer.allocate(e.data().remaining()).order(java.nio.ByteOrder.LITTLE_ENDIAN));
    }
    assertTrue(!expected.isEmpty(), "no outputs recorded in " + c);
    it.runForMultipleInputsOutputs(inputs.toArray(), outputs);
    for (int i = 0; i < expected.size(); i++) {
      ByteBuffer want = expected.get(i).data().duplicate();
      ByteBuffer got = ((ByteBuffer) outputs.get(i)).rewind();
      int size = expected.get(i).elementBytes();
      int n = want.remaining() / size;
      int differ = 0;
      StringBuilder first = new StringBuilder();
      for (int k = 0; k < n; k++) {
        long w = value(want, k, size);
        long g = value(got, k, size);
        if (w != g) {
          if (differ < 8) {
            first.append(String.format(" [%d] tflite=%d lite4j=%d", k, w, g));
          }
          differ++;
        }
      }
      assertEquals(0, differ, name + " output " + i + ": " + differ + " of " + n + " elements differ:" + first);
    }
  }

  private static long value(ByteBuffer b, int k, int size) {
    int p = b.position() + k * size;
    return switch (size) {
      case 1 -> b.get(p);
      case 2 -> b.order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort(p);
      case 4 -> b.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(p);
      default -> b.order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(p);
    };
  }
}
