package dev.lite4j.ops.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class PreluTest {
  @Test
  void alphaPerChannelBroadcastOverBatchAndSpace() {
    // Input [1, 2, 2, 3], alpha [1, 1, 3] (TF Lite's usual layout): channel c negatives times alpha[c].
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    m.input(new int[] {1, 2, 2, 3},
        0f, 0f, 0f,
        1f, 1f, 1f,
        -1f, -1f, -1f,
        -2f, -2f, -2f);
    m.constant(new int[] {1, 1, 3}, 0f, 1f, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 3}, m.shape(0));
    assertArrayEquals(new float[] {
        0f, 0f, 0f,
        1f, 1f, 1f,
        0f, -1f, -2f,
        0f, -2f, -4f}, m.floats(0), 0f);
  }

  @Test
  void alphaOfTheSameShapeAndRank1Alpha() {
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    m.input(new int[] {2, 2}, -1f, -2f, 3f, -4f);
    m.constant(new int[] {2, 2}, 0.5f, 0.25f, 9f, -1f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-0.5f, -0.5f, 3f, 4f}, m.floats(0), 0f);

    OpModel v = new OpModel(BuiltinOperator.PRELU);
    v.input(new int[] {2, 2}, -1f, -2f, 3f, -4f);
    v.input(new int[] {2}, 0.5f, 0.25f); // alpha fed at run time
    v.output(DataType.FLOAT32);
    v.run();
    assertArrayEquals(new float[] {-0.5f, -0.5f, 3f, -1f}, v.floats(0), 0f);
  }

  @Test
  void alphaBroadcastAlongAMiddleAxisAtRank5() {
    // Input [2, 1, 2, 1, 2], alpha [2, 1, 1] varies along axis 2 only.
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    m.input(new int[] {2, 1, 2, 1, 2}, -1f, -1f, -1f, -1f, -2f, 2f, -2f, -2f);
    m.constant(new int[] {2, 1, 1}, 10f, 100f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-10f, -10f, -100f, -100f, -20f, 2f, -200f, -200f}, m.floats(0), 0f);
  }

  @Test
  void rejectsAlphaThatWouldEnlargeTheOutput() {
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    m.input(new int[] {1, 2}, 1f, -1f);
    m.constant(new int[] {3, 2}, 1f, 1f, 1f, 1f, 1f, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsAlphaThatDoesNotBroadcast() {
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    m.input(new int[] {2, 3}, 1f, -1f, 1f, -1f, 1f, -1f);
    m.constant(new int[] {2}, 1f, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsMismatchedAlphaTypeAndQuantizedInput() {
    OpModel m = new OpModel(BuiltinOperator.PRELU);
    m.input(new int[] {2}, 1f, -1f);
    m.constant(DataType.INT32, new int[] {1}, new int[] {1});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);

    OpModel q = new OpModel(BuiltinOperator.PRELU);
    int in = q.input(DataType.INT16, new int[] {2}, new short[] {1, -1});
    q.builder().setQuantization(in, 0.5f, 0);
    int alpha = q.constant(DataType.INT16, new int[] {1}, new byte[] {2, 0});
    q.builder().setQuantization(alpha, 0.5f, 0);
    int out = q.output(DataType.INT16);
    q.builder().setQuantization(out, 0.5f, 0);
    assertThrows(UnsupportedOperatorException.class, q::run); // TF Lite 2.6: PRELU has no INT16 kernel
  }
}
