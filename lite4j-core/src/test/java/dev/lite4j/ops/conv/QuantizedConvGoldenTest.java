package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bit-exactness against the real TensorFlow Lite 2.6.2: each one-op model of {@link QuantizedConvGoldens}
 * ran in TensorFlow Lite's builtin kernels on random inputs; the recorded inputs and outputs are in
 * {@code src/test/resources/golden-ops/<name>/} (README there). Every output element must be equal.
 */
class QuantizedConvGoldenTest {
  static Stream<String> names() {
    return QuantizedConvGoldens.models().keySet().stream();
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = QuantizedConvGoldenTest.class.getResourceAsStream("/golden-ops/" + path)) {
      assertNotNull(in, "missing test resource golden-ops/" + path);
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void matchesTensorFlowLiteBitForBit(String name) throws IOException {
    byte[] model = resource(name + "/model.tflite");
    // The committed model is the one the generator builds today (so the test exercises what it says).
    assertArrayEquals(QuantizedConvGoldens.models().get(name), model, "model bytes changed: regenerate the golden");
    Npy input = Npy.parse(ByteBuffer.wrap(resource(name + "/input_0.npy")), "input_0.npy");
    Npy expected = Npy.parse(ByteBuffer.wrap(resource(name + "/output_0.npy")), "output_0.npy");
    try (Interpreter interpreter = new Interpreter(Model.fromBytes(model))) {
      ByteBuffer out = ByteBuffer.allocate(expected.data().remaining());
      Map<Integer, Object> outputs = new HashMap<>();
      outputs.put(0, out);
      interpreter.runForMultipleInputsOutputs(new Object[] {input.data()}, outputs);
      assertArrayEquals(expected.shape(), interpreter.getOutputTensor(0).shape(), name + " output shape");
      byte[] want = new byte[expected.data().remaining()];
      expected.data().get(want);
      byte[] got = new byte[want.length];
      out.rewind();
      out.get(got);
      int differing = 0;
      int first = -1;
      for (int i = 0; i < want.length; i++) {
        if (want[i] != got[i]) {
          differing++;
          if (first < 0) {
            first = i;
          }
        }
      }
      assertEquals(0, differing, name + ": " + differing + " differing bytes of " + want.length + ", first at byte "
          + first);
    }
  }
}
