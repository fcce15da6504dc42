package dev.lite4j.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.Tensor;
import dev.lite4j.builder.ModelBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Shapes that are only known when the graph runs: a RESHAPE whose shape tensor is computed (not
 * constant) makes its output dynamic, so the ADD after it prepares at run time; resizing the inputs
 * and running again must give outputs of the new shape.
 */
class DynamicShapesTest {
  private static ByteBuffer floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.nativeOrder());
    b.asFloatBuffer().put(v);
    return b;
  }

  private static ByteBuffer ints(int... v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.nativeOrder());
    b.asIntBuffer().put(v);
    return b;
  }

  private static float[] read(Tensor t) {
    float[] a = new float[t.numElements()];
    t.asReadOnlyBuffer().asFloatBuffer().get(a);
    return a;
  }

  private static float[] iota(int n, float from) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = from + i;
    }
    return a;
  }

  @Test
  void reshapeToTheShapeOfAnotherInputThenAdd() {
    // out = RESHAPE(flat, SHAPE(x)) + x: the flat input takes x's shape, then adds element-wise.
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 2, 3);
    int flat = b.addInput("flat", DataType.FLOAT32, 6);
    int shape = b.addTensor("shape", DataType.INT32);
    int reshaped = b.addTensor("reshaped", DataType.FLOAT32);
    int sum = b.addTensor("sum", DataType.FLOAT32);
    b.addOperator(BuiltinOperator.SHAPE, new int[] {x}, new int[] {shape});
    b.addOperator(BuiltinOperator.RESHAPE, new int[] {flat, shape}, new int[] {reshaped});
    b.addOperator(BuiltinOperator.ADD, new int[] {reshaped, x}, new int[] {sum});
    b.addOutput(sum);
    try (Interpreter it = new Interpreter(Model.fromBytes(b.build()))) {
      Map<Integer, Object> outs = new HashMap<>();
      // x = 100 * ones(2, 3); flat = 0..5 -> out row-major 100..105.
      it.runForMultipleInputsOutputs(new Object[] {floats(100, 100, 100, 100, 100, 100), floats(iota(6, 0))}, outs);
      assertArrayEquals(new int[] {2, 3}, it.getOutputTensor(0).shape());
      assertArrayEquals(new float[] {100, 101, 102, 103, 104, 105}, read(it.getOutputTensor(0)), 0f);

      // Rank 3 now: x [2, 1, 2] = (10, 20, 30, 40), flat [4] = (1, 2, 3, 4) -> (11, 22, 33, 44).
      it.resizeInput(0, new int[] {2, 1, 2});
      it.resizeInput(1, new int[] {4});
      it.runForMultipleInputsOutputs(new Object[] {floats(10, 20, 30, 40), floats(1, 2, 3, 4)}, outs);
      assertArrayEquals(new int[] {2, 1, 2}, it.getOutputTensor(0).shape());
      assertArrayEquals(new float[] {11, 22, 33, 44}, read(it.getOutputTensor(0)), 0f);

      // Larger: x [3, 4] all -1, flat 0..11 -> -1..10.
      it.resizeInput(0, new int[] {3, 4});
      it.resizeInput(1, new int[] {12});
      float[] minusOnes = new float[12];
      java.util.Arrays.fill(minusOnes, -1);
      it.runForMultipleInputsOutputs(new Object[] {floats(minusOnes), floats(iota(12, 0))}, outs);
      assertArrayEquals(new int[] {3, 4}, it.getOutputTensor(0).shape());
      assertArrayEquals(iota(12, -1), read(it.getOutputTensor(0)), 0f);
    }
  }

  @Test
  void reshapeToAShapeFedAsAnInputThenBroadcastAdd() {
    // out = RESHAPE(values, dims) + bias, bias [1, 1] = 0.5 broadcast over any 2-D result; dims is an
    // int32 input, so the reshaped shape changes from run to run with the same value count.
    ModelBuilder b = new ModelBuilder();
    int values = b.addInput("values", DataType.FLOAT32, 6);
    int dims = b.addInput("dims", DataType.INT32, 2);
    int bias = b.addConstantFloats("bias", new int[] {1, 1}, 0.5f);
    int reshaped = b.addTensor("reshaped", DataType.FLOAT32);
    int sum = b.addTensor("sum", DataType.FLOAT32);
    b.addOperator(BuiltinOperator.RESHAPE, new int[] {values, dims}, new int[] {reshaped});
    b.addOperator(BuiltinOperator.ADD, new int[] {reshaped, bias}, new int[] {sum});
    b.addOutput(sum);
    try (Interpreter it = new Interpreter(Model.fromBytes(b.build()))) {
      Map<Integer, Object> outs = new HashMap<>();
      it.runForMultipleInputsOutputs(new Object[] {floats(iota(6, 1)), ints(3, 2)}, outs);
      assertArrayEquals(new int[] {3, 2}, it.getOutputTensor(0).shape());
      assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f}, read(it.getOutputTensor(0)), 0f);

      // Same input sizes, other dims (-1 inferred): [-1, 6] -> [1, 6].
      it.runForMultipleInputsOutputs(new Object[] {floats(iota(6, 1)), ints(-1, 6)}, outs);
      assertArrayEquals(new int[] {1, 6}, it.getOutputTensor(0).shape());
      assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f}, read(it.getOutputTensor(0)), 0f);

      // Resized value input: 8 values as [4, -1] -> [4, 2], values 0..7 plus 0.5.
      it.resizeInput(0, new int[] {8});
      it.runForMultipleInputsOutputs(new Object[] {floats(iota(8, 0)), ints(4, -1)}, outs);
      assertArrayEquals(new int[] {4, 2}, it.getOutputTensor(0).shape());
      assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f}, read(it.getOutputTensor(0)),
          0f);

      // Output copied into a caller's array of the new shape.
      float[][] out = new float[4][2];
      outs.put(0, out);
      it.runForMultipleInputsOutputs(new Object[] {floats(iota(8, 10)), ints(4, 2)}, outs);
      assertArrayEquals(new float[] {14.5f, 15.5f}, out[2], 0f);
    }
  }
}
