package dev.lite4j.goldenops;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pools, softmaxes and shape ops on int8/uint8/int16, bit-exact against goldens made by TF Lite 2.6.2. */
class ShapeFamilyGoldenTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "avgpool_uint8", "avgpool_int8", "avgpool_int8_valid_relu", "avgpool_int16",
      "maxpool_uint8", "maxpool_int8", "maxpool_int16",
      "softmax_uint8", "softmax_uint8_beta", "softmax_int8", "softmax_int8_beta", "softmax_int8_int16",
      "softmax_uint8_int16", "softmax_int16", "softmax_int16_beta",
      "logsoftmax_uint8", "logsoftmax_int8",
      "reshape_int8"})
  void bitExact(String name) throws IOException {
    GoldenOps.assertBitExact(name);
  }
}
