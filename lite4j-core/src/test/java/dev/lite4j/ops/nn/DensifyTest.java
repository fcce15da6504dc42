package dev.lite4j.ops.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.DimensionMetadataT;
import org.tensorflow.lite.schema.DimensionType;
import org.tensorflow.lite.schema.Int32VectorT;
import org.tensorflow.lite.schema.SparseIndexVector;
import org.tensorflow.lite.schema.SparseIndexVectorUnion;
import org.tensorflow.lite.schema.SparsityParametersT;

/** DENSIFY of CSR, permuted and block-sparse constants. */
class DensifyTest {
  private static DimensionMetadataT dense(int size) {
    DimensionMetadataT d = new DimensionMetadataT();
    d.setFormat(DimensionType.DENSE);
    d.setDenseSize(size);
    return d;
  }

  private static DimensionMetadataT csr(int[] segments, int[] indices) {
    DimensionMetadataT d = new DimensionMetadataT();
    d.setFormat(DimensionType.SPARSE_CSR);
    d.setArraySegments(int32(segments));
    d.setArrayIndices(int32(indices));
    return d;
  }

  private static SparseIndexVectorUnion int32(int[] values) {
    Int32VectorT v = new Int32VectorT();
    v.setValues(values);
    SparseIndexVectorUnion u = new SparseIndexVectorUnion();
    u.setType(SparseIndexVector.Int32Vector);
    u.setValue(v);
    return u;
  }

  private static SparsityParametersT sparsity(int[] order, int[] blockMap, DimensionMetadataT... dims) {
    SparsityParametersT s = new SparsityParametersT();
    s.setTraversalOrder(order);
    s.setBlockMap(blockMap);
    s.setDimMetadata(dims);
    return s;
  }

  /** A DENSIFY node whose constant input of the dense {@code shape} stores {@code values} sparsely. */
  private static OpModel densify(DataType type, int[] shape, Object values, SparsityParametersT s) {
    OpModel m = new OpModel(BuiltinOperator.DENSIFY);
    int t = m.constant(type, shape, values);
    m.builder().tensor(t).setSparsity(s);
    m.output(type);
    return m;
  }

  private static SparsityParametersT rowsDenseColumnsCsr() {
    // Rows: 0 -> columns 0, 2, 3; 1 -> none; 2 -> columns 0, 3.
    return sparsity(new int[] {0, 1}, new int[0], dense(3), csr(new int[] {0, 3, 3, 5}, new int[] {0, 2, 3, 0, 3}));
  }

  @Test
  void float32Csr() {
    OpModel m = densify(DataType.FLOAT32, new int[] {3, 4}, new float[] {6, 9, 8, 5, 7}, rowsDenseColumnsCsr());
    m.run();
    assertArrayEquals(new int[] {3, 4}, m.shape(0));
    assertArrayEquals(new float[] {6, 0, 9, 8, 0, 0, 0, 0, 5, 0, 0, 7}, m.floats(0), 0f);
  }

  @Test
  void float16ColumnMajorTraversal() {
    // Traversal order [1, 0]: columns outer (dense, 3), rows inner (CSR):
    // column 0 -> row 1; column 1 -> none; column 2 -> rows 0, 1.
    SparsityParametersT s = sparsity(new int[] {1, 0}, new int[0], dense(3),
        csr(new int[] {0, 1, 1, 3}, new int[] {1, 0, 1}));
    OpModel m = densify(DataType.FLOAT16, new int[] {2, 3}, new float[] {7, 8, 9}, s);
    m.run();
    byte[] out = m.bytes(0);
    float[] values = new float[6];
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 6; i++) {
      values[i] = Float.float16ToFloat(b.getShort(2 * i));
    }
    assertArrayEquals(new float[] {0, 0, 8, 7, 0, 9}, values, 0f);
  }

  @Test
  void int8BlockSparse() {
    // 4x4 in 2x2 blocks: block rows dense, block columns CSR (block (0,0) and block (1,1)), blocks dense.
    SparsityParametersT s = sparsity(new int[] {0, 1, 2, 3}, new int[] {0, 1},
        dense(2), csr(new int[] {0, 1, 2}, new int[] {0, 1}), dense(2), dense(2));
    OpModel m = densify(DataType.INT8, new int[] {4, 4}, new byte[] {1, 0, 0, 2, 3, 4, 5, 0}, s);
    m.run();
    byte[] expected = {1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 4, 0, 0, 5, 0};
    assertArrayEquals(expected, m.bytes(0));
  }

  @Test
  void rejectsIndexOutsideTheDimension() {
    SparsityParametersT s = sparsity(new int[] {0, 1}, new int[0], dense(3),
        csr(new int[] {0, 3, 3, 5}, new int[] {0, 2, 4, 0, 3}));
    OpModel m = densify(DataType.FLOAT32, new int[] {3, 4}, new float[] {6, 9, 8, 5, 7}, s);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void rejectsDecreasingSegments() {
    SparsityParametersT s = sparsity(new int[] {0, 1}, new int[0], dense(3),
        csr(new int[] {0, 3, 2, 5}, new int[] {0, 2, 3, 0, 3}));
    OpModel m = densify(DataType.FLOAT32, new int[] {3, 4}, new float[] {6, 9, 8, 5, 7}, s);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void rejectsWrongSegmentCount() {
    SparsityParametersT s = sparsity(new int[] {0, 1}, new int[0], dense(3),
        csr(new int[] {0, 3, 5}, new int[] {0, 2, 3, 0, 3}));
    OpModel m = densify(DataType.FLOAT32, new int[] {3, 4}, new float[] {6, 9, 8, 5, 7}, s);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void rejectsValueCountThatDoesNotMatchTheBuffer() {
    OpModel m = densify(DataType.FLOAT32, new int[] {3, 4}, new float[] {6, 9, 8, 5}, rowsDenseColumnsCsr());
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void rejectsBadTraversalOrderAndDenseSize() {
    SparsityParametersT order = sparsity(new int[] {0, 0}, new int[0], dense(3), dense(4));
    assertThrows(ModelFormatException.class,
        densify(DataType.FLOAT32, new int[] {3, 4}, new float[12], order)::run);
    SparsityParametersT size = sparsity(new int[] {0, 1}, new int[0], dense(3), dense(5));
    assertThrows(ModelFormatException.class,
        densify(DataType.FLOAT32, new int[] {3, 4}, new float[15], size)::run);
  }

  @Test
  void rejectsRunTimeInput() {
    OpModel m = new OpModel(BuiltinOperator.DENSIFY);
    int t = m.input(DataType.FLOAT32, new int[] {3, 4}, new float[12]);
    m.builder().tensor(t).setSparsity(rowsDenseColumnsCsr());
    m.output(DataType.FLOAT32);
    System.out.println("MSG " + assertThrows(ModelFormatException.class, m::run).getMessage());
  }

  @Test
  void refusesInt32() {
    OpModel m = densify(DataType.INT32, new int[] {3, 4}, new int[] {6, 9, 8, 5, 7}, rowsDenseColumnsCsr());
    System.out.println("MSG " + assertThrows(UnsupportedOperatorException.class, m::run).getMessage());
  }
}
