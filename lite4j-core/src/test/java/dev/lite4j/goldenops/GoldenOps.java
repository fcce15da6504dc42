package dev.lite4j.goldenops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lite4j.Interpreter;
import dev.lite4j.Tensor;
import dev.lite4j.io.Npy;
import dev.lite4j.testutil.TestResources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a one-op golden of {@code src/test/resources/golden-ops/<name>/} (model.tflite, case c1 recorded by
 * the real TensorFlow Lite 2.6.2) and checks that every integer output is bit-exact.
 */
public final class GoldenOps {
  private GoldenOps() {}

  static byte[] resource(String path) throws IOException {
    return TestResources.bytes("/golden-ops/" + path);
  }

  static Npy npy(String path) throws IOException {
    return TestResources.npy("/golden-ops/" + path);
  }

  /** Runs golden {@code name} and asserts its outputs equal TF Lite's byte for byte; returns how many elements. */
  public static int assertBitExact(String name) throws IOException {
    ByteBuffer model = ByteBuffer.allocateDirect(resource(name + "/model.tflite").length);
    model.put(resource(name + "/model.tflite")).flip();
    Interpreter interpreter = new Interpreter(model);
    Object[] inputs = new Object[interpreter.getInputTensorCount()];
    for (int i = 0; i < inputs.length; i++) {
      Npy in = npy(name + "/golden/c1/input_" + i + ".npy");
      inputs[i] = in.toInputBuffer(interpreter.getInputTensor(i).dataType());
    }
    Map<Integer, Object> outputs = new HashMap<>();
    interpreter.runForMultipleInputsOutputs(inputs, outputs);
    int elements = 0;
    for (int o = 0; o < interpreter.getOutputTensorCount(); o++) {
      Npy expected = npy(name + "/golden/c1/output_" + o + ".npy");
      Tensor actual = interpreter.getOutputTensor(o);
      assertArrayEquals(expected.shape(), actual.shape(), name + " output " + o + " shape");
      assertEquals(expected.dataType(), actual.dataType(), name + " output " + o + " type");
      ByteBuffer want = expected.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer got = actual.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
      byte[] w = new byte[want.remaining()];
      want.get(w);
      byte[] g = new byte[got.remaining()];
      got.get(g);
      int size = expected.elementBytes();
      int differing = 0;
      String first = null;
      for (int e = 0; e < w.length / size; e++) {
        long we = expected.getLong(e);
        ByteBuffer gb = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
        long ge = switch (size) {
          case 1 -> expected.dtype().equals("|u1") ? gb.get(e) & 0xff : gb.get(e);
          case 2 -> gb.getShort(e * 2);
          case 4 -> gb.getInt(e * 4);
          default -> gb.getLong(e * 8);
        };
        if (we != ge) {
          differing++;
          if (first == null) {
            first = "element " + e + ": TF Lite " + we + ", Lite4j " + ge;
          }
        }
      }
      assertEquals(0, differing, name + " output " + o + ": " + differing + " of " + w.length / size
          + " elements differ; first " + first);
      elements += w.length / size;
    }
    return elements;
  }
}
