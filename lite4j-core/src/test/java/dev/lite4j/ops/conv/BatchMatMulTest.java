package dev.lite4j.ops.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BatchMatMulOptionsT;
import org.tensorflow.lite.schema.BuiltinOperator;

class BatchMatMulTest {
  private static BatchMatMulOptionsT options(boolean adjX, boolean adjY) {
    BatchMatMulOptionsT o = new BatchMatMulOptionsT();
    o.setAdjX(adjX);
    o.setAdjY(adjY);
    return o;
  }

  private static final float[] PRODUCT = {4, 5, 10, 11};

  @Test
  void multipliesMatrices() {
    // [1 2 3; 4 5 6] x [1 0; 0 1; 1 1] = [4 5; 10 11]
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false));
    m.input(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    m.constant(new int[] {3, 2}, 1, 0, 0, 1, 1, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(PRODUCT, m.floats(0), 0f);
  }

  @Test
  void adjXTransposesTheStoredLhs() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(true, false));
    m.input(new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
    m.input(new int[] {3, 2}, 1, 0, 0, 1, 1, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 2}, m.shape(0));
    assertArrayEquals(PRODUCT, m.floats(0), 0f);
  }

  @Test
  void adjYTransposesTheStoredRhs() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, true));
    m.input(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    m.constant(new int[] {2, 3}, 1, 0, 1, 0, 1, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(PRODUCT, m.floats(0), 0f);
  }

  @Test
  void broadcastsBatchDimensions() {
    // lhs batches I and 2I (shape [2,1,2,2]) against rhs batches R0, R1, R2 (shape [3,2,2]).
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false));
    m.input(new int[] {2, 1, 2, 2}, 1, 0, 0, 1, 2, 0, 0, 2);
    m.constant(new int[] {3, 2, 2}, 1, 2, 3, 4, 0, 1, 1, 0, 5, 5, 5, 5);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 3, 2, 2}, m.shape(0));
    assertArrayEquals(new float[] {1, 2, 3, 4, 0, 1, 1, 0, 5, 5, 5, 5, 2, 4, 6, 8, 0, 2, 2, 0, 10, 10, 10, 10},
        m.floats(0), 0f);
  }

  @Test
  void rhsComputedAtRunTimeIsReadOnEveryRun() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false));
    m.input(new int[] {2, 1, 2}, 1, 2, 3, 4);
    m.input(new int[] {2, 1}, 1, 1);
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {2, 1, 1}, m.shape(0));
    assertArrayEquals(new float[] {3, 7}, m.floats(0), 0f);
    m.feed(1, new float[] {1, -1});
    m.run();
    assertArrayEquals(new float[] {-1, -1}, m.floats(0), 0f);
  }

  @Test
  void matchesTheDefinitionForEveryRankAndAdjointCombination() {
    Random r = new Random(3);
    check(r, new int[] {5, 3}, new int[] {2, 3, 4}, false, false, true);
    check(r, new int[] {2, 1, 3, 6, 5}, new int[] {3, 6, 4}, true, false, false);
    check(r, new int[] {1, 2, 7, 3}, new int[] {2, 1, 5, 3}, false, true, true);
    check(r, new int[] {2, 4, 9}, new int[] {2, 6, 4}, true, true, false);
  }

  private static void check(Random r, int[] lShape, int[] rShape, boolean adjX, boolean adjY, boolean rhsConstant) {
    float[] l = Conv2DTest.random(r, count(lShape));
    float[] rv = Conv2DTest.random(r, count(rShape));
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(adjX, adjY));
    m.input(lShape, l);
    if (rhsConstant) {
      m.constant(rShape, rv);
    } else {
      m.input(rShape, rv);
    }
    m.output(DataType.FLOAT32);
    m.run();
    int rank = Math.max(lShape.length, rShape.length);
    int[] le = extend(lShape, rank);
    int[] re = extend(rShape, rank);
    int rows = adjX ? le[rank - 1] : le[rank - 2];
    int depth = adjX ? le[rank - 2] : le[rank - 1];
    int cols = adjY ? re[rank - 2] : re[rank - 1];
    int[] out = new int[rank];
    for (int d = 0; d < rank - 2; d++) {
      out[d] = Math.max(le[d], re[d]);
    }
    out[rank - 2] = rows;
    out[rank - 1] = cols;
    assertArrayEquals(out, m.shape(0));
    int batches = count(out) / (rows * cols);
    float[] expected = new float[count(out)];
    for (int b = 0; b < batches; b++) {
      int lb = 0;
      int rb = 0;
      int rest = b;
      int lStride = 1;
      int rStride = 1;
      for (int d = rank - 3; d >= 0; d--) {
        int i = rest % out[d];
        rest /= out[d];
        lb += (le[d] == 1 ? 0 : i) * lStride;
        rb += (re[d] == 1 ? 0 : i) * rStride;
        lStride *= le[d];
        rStride *= re[d];
      }
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          float sum = 0;
          for (int k = 0; k < depth; k++) {
            float a = adjX ? l[lb * rows * depth + k * rows + i] : l[lb * rows * depth + i * depth + k];
            float c = adjY ? rv[rb * depth * cols + j * depth + k] : rv[rb * depth * cols + k * cols + j];
            sum += a * c;
          }
          expected[(b * rows + i) * cols + j] = sum;
        }
      }
    }
    assertArrayEquals(expected, m.floats(0), 1e-5f);
  }

  private static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  private static int[] extend(int[] shape, int rank) {
    int[] e = new int[rank];
    java.util.Arrays.fill(e, 1);
    System.arraycopy(shape, 0, e, rank - shape.length, shape.length);
    return e;
  }

  @Test
  void contractedDimensionsThatDifferAreAModelError() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false));
    m.input(new int[] {2, 3}, new float[6]);
    m.constant(new int[] {2, 2}, new float[4]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void batchDimensionsThatDoNotBroadcastAreAModelError() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false));
    m.input(new int[] {2, 1, 2}, new float[4]);
    m.constant(new int[] {3, 2, 1}, new float[6]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void rankAboveFiveIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false));
    m.input(new int[] {1, 1, 1, 1, 1, 1}, new float[1]);
    m.constant(new int[] {1, 1}, new float[1]);
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
  }

  @Test
  void int8InputWithoutScalesIsAModelError() {
    OpModel m = new OpModel(BuiltinOperator.BATCH_MATMUL).options(options(false, false)).version(2);
    m.input(DataType.INT8, new int[] {1, 1}, new byte[] {1});
    m.input(DataType.INT8, new int[] {1, 1}, new byte[] {1});
    m.output(DataType.INT8);
    // the integer kernel takes INT8 nodes; these tensors carry no quantization
    assertThrows(ModelFormatException.class, m::run);
  }
}
