package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hybrid kernels against one-op models run by the real TensorFlow Lite 2.6.2 (builtin kernels, one
 * thread): every output float must have the same bits. The models and inputs are {@link HybridCases};
 * how the goldens were made is in {@code src/test/resources/golden-ops/README-hybrid.md}.
 */
class HybridGoldenTest {
  static Stream<String> cases() {
    return HybridCases.all().keySet().stream();
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = HybridGoldenTest.class.getResourceAsStream("/golden-ops/" + path)) {
      assertNotNull(in, "missing test resource golden-ops/" + path);
      return in.readAllBytes();
    }
  }

  /**
   * The folder holding the case's c1/: name/golden/ where the golden was moved to the layout that
   * QuantizedOpGoldenTest also runs (golden/summary.json), else name/ itself.
   */
  private static String goldenDir(String name) {
    boolean moved = HybridGoldenTest.class.getResource("/golden-ops/" + name + "/golden/summary.json") != null;
    return moved ? name + "/golden" : name;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTensorFlowLiteBitForBit(String name) throws IOException {
    HybridCases.Case c = HybridCases.all().get(name);
    byte[] model = resource(name + "/model.tflite");
    assertArrayEquals(model, c.model(), "the committed model is not what HybridCases builds");
    Npy input = Npy.parse(ByteBuffer.wrap(resource(goldenDir(name) + "/c1/input_0.npy")), "input");
    assertEquals(c.input(), input, "the committed input is not what HybridCases makes");
    Npy expected = Npy.parse(ByteBuffer.wrap(resource(goldenDir(name) + "/c1/output_0.npy")), "output");

    Interpreter interpreter = new Interpreter(Model.fromBytes(model));
    ByteBuffer out = ByteBuffer.allocate(expected.numElements() * 4).order(ByteOrder.LITTLE_ENDIAN);
    Map<Integer, Object> outputs = new HashMap<>();
    outputs.put(0, out);
    interpreter.runForMultipleInputsOutputs(new Object[] {input.toInputBuffer(DataType.FLOAT32)}, outputs);
    float[] want = expected.toFloatArray();
    int differing = 0;
    String first = null;
    for (int i = 0; i < want.length; i++) {
      float got = out.getFloat(i * 4);
      if (Float.floatToIntBits(got) != Float.floatToIntBits(want[i])
          && !(got == 0f && want[i] == 0f)) { // +0 and -0 compare equal
        if (first == null) {
          first = "element " + i + ": " + got + " != " + want[i];
        }
        differing++;
      }
    }
    assertEquals(0, differing, name + ": " + differing + " of " + want.length + " floats differ; first " + first);
  }
}
