package dev.lite4j.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DepthToSpaceOptionsT;
import org.tensorflow.lite.schema.SpaceToDepthOptionsT;

/** DEPTH_TO_SPACE and SPACE_TO_DEPTH, TensorFlow's DCR order (numpy reshape/transpose by hand). */
class DepthSpaceTest {
  private static OpModel depthToSpace(int blockSize) {
    DepthToSpaceOptionsT o = new DepthToSpaceOptionsT();
    o.setBlockSize(blockSize);
    return new OpModel(BuiltinOperator.DEPTH_TO_SPACE).options(o);
  }

  private static OpModel spaceToDepth(int blockSize) {
    SpaceToDepthOptionsT o = new SpaceToDepthOptionsT();
    o.setBlockSize(blockSize);
    return new OpModel(BuiltinOperator.SPACE_TO_DEPTH).options(o);
  }

  @Test
  void depthToSpaceSinglePixel() {
    OpModel m = depthToSpace(2);
    m.input(new int[] {1, 1, 1, 4}, 1.4f, 2.3f, 3.2f, 4.1f);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 1}, m.shape(0));
    assertArrayEquals(new float[] {1.4f, 2.3f, 3.2f, 4.1f}, m.floats(0), 0f);
  }

  @Test
  void depthToSpaceInterleavesPixels() {
    OpModel m = depthToSpace(2);
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i;
    }
    m.input(new int[] {1, 2, 2, 4}, in);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 4, 4, 1}, m.shape(0));
    assertArrayEquals(new float[] {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15}, m.floats(0), 0f);
  }

  @Test
  void depthToSpaceInt64WithBatches() {
    OpModel m = depthToSpace(2);
    long[] in = new long[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i + 1 + (1L << 40);
    }
    m.input(DataType.INT64, new int[] {2, 1, 2, 4}, in);
    m.output(DataType.INT64);
    m.run();
    assertArrayEquals(new int[] {2, 2, 4, 1}, m.shape(0));
    long[] expected = {1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16};
    for (int i = 0; i < 16; i++) {
      expected[i] += 1L << 40;
    }
    assertArrayEquals(expected, m.longs(0));
  }

  @Test
  void depthToSpaceInt8KeepsDepthRuns() {
    OpModel m = depthToSpace(2);
    m.input(DataType.INT8, new int[] {1, 1, 1, 8}, new byte[] {1, -2, 3, -4, 5, -6, 7, -8});
    m.output(DataType.INT8);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 2}, m.shape(0));
    assertArrayEquals(new byte[] {1, -2, 3, -4, 5, -6, 7, -8}, m.bytes(0));
  }

  @Test
  void spaceToDepthGathersBlocks() {
    OpModel m = spaceToDepth(2);
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i;
    }
    m.input(new int[] {1, 4, 4, 1}, in);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 2, 2, 4}, m.shape(0));
    assertArrayEquals(new float[] {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15}, m.floats(0), 0f);
  }

  @Test
  void spaceToDepthUint8TwoChannels() {
    OpModel m = spaceToDepth(2);
    byte[] in = new byte[16];
    for (int i = 0; i < 16; i++) {
      in[i] = (byte) (i + 1 + 200);
    }
    m.input(DataType.UINT8, new int[] {1, 2, 4, 2}, in);
    m.output(DataType.UINT8);
    m.run();
    assertArrayEquals(new int[] {1, 1, 2, 8}, m.shape(0));
    int[] order = {1, 2, 3, 4, 9, 10, 11, 12, 5, 6, 7, 8, 13, 14, 15, 16};
    byte[] expected = new byte[16];
    for (int i = 0; i < 16; i++) {
      expected[i] = (byte) (order[i] + 200);
    }
    assertArrayEquals(expected, m.bytes(0));
  }

  @Test
  void spaceToDepthInt32() {
    OpModel m = spaceToDepth(2);
    m.input(DataType.INT32, new int[] {1, 2, 2, 1}, new int[] {-1, 2, -3, 4});
    m.output(DataType.INT32);
    m.run();
    assertArrayEquals(new int[] {1, 1, 1, 4}, m.shape(0));
    assertArrayEquals(new int[] {-1, 2, -3, 4}, m.ints(0));
  }

  @Test
  void rejectsZeroBlockSize() {
    OpModel m = depthToSpace(0);
    m.input(new int[] {1, 1, 1, 4}, 1f, 2f, 3f, 4f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    OpModel s = spaceToDepth(0);
    s.input(new int[] {1, 2, 2, 1}, 1f, 2f, 3f, 4f);
    s.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, s::run);
  }

  @Test
  void rejectsDepthNotMultipleOfBlockSquare() {
    OpModel m = depthToSpace(2);
    m.input(new int[] {1, 1, 1, 6}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsSpaceNotMultipleOfBlock() {
    OpModel m = spaceToDepth(2);
    m.input(new int[] {1, 3, 2, 1}, 1f, 2f, 3f, 4f, 5f, 6f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rejectsWrongRankAndMismatchedOutputType() {
    OpModel m = depthToSpace(2);
    m.input(new int[] {1, 1, 4}, 1f, 2f, 3f, 4f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    OpModel t = depthToSpace(2);
    t.input(new int[] {1, 1, 1, 4}, 1f, 2f, 3f, 4f);
    t.output(DataType.INT32);
    assertThrows(ModelFormatException.class, t::run);
  }

  @Test
  void rejectsHugeBlockSize() {
    OpModel m = depthToSpace(1 << 20);
    m.input(new int[] {1, 1, 1, 4}, 1f, 2f, 3f, 4f);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }
}
