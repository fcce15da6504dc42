package dev.lite4j.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND (expected values from numpy pad/reshape/transpose). */
class BatchSpaceTest {
  private static float[] range(int from, int to) {
    float[] v = new float[to - from + 1];
    for (int i = 0; i < v.length; i++) {
      v[i] = from + i;
    }
    return v;
  }

  @Test
  void batchToSpace4d() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    m.input(new int[] {4, 2, 2, 1}, range(1, 16));
    m.constant(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.constant(DataType.INT32, new int[] {2, 2}, new int[] {0, 0, 0, 0});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 4, 4, 1}, m.shape(0));
    assertArrayEquals(new float[] {1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16}, m.floats(0), 0f);
  }

  @Test
  void batchToSpaceCropsInt64Params() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    m.input(new int[] {4, 2, 2, 1}, range(1, 16));
    m.constant(DataType.INT64, new int[] {2}, new long[] {2, 2});
    m.constant(DataType.INT64, new int[] {2, 2}, new long[] {1, 0, 0, 1});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {9, 13, 10, 3, 7, 4, 11, 15, 12}, m.floats(0), 0f);
  }

  @Test
  void batchToSpace3dInt16() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND).version(4);
    m.input(DataType.INT16, new int[] {4, 2, 1}, new short[] {1, 2, 3, 4, 5, 6, 7, 8});
    m.constant(DataType.INT32, new int[] {1}, new int[] {2});
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {0, 1});
    m.output(DataType.INT16);
    m.run();
    assertArrayEquals(new int[] {2, 3, 1}, m.shape(0));
    assertArrayEquals(new byte[] {1, 0, 5, 0, 2, 0, 3, 0, 7, 0, 4, 0}, m.bytes(0));
  }

  @Test
  void batchToSpaceWithRunTimeBlockShape() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    m.input(DataType.INT32, new int[] {4, 2, 2, 1}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16});
    m.input(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, 0, 0, 1});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(new int[] {9, 13, 10, 3, 7, 4, 11, 15, 12}, m.ints(0));
    // The same node with other block values: the output shape follows.
    m.feed(1, new int[] {1, 1}).feed(2, new int[] {0, 0, 0, 0});
    m.run();
    assertArrayEquals(new int[] {4, 2, 2, 1}, m.shape(0));
  }

  @Test
  void batchToSpaceRejectsBadParameters() {
    // Crops larger than the dimension.
    assertBatchToSpaceFails(new int[] {2, 2}, new int[] {3, 2, 0, 0});
    // Block of zero, batch not divisible, negative crop.
    assertBatchToSpaceFails(new int[] {0, 2}, new int[] {0, 0, 0, 0});
    assertBatchToSpaceFails(new int[] {3, 1}, new int[] {0, 0, 0, 0});
    assertBatchToSpaceFails(new int[] {2, 2}, new int[] {-1, 0, 0, 0});
  }

  private static void assertBatchToSpaceFails(int[] block, int[] crops) {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    m.input(new int[] {4, 2, 2, 1}, range(1, 16));
    m.constant(DataType.INT32, new int[] {2}, block);
    m.constant(DataType.INT32, new int[] {2, 2}, crops);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void batchToSpaceRejectsRunTimeCropTooLarge() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    m.input(new int[] {4, 2, 2, 1}, range(1, 16));
    m.constant(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {0, 5, 0, 0});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void batchToSpaceRejectsWrongBlockShapeLengthAndRank() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    m.input(new int[] {4, 2, 2, 1}, range(1, 16));
    m.constant(DataType.INT32, new int[] {1}, new int[] {2});
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {0, 0});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    OpModel r = new OpModel(BuiltinOperator.BATCH_TO_SPACE_ND);
    r.input(new int[] {4, 4}, range(1, 16));
    r.constant(DataType.INT32, new int[] {0}, new int[] {});
    r.constant(DataType.INT32, new int[] {0, 2}, new int[] {});
    r.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, r::run);
  }

  @Test
  void spaceToBatch4d() {
    OpModel m = new OpModel(BuiltinOperator.SPACE_TO_BATCH_ND);
    m.input(new int[] {1, 4, 4, 1}, range(1, 16));
    m.constant(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.constant(DataType.INT32, new int[] {2, 2}, new int[] {0, 0, 0, 0});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {4, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6, 8, 14, 16}, m.floats(0), 0f);
  }

  @Test
  void spaceToBatchPadsWithZero() {
    OpModel m = new OpModel(BuiltinOperator.SPACE_TO_BATCH_ND);
    m.input(new int[] {1, 2, 3, 1}, range(1, 6));
    m.constant(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.constant(DataType.INT32, new int[] {2, 2}, new int[] {1, 1, 1, 0});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {4, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {0, 0, 0, 5, 0, 0, 4, 6, 0, 2, 0, 0, 1, 3, 0, 0}, m.floats(0), 0f);
  }

  @Test
  void spaceToBatch3dInt8PadsWithZeroPoint() {
    OpModel m = new OpModel(BuiltinOperator.SPACE_TO_BATCH_ND).version(3);
    int in = m.input(DataType.INT8, new int[] {1, 3, 2}, new byte[] {1, 2, 3, 4, 5, 6});
    m.builder().setQuantization(in, 0.5f, -5);
    m.constant(DataType.INT32, new int[] {1}, new int[] {2});
    m.constant(DataType.INT32, new int[] {1, 2}, new int[] {1, 0});
    int out = m.output(DataType.INT8);
    m.builder().setQuantization(out, 0.5f, -5);
    m.run();
    assertArrayEquals(new int[] {2, 2, 2}, m.shape(0));
    assertArrayEquals(new byte[] {-5, -5, 3, 4, 1, 2, 5, 6}, m.bytes(0));
  }

  @Test
  void spaceToBatchInt64WithRunTimePaddings() {
    OpModel m = new OpModel(BuiltinOperator.SPACE_TO_BATCH_ND);
    m.input(DataType.INT64, new int[] {1, 2, 3, 1}, new long[] {1, 2, 3, 4, 5, 6});
    m.constant(DataType.INT32, new int[] {2}, new int[] {2, 2});
    m.input(DataType.INT32, new int[] {2, 2}, new int[] {1, 1, 1, 0});
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new int[] {4, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new long[] {0, 0, 0, 5, 0, 0, 4, 6, 0, 2, 0, 0, 1, 3, 0, 0}, m.longs(0));
  }

  @Test
  void spaceToBatchRejectsBadParameters() {
    assertSpaceToBatchFails(new int[] {3, 2}, new int[] {0, 0, 0, 0}); // 4 % 3 != 0
    assertSpaceToBatchFails(new int[] {0, 2}, new int[] {0, 0, 0, 0});
    assertSpaceToBatchFails(new int[] {2, 2}, new int[] {-2, 0, 0, 0});
    assertSpaceToBatchFails(new int[] {2, 2}, new int[] {0, 1, 0, 0});
  }

  private static void assertSpaceToBatchFails(int[] block, int[] pads) {
    OpModel m = new OpModel(BuiltinOperator.SPACE_TO_BATCH_ND);
    m.input(new int[] {1, 4, 4, 1}, range(1, 16));
    m.constant(DataType.INT32, new int[] {2}, block);
    m.constant(DataType.INT32, new int[] {2, 2}, pads);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void spaceToBatchRejectsFloatBlockShape() {
    OpModel m = new OpModel(BuiltinOperator.SPACE_TO_BATCH_ND);
    m.input(new int[] {1, 4, 4, 1}, range(1, 16));
    m.constant(new int[] {2}, 2f, 2f);
    m.constant(DataType.INT32, new int[] {2, 2}, new int[] {0, 0, 0, 0});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }
}
