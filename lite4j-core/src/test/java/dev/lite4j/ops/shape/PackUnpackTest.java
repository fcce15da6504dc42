package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.PackOptionsT;
import org.tensorflow.lite.schema.UnpackOptionsT;

class PackUnpackTest {
  private static OpModel pack(int count, int axis) {
    PackOptionsT o = new PackOptionsT();
    o.setValuesCount(count);
    o.setAxis(axis);
    return new OpModel(BuiltinOperator.PACK).options(o);
  }

  @Test
  void packsAlongANewOuterAxis() {
    OpModel m = pack(3, 0);
    m.input(new int[] {2}, 1f, 2f);
    m.input(new int[] {2}, 3f, 4f);
    m.constant(new int[] {2}, 5f, 6f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3, 2}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, m.floats(0), 0f);
  }

  @Test
  void packsAlongTheLastAxis() {
    OpModel m = pack(2, -1);
    m.input(DataType.INT64, new int[] {3}, new long[] {1, 2, 3});
    m.input(DataType.INT64, new int[] {3}, new long[] {4, 5, 6});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new int[] {3, 2}, m.shape(0));
    assertArrayEquals(new long[] {1, 4, 2, 5, 3, 6}, m.longs(0));
  }

  @Test
  void packsAlongAMiddleAxis() {
    OpModel m = pack(2, 1);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, 2, 3, 4});
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {5, 6, 7, 8});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {2, 2, 2}, m.shape(0));
    assertArrayEquals(new int[] {1, 2, 5, 6, 3, 4, 7, 8}, m.ints(0));
  }

  @Test
  void packRejectsMismatches() {
    OpModel shape = pack(2, 0);
    shape.input(new int[] {2}, 1f, 2f);
    shape.input(new int[] {3}, 1f, 2f, 3f);
    shape.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, shape::run);

    OpModel count = pack(3, 0);
    count.input(new int[] {2}, 1f, 2f);
    count.input(new int[] {2}, 1f, 2f);
    count.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, count::run);

    OpModel quant = pack(2, 0);
    int a = quant.input(DataType.INT8, new int[] {1}, new byte[] {1});
    int b = quant.input(DataType.INT8, new int[] {1}, new byte[] {2});
    int out = quant.output(DataType.INT8);
    quant.builder().setQuantization(a, 1f, 0);
    quant.builder().setQuantization(b, 2f, 0);
    quant.builder().setQuantization(out, 1f, 0);
    assertThrows(ModelFormatException.class, quant::run);

    OpModel axis = pack(2, 2);
    axis.input(new int[] {2}, 1f, 2f);
    axis.input(new int[] {2}, 3f, 4f);
    axis.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, axis::run);
  }

  private static OpModel unpack(int num, int axis) {
    UnpackOptionsT o = new UnpackOptionsT();
    o.setNum(num);
    o.setAxis(axis);
    return new OpModel(BuiltinOperator.UNPACK).options(o);
  }

  @Test
  void unpacksTheOuterAxis() {
    OpModel m = unpack(2, 0);
    m.input(new int[] {2, 3}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.output(DataType.FLOAT32);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {3}, m.shape(0));
    assertArrayEquals(new float[] {1f, 2f, 3f}, m.floats(0), 0f);
    assertArrayEquals(new float[] {4f, 5f, 6f}, m.floats(1), 0f);
  }

  @Test
  void unpacksTheLastAxisOfBools() {
    OpModel m = unpack(3, -1);
    m.input(DataType.BOOL, new int[] {2, 3}, new boolean[] {true, false, false, false, true, true});
    for (int i = 0; i < 3; i++) {
      m.output(DataType.BOOL);
    }
    m.run();
    assertArrayEquals(new int[] {2}, m.shape(2));
    assertArrayEquals(new boolean[] {true, false}, m.bools(0));
    assertArrayEquals(new boolean[] {false, true}, m.bools(1));
    assertArrayEquals(new boolean[] {false, true}, m.bools(2));
  }

  @Test
  void unpackRejectsAWrongCountOrAxis() {
    OpModel num = unpack(3, 0);
    num.input(new int[] {2, 3}, 1f, 2f, 3f, 4f, 5f, 6f);
    for (int i = 0; i < 3; i++) {
      num.output(DataType.FLOAT32);
    }
    assertThrows(ModelFormatException.class, num::run);

    OpModel axis = unpack(2, 2);
    axis.input(new int[] {2, 3}, 1f, 2f, 3f, 4f, 5f, 6f);
    axis.output(DataType.FLOAT32);
    axis.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, axis::run);
  }
}
