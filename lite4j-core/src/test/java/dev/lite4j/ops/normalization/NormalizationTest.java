package dev.lite4j.ops.normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.L2NormOptionsT;
import org.tensorflow.lite.schema.LocalResponseNormalizationOptionsT;

/** L2_NORMALIZATION and LOCAL_RESPONSE_NORMALIZATION. */
class NormalizationTest {
  @Test
  void l2NormalizesEachRowAndLeavesZerosAtZero() {
    OpModel m = new OpModel(BuiltinOperator.L2_NORMALIZATION).options(new L2NormOptionsT());
    m.input(new int[] {1, 1, 2, 6}, -1.1f, 0.6f, 0.7f, 1.2f, -0.7f, 0.1f, 0f, 0f, 0f, 0f, 0f, 0f);
    m.output(DataType.FLOAT32);
    m.run();
    // Row 1: the squares sum to 4, so the norm is 2; row 2: 0 / max(0, 1e-6) = 0.
    float[] expected = {-0.55f, 0.3f, 0.35f, 0.6f, -0.35f, 0.05f, 0f, 0f, 0f, 0f, 0f, 0f};
    assertArrayEquals(expected, m.floats(0), 1e-6f);
  }

  @Test
  void l2UsesEpsilonForTinyNorms() {
    OpModel m = new OpModel(BuiltinOperator.L2_NORMALIZATION);
    m.input(new int[] {2}, 3e-7f, 4e-7f);
    m.output(DataType.FLOAT32);
    m.run();
    // The norm 5e-7 is below epsilon 1e-6, which divides instead.
    assertArrayEquals(new float[] {0.3f, 0.4f}, m.floats(0), 1e-6f);
  }

  @Test
  void l2RefusesFusedActivation() {
    L2NormOptionsT o = new L2NormOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.RELU);
    OpModel m = new OpModel(BuiltinOperator.L2_NORMALIZATION).options(o);
    m.input(new int[] {2}, 3f, 4f);
    m.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void l2RejectsRankFive() {
    OpModel m = new OpModel(BuiltinOperator.L2_NORMALIZATION);
    m.input(new int[] {1, 1, 1, 1, 2}, 3f, 4f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  private static OpModel lrn(int radius, float bias, float alpha, float beta, int[] shape, float... values) {
    LocalResponseNormalizationOptionsT o = new LocalResponseNormalizationOptionsT();
    o.setRadius(radius);
    o.setBias(bias);
    o.setAlpha(alpha);
    o.setBeta(beta);
    OpModel m = new OpModel(BuiltinOperator.LOCAL_RESPONSE_NORMALIZATION).options(o);
    m.input(shape, values);
    m.output(DataType.FLOAT32);
    return m;
  }

  @Test
  void lrnSmallRadiusUsesSymmetricWindow() {
    OpModel m = lrn(2, 9f, 4f, 0.5f, new int[] {1, 1, 1, 6}, -1.1f, 0.6f, 0.7f, 1.2f, -0.7f, 0.1f);
    m.run();
    // Channel 0: x / sqrt(9 + 4 * (1.21 + 0.36 + 0.49)) = -1.1 / sqrt(17.24) = -0.2649257, ...
    float[] expected = {-0.26492568f, 0.12510865f, 0.14011213f, 0.26726124f, -0.16178756f, 0.0244266f};
    assertArrayEquals(expected, m.floats(0), 1e-6f);
  }

  @Test
  void lrnLargeRadiusIsAnL2Norm() {
    OpModel m = lrn(20, 0f, 1f, 0.5f, new int[] {1, 1, 1, 6}, -1.1f, 0.6f, 0.7f, 1.2f, -0.7f, 0.1f);
    m.run();
    assertArrayEquals(new float[] {-0.55f, 0.3f, 0.35f, 0.6f, -0.35f, 0.05f}, m.floats(0), 1e-6f);
  }

  @Test
  void lrnRadiusZeroAndOnePerPixel() {
    OpModel m = lrn(0, 1f, 1f, 1f, new int[] {1, 1, 1, 3}, 2f, -3f, 0.5f);
    m.run();
    // x / (1 + x^2): 2/5, -3/10, 0.5/1.25
    assertArrayEquals(new float[] {0.4f, -0.3f, 0.4f}, m.floats(0), 1e-6f);
    OpModel m2 = lrn(1, 2f, 0.5f, 0.75f, new int[] {1, 2, 1, 2}, 1f, 2f, 3f, 4f);
    m2.run();
    // Two pixels of two channels; pixel 1: (2 + 0.5 * 5)^-0.75 for both; pixel 2: (2 + 0.5 * 25)^-0.75
    assertArrayEquals(new float[] {0.32366118f, 0.64732236f, 0.40373393f, 0.53831191f}, m2.floats(0), 1e-6f);
  }

  @Test
  void lrnRejectsNegativeRadiusAndNon4D() {
    assertThrows(ModelFormatException.class, lrn(-1, 1f, 1f, 1f, new int[] {1, 1, 1, 1}, 1f)::run);
    assertThrows(ModelFormatException.class, lrn(1, 1f, 1f, 1f, new int[] {1, 1, 1}, 1f)::run);
  }

  @Test
  void lrnRefusesInt8() {
    LocalResponseNormalizationOptionsT o = new LocalResponseNormalizationOptionsT();
    OpModel m = new OpModel(BuiltinOperator.LOCAL_RESPONSE_NORMALIZATION).options(o);
    m.input(DataType.INT8, new int[] {1, 1, 1, 1}, new byte[] {1});
    m.output(DataType.INT8);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
