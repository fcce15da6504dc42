package dev.lite4j.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

/** SOFTMAX and LOG_SOFTMAX over the last dimension. */
class SoftmaxTest {
  private static OpModel softmax(float beta, int[] shape, float... values) {
    SoftmaxOptionsT o = new SoftmaxOptionsT();
    o.setBeta(beta);
    OpModel m = new OpModel(BuiltinOperator.SOFTMAX).options(o);
    m.input(shape, values);
    m.output(DataType.FLOAT32);
    m.run();
    return m;
  }

  @Test
  void softmaxOfOneRow() {
    OpModel m = softmax(1f, new int[] {3}, 1f, 2f, 3f);
    // e^-2, e^-1, 1 over their sum 1.5032147
    assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, m.floats(0), 1e-6f);
  }

  @Test
  void softmaxWithBetaPerRowAndLargeValues() {
    OpModel m = softmax(0.5f, new int[] {1, 2, 1, 2}, 0f, 2f, -1f, 1000f);
    assertArrayEquals(new int[] {1, 2, 1, 2}, m.shape(0));
    // Row 1: e^0 / (1 + e^1) ... = 0.26894142, 0.73105858; row 2: the max is subtracted, so no overflow.
    assertArrayEquals(new float[] {0.26894142f, 0.73105858f, 0f, 1f}, m.floats(0), 1e-6f);
  }

  @Test
  void softmaxRejectsScalar() {
    SoftmaxOptionsT o = new SoftmaxOptionsT();
    o.setBeta(1f);
    OpModel m = new OpModel(BuiltinOperator.SOFTMAX).options(o);
    m.input(new int[] {}, 1f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void softmaxRefusesInt8InputWithUint8Output() {
    // TF Lite 2.6 pairs int8 inputs with int8 or int16 outputs only.
    OpModel m = new OpModel(BuiltinOperator.SOFTMAX).version(2).options(new SoftmaxOptionsT());
    int t = m.input(DataType.INT8, new int[] {2}, new byte[] {1, 2});
    m.builder().setQuantization(t, 0.1f, 0);
    int out = m.output(DataType.UINT8);
    m.builder().setQuantization(out, 1f / 256, 0);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  @Test
  void logSoftmaxPerRow() {
    OpModel m = new OpModel(BuiltinOperator.LOG_SOFTMAX);
    m.input(new int[] {3, 2}, 1f, 3f, -5f, 5f, 0f, 0f);
    m.output(DataType.FLOAT32);
    m.run();
    // x - max - log(sum exp(x - max)): [-2, 0] - log(1 + e^-2) ...; [-10, 0] - log(1 + e^-10); log(1/2)
    float[] expected = {-2.126928f, -0.126928f, -10.0000454f, -4.53989e-5f, -0.6931472f, -0.6931472f};
    assertArrayEquals(expected, m.floats(0), 1e-6f);
  }

  @Test
  void logSoftmaxOfThree() {
    OpModel m = new OpModel(BuiltinOperator.LOG_SOFTMAX);
    m.input(new int[] {1, 3}, 1f, 2f, 3f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new float[] {-2.407606f, -1.407606f, -0.407606f}, m.floats(0), 1e-6f);
  }

  @Test
  void logSoftmaxRefusesInt32() {
    OpModel m = new OpModel(BuiltinOperator.LOG_SOFTMAX);
    m.input(DataType.INT32, new int[] {2}, new int[] {1, 2});
    m.output(DataType.INT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }
}
