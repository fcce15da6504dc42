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
      "sum_int8_wrap", "sum_int16_same", "sum_uint8_overflow", "sum_int8_overflow", "reduce_max_int8", "reduce_max_uint8", "reduce_min_int8",
      "reduce_min_uint8", "reduce_max_int16", "argmax_uint8", "argmax_int8", "argmin_int8", "argmin_uint8",
      "batch_to_space_nd_int8", "batch_to_space_nd_uint8", "depth_to_space_int8", "depth_to_space_uint8",
      "expand_dims_int8", "expand_dims_uint8", "gather_int8", "gather_nd_int8", "gather_nd_uint8", "gather_uint8",
      "pack_int8", "pack_uint8", "resize_nearest_half_int8", "resize_nearest_half_uint8", "resize_nearest_int8",
      "resize_nearest_uint8", "slice_int8", "slice_uint8", "space_to_batch_nd_int8", "space_to_batch_nd_uint8",
      "space_to_depth_int8", "space_to_depth_uint8", "split_int8", "split_uint8", "split_v_int8", "split_v_uint8",
      "squeeze_int8", "squeeze_uint8", "strided_slice_int8", "strided_slice_uint8", "transpose_int8",
      "transpose_uint8", "unpack_int8", "unpack_uint8", "l2norm_uint8", "l2norm_int8", "l2norm_int8_small",
      "resize_bilinear_2x_int16", "resize_bilinear_2x_int8", "resize_bilinear_2x_uint8",
      "resize_bilinear_align_int16", "resize_bilinear_align_int8", "resize_bilinear_align_uint8",
      "resize_bilinear_down_int16", "resize_bilinear_down_int8", "resize_bilinear_down_uint8",
      "resize_bilinear_half2x8_int16", "resize_bilinear_half2x8_int8", "resize_bilinear_half2x8_uint8",
      "resize_bilinear_half_int16", "resize_bilinear_half_int8", "resize_bilinear_half_uint8",
      "resize_bilinear_int16", "resize_bilinear_int8", "resize_bilinear_uint8",
      "squeeze_int16", "expand_dims_int16", "transpose_int16", "slice_int16", "strided_slice_int16", "split_int16",
      "split_v_int16", "pack_int16", "unpack_int16", "gather_int16", "gather_nd_int16", "resize_nearest_int16",
      "resize_nearest_half_int16"})
  void bitExact(String name) throws IOException {
    GoldenOps.assertBitExact(name);
  }
}
