package dev.lite4j.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;

class AddTest {
  @Test
  void addsWithBroadcastingAndRelu6() {
    AddOptionsT o = new AddOptionsT();
    o.setFusedActivationFunction(ActivationFunctionType.RELU6);
    OpModel m = new OpModel(BuiltinOperator.ADD).options(o);
    m.input(new int[] {2, 3}, -2f, 1f, 2f, 3f, 4f, 5f);
    m.constant(new int[] {3}, 1f, 1f, 2f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(new float[] {0f, 2f, 4f, 4f, 5f, 6f}, m.floats(0), 0f);
  }

  @Test
  void addsInt32() {
    OpModel m = new OpModel(BuiltinOperator.ADD);
    m.input(DataType.INT32, new int[] {3}, new int[] {1, 2, 3});
    m.input(DataType.INT32, new int[] {1}, new int[] {-5});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {-4, -3, -2}, m.ints(0));
  }

  @Test
  void rejectsShapesThatDoNotBroadcast() {
    OpModel m = new OpModel(BuiltinOperator.ADD);
    m.input(new int[] {2}, 1f, 2f);
    m.input(new int[] {3}, 1f, 2f, 3f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }
}
