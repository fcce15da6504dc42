package dev.lite4j.ops.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.runtime.TensorBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** Shape ops whose outputs are dynamic feed ops that then prepare when the graph runs. */
class DynamicChainTest {
  @Test
  void dynamicFillFeedsRangeShapedTranspose() {
    ModelBuilder b = new ModelBuilder();
    int dims = b.addInput("dims", DataType.INT32, 2);
    int value = b.addConstantFloats("value", new int[0], 2.5f);
    int filled = b.addTensor("filled", DataType.FLOAT32);
    int perm = b.addConstantInts("perm", new int[] {2}, 1, 0);
    int transposed = b.addTensor("transposed", DataType.FLOAT32);
    int shape = b.addTensor("shape", DataType.INT32);
    b.addOperator(BuiltinOperator.FILL, new int[] {dims, value}, new int[] {filled});
    b.addOperator(BuiltinOperator.TRANSPOSE, new int[] {filled, perm}, new int[] {transposed});
    b.addOperator(BuiltinOperator.SHAPE, new int[] {transposed}, new int[] {shape});
    b.addOutput(transposed);
    b.addOutput(shape);
    try (Interpreter it = new Interpreter(Model.fromBytes(b.build()))) {
      for (int[] d : new int[][] {{2, 3}, {4, 1}}) {
        ByteBuffer in = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        in.asIntBuffer().put(d);
        it.runForMultipleInputsOutputs(new Object[] {in}, new HashMap<>());
        TensorBuffer t = it.executionPlan().tensor(transposed);
        assertArrayEquals(new int[] {d[1], d[0]}, t.shape());
        assertArrayEquals(new double[] {2.5, 2.5}, new double[] {t.getAsDouble(0), t.getAsDouble(t.numElements() - 1)});
        TensorBuffer s = it.executionPlan().tensor(shape);
        assertArrayEquals(new int[] {d[1], d[0]}, new int[] {s.ints().get(0), s.ints().get(1)});
      }
    }
  }
}
