package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.UnsupportedOperatorException;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.GeluOptionsT;

/**
 * Expected values: correctly rounded float32 of 0.5 x erfc(-x/sqrt 2) and of the tanh form, from
 * mpmath at 50 digits.
 */
class GeluTest {
  private static final float[] IN = {-10f, -3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f, 10f};

  private static float[] gelu(boolean approximate) {
    GeluOptionsT o = new GeluOptionsT();
    o.setApproximate(approximate);
    return UnaryModels.runFloatWith(BuiltinOperator.GELU, o, IN);
  }

  @Test
  void exactErfForm() {
    float[] expected = {-7.619852977043458e-23f, -0.004049694165587425f, -0.15865525603294373f,
        -0.1542687714099884f, 0f, 0.3457312285900116f, 0.8413447737693787f, 2.995950222015381f, 10f};
    float[] out = gelu(false);
    assertArrayEquals(expected, out, 0f);
  }

  @Test
  void tanhApproximation() {
    // At x = -10 the exact value is -1.2e-37, but tanh(-31.6) rounds to -1 in float and in double
    // alike, so TF Lite's formula (and this kernel) gives -0.
    float[] expected = {-0f, -0.003637392073869705f, -0.15880800783634186f,
        -0.1542859971523285f, 0f, 0.3457140028476715f, 0.8411920070648193f, 2.9963626861572266f, 10f};
    float[] out = gelu(true);
    for (int i = 0; i < IN.length; i++) {
      assertEquals(expected[i], out[i], Math.abs(expected[i]) * 1e-6f, "x = " + IN[i]);
    }
  }

  @Test
  void withoutOptionsIsExact() {
    float[] out = UnaryModels.runFloat(BuiltinOperator.GELU, 1f);
    assertEquals(0.8413447737693787f, out[0], 0f);
  }

  @Test
  void rejectsQuantizedInt8() {
    assertThrows(UnsupportedOperatorException.class, UnaryModels.quantizedInt8(BuiltinOperator.GELU, 2)::run);
  }
}
