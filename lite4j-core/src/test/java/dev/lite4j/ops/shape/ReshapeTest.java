package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ReshapeOptionsT;

class ReshapeTest {
  private static final float[] SIX = {1f, 2f, 3f, 4f, 5f, 6f};

  private static OpModel reshape(int... newShape) {
    OpModel m = new OpModel(BuiltinOperator.RESHAPE);
    if (newShape != null) {
      ReshapeOptionsT o = new ReshapeOptionsT();
      o.setNewShape(newShape);
      m.options(o);
    }
    return m;
  }

  @Test
  void takesShapeFromOptionsAndInfersMinusOne() {
    OpModel m = reshape(2, -1);
    m.input(new int[] {1, 2, 3}, SIX);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3}, m.shape(0));
    assertArrayEquals(SIX, m.floats(0), 0f);
  }

  @Test
  void takesShapeFromConstantTensor() {
    OpModel m = reshape((int[]) null);
    m.input(new int[] {1, 2, 4, 1}, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f);
    m.constant(DataType.INT32, new int[] {3}, new int[] {2, 1, -1});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 1, 4}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f}, m.floats(0), 0f);
  }

  @Test
  void shapeTensorOfOneMinusOneFlattens() {
    OpModel m = reshape((int[]) null);
    m.input(new int[] {2, 3}, SIX);
    m.constant(DataType.INT32, new int[] {1}, new int[] {-1});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {6}, m.shape(0));
  }

  @Test
  void nonConstantShapeMakesTheOutputDynamic() {
    OpModel m = reshape((int[]) null);
    m.input(new int[] {2, 3}, SIX);
    m.input(DataType.INT32, new int[] {2}, new int[] {3, 2});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3, 2}, m.shape(0));
    assertArrayEquals(SIX, m.floats(0), 0f);
    m.feed(1, new int[] {-1, 6});
    m.run();
    assertArrayEquals(new int[] {1, 6}, m.shape(0));
    assertArrayEquals(SIX, m.floats(0), 0f);
  }

  @Test
  void legacyZeroShapeOptionMeansScalar() {
    OpModel m = reshape(0);
    m.input(new int[] {1}, 3f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[0], m.shape(0));
    assertArrayEquals(new float[] {3f}, m.floats(0), 0f);
  }

  @Test
  void emptyShapeTensorMeansScalar() {
    OpModel m = reshape((int[]) null);
    m.input(new int[] {1, 1}, 3f);
    // A zero-byte constant has no buffer, so the empty shape is fed (and the output is dynamic).
    m.input(DataType.INT32, new int[] {0}, new int[0]);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[0], m.shape(0));
  }

  @Test
  void shapeTensorHoldingZeroIsNotTheLegacyScalar() {
    // Only the options' [0] means a scalar; a shape tensor [0] asks for zero elements (reshape_test.cc).
    OpModel m = reshape((int[]) null);
    m.input(new int[] {1}, 3f);
    m.constant(DataType.INT32, new int[] {1}, new int[] {0});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void shapeTensorThatIsNoInt32VectorFallsBackToOptions() {
    OpModel scalar = reshape(3, 2);
    scalar.input(new int[] {2, 3}, SIX);
    scalar.constant(DataType.INT32, new int[0], new int[] {6});
    scalar.output(DataType.FLOAT32);
    scalar.run();
    assertArrayEquals(new int[] {3, 2}, scalar.shape(0));

    OpModel int64 = reshape(6);
    int64.input(new int[] {2, 3}, SIX);
    int64.constant(DataType.INT64, new int[] {2}, new long[] {3, 2});
    int64.output(DataType.FLOAT32);
    int64.run();
    assertArrayEquals(new int[] {6}, int64.shape(0));
  }

  @Test
  void movesAnyElementType() {
    OpModel m = reshape(2, 2);
    m.input(DataType.INT8, new int[] {4}, new byte[] {-1, 2, -3, 4});
    m.output(DataType.INT8);
    m.run();
    assertArrayEquals(new byte[] {-1, 2, -3, 4}, m.bytes(0));

    OpModel h = reshape(2);
    h.input(DataType.FLOAT16, new int[] {1, 2}, new short[] {0x3c00, (short) 0xc000});
    h.output(DataType.FLOAT16);
    h.run();
    assertArrayEquals(new byte[] {0x00, 0x3c, 0x00, (byte) 0xc0}, h.bytes(0));
  }

  @Test
  void infersZeroForEmptyInputs() {
    OpModel m = reshape(3, -1);
    m.input(new int[] {0, 3});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3, 0}, m.shape(0));
  }

  @Test
  void rejectsBadShapes() {
    OpModel two = reshape(-1, -1);
    two.input(new int[] {2, 3}, SIX);
    two.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, two::run);

    OpModel count = reshape(4, 2);
    count.input(new int[] {2, 3}, SIX);
    count.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, count::run);

    OpModel negative = reshape(-2, -3);
    negative.input(new int[] {2, 3}, SIX);
    negative.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, negative::run);

    OpModel huge = reshape((int[]) null);
    huge.input(new int[] {2, 3}, SIX);
    huge.input(DataType.INT32, new int[] {3}, new int[] {1 << 30, 1 << 30, 0x7fffffff});
    huge.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, huge::run);
  }
}
