package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.GatherOptionsT;

class GatherTest {
  private static OpModel gather(int axis, int batchDims) {
    GatherOptionsT o = new GatherOptionsT();
    o.setAxis(axis);
    o.setBatchDims(batchDims);
    return new OpModel(BuiltinOperator.GATHER).options(o);
  }

  @Test
  void gathersRowsAlongAxisZero() {
    OpModel m = gather(0, 0);
    m.input(new int[] {3, 2}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.input(DataType.INT32, new int[] {2}, new int[] {2, 0});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new float[] {5f, 6f, 1f, 2f}, m.floats(0), 0f);
  }

  @Test
  void gathersColumnsWithInt64IndicesAndNegativeAxis() {
    OpModel m = gather(-1, 0);
    m.input(DataType.INT32, new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6});
    m.constant(DataType.INT64, new int[] {2, 2}, new long[] {2, 1, 0, 0});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {2, 2, 2}, m.shape(0));
    // out[i][j][k] = p[i][idx[j][k]]
    assertArrayEquals(new int[] {3, 2, 1, 1, 6, 5, 4, 4}, m.ints(0));
  }

  @Test
  void scalarIndexDropsTheAxis() {
    OpModel m = gather(0, 0);
    m.input(DataType.BOOL, new int[] {2, 2}, new boolean[] {true, false, false, true});
    m.input(DataType.INT16, new int[0], new short[] {1});
    m.output(DataType.BOOL);
    m.run();
    assertArrayEquals(new int[] {2}, m.shape(0));
    assertArrayEquals(new boolean[] {false, true}, m.bools(0));
  }

  @Test
  void batchDimsPairParamsAndIndicesRows() {
    OpModel m = gather(1, 1);
    m.input(DataType.INT8, new int[] {2, 3}, new byte[] {10, 11, 12, 20, 21, 22});
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {0, 2, 1, 1});
    m.output(DataType.INT8);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(new byte[] {10, 12, 21, 21}, m.bytes(0));
  }

  @Test
  void negativeBatchDimsCountFromIndicesRank() {
    OpModel m = gather(1, -1);
    m.input(DataType.INT8, new int[] {2, 3}, new byte[] {10, 11, 12, 20, 21, 22});
    m.input(DataType.INT32, new int[] {2, 1}, new int[] {2, 0});
    m.output(DataType.INT8);
    m.run();
    assertArrayEquals(new int[] {2, 1}, m.shape(0));
    assertArrayEquals(new byte[] {12, 20}, m.bytes(0));
  }

  @Test
  void outOfRangeIndexFailsWhenRun() {
    OpModel m = gather(0, 0);
    m.input(new int[] {3}, 1f, 2f, 3f);
    m.input(DataType.INT32, new int[] {1}, new int[] {0});
    m.output(DataType.FLOAT32);
    m.run();
    m.feed(1, new int[] {3});
    assertThrows(ModelFormatException.class, m::run);
    m.feed(1, new int[] {-1});
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsBadAxesAndIndexTypes() {
    OpModel axis = gather(2, 0);
    axis.input(new int[] {3, 1}, 1f, 2f, 3f);
    axis.input(DataType.INT32, new int[] {1}, new int[] {0});
    axis.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, axis::run);

    OpModel batch = gather(0, 1);
    batch.input(new int[] {3, 1}, 1f, 2f, 3f);
    batch.input(DataType.INT32, new int[] {3}, new int[] {0, 0, 0});
    batch.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, batch::run);

    OpModel type = gather(0, 0);
    type.input(new int[] {3}, 1f, 2f, 3f);
    type.input(new int[] {1}, 0f);
    type.output(DataType.FLOAT32);
    assertThrows(UnsupportedOperatorException.class, type::run);
  }

  @Test
  void gatherNdPicksElementsAndSlices() {
    OpModel m = new OpModel(BuiltinOperator.GATHER_ND);
    m.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, 0, 0, 1});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2}, m.shape(0));
    assertArrayEquals(new float[] {3f, 2f}, m.floats(0), 0f);

    OpModel rows = new OpModel(BuiltinOperator.GATHER_ND);
    rows.input(DataType.INT64, new int[] {2, 2}, new long[] {1, 2, 3, 4});
    rows.constant(DataType.INT64, new int[] {2, 1, 1}, new long[] {1, 0});
    rows.output(DataType.INT64);
    rows.run();
    assertArrayEquals(new int[] {2, 1, 2}, rows.shape(0));
    assertArrayEquals(new long[] {3, 4, 1, 2}, rows.longs(0));
  }

  @Test
  void gatherNdRejectsBadIndices() {
    OpModel range = new OpModel(BuiltinOperator.GATHER_ND);
    range.input(new int[] {2, 2}, 1f, 2f, 3f, 4f);
    range.input(DataType.INT32, new int[] {1, 2}, new int[] {0, 2});
    range.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, range::run);

    OpModel depth = new OpModel(BuiltinOperator.GATHER_ND);
    depth.input(new int[] {2}, 1f, 2f);
    depth.input(DataType.INT32, new int[] {1, 2}, new int[] {0, 0});
    depth.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, depth::run);

    OpModel scalar = new OpModel(BuiltinOperator.GATHER_ND);
    scalar.input(new int[] {2}, 1f, 2f);
    scalar.input(DataType.INT32, new int[0], new int[] {0});
    scalar.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, scalar::run);
  }
}
