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
      "reshape_int8",
      "concat_uint8_rescale", "concat_int8", "concat_int16", "pad_uint8", "pad_int8", "pad_int16", "padv2_uint8",
      "padv2_int8", "mean_uint8_hw", "mean_int8_hw", "mean_int16_hw", "mean_uint8_same", "mean_int8_same",
      "mean_uint8_rescale", "mean_int8_rescale", "mean_int16_rescale", "sum_uint8_rescale", "sum_int8_rescale",
      "sum_int8_wrap", "sum_int16_same", "reduce_max_int8", "reduce_max_uint8", "reduce_min_int8",
      "reduce_min_uint8", "reduce_max_int16", "argmax_uint8", "argmax_int8", "argmin_int8", "argmin_uint8"})
  void bitExact(String name) throws IOException {
    GoldenOps.assertBitExact(name);
  }
}
