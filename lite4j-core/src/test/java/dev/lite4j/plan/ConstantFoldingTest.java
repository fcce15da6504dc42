package dev.lite4j.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.Padding;

/**
 * A node whose inputs are all constant is computed once when the plan is prepared: a DEQUANTIZE of
 * float16 weights feeding CONV_2D (the float16-quantized model layout) must give the same outputs as
 * the same weights stored as float32.
 */
class ConstantFoldingTest {
  // 3x3 input 1..9 and a 2x2 filter [0.5 -2; 0.25 1] (exact in float16), bias 0.125, VALID:
  // out(y,x) = 0.5*a - 2*(a+1) + 0.25*(a+3) + (a+4) + 0.125 = 2.875 - 0.25a with a = 3y + x + 1
  // (the input at the window's top left): a = 1, 2, 4, 5.
  private static final float[] FILTER = {0.5f, -2f, 0.25f, 1f};
  private static final float[] EXPECTED = {2.625f, 2.375f, 1.875f, 1.625f};

  private static Conv2DOptionsT valid() {
    Conv2DOptionsT o = new Conv2DOptionsT();
    o.setPadding(Padding.VALID);
    o.setStrideH(1);
    o.setStrideW(1);
    o.setDilationHFactor(1);
    o.setDilationWFactor(1);
    return o;
  }

  private static ByteBuffer floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.nativeOrder());
    b.asFloatBuffer().put(v);
    return b;
  }

  private static float[] conv(boolean float16Weights, float[] input) {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("in", DataType.FLOAT32, 1, 3, 3, 1);
    int filter;
    int deq = -1;
    if (float16Weights) {
      int half = b.addConstantFloat16("filter_fp16", new int[] {1, 2, 2, 1}, FILTER);
      deq = b.addTensor("filter", DataType.FLOAT32);
      b.addOperator(BuiltinOperator.DEQUANTIZE, 2, new int[] {half}, new int[] {deq}, null);
      filter = deq;
    } else {
      filter = b.addConstantFloats("filter", new int[] {1, 2, 2, 1}, FILTER);
    }
    int bias = b.addConstantFloats("bias", new int[] {1}, 0.125f);
    int out = b.addTensor("out", DataType.FLOAT32);
    b.addOperator(BuiltinOperator.CONV_2D, 1, new int[] {in, filter, bias}, new int[] {out}, valid());
    b.addOutput(out);
    try (Interpreter it = new Interpreter(Model.fromBytes(b.build()))) {
      it.runForMultipleInputsOutputs(new Object[] {floats(input)}, new HashMap<>());
      if (deq >= 0) {
        // The dequantized weights were folded into a constant, which the convolution saw as such.
        TensorBuffer t = it.executionPlan().tensor(deq);
        assertTrue(t.isConstant(), "folded DEQUANTIZE output is constant");
        assertArrayEquals(FILTER, new float[] {t.floats().get(0), t.floats().get(1), t.floats().get(2),
            t.floats().get(3)}, 0f);
      }
      float[] first = read(it, out);
      // A second run on other data still sees the folded weights (the arena did not reuse them).
      it.runForMultipleInputsOutputs(new Object[] {floats(new float[9])}, new HashMap<>());
      assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f, 0.125f}, read(it, out), 0f);
      return first;
    }
  }

  private static float[] read(Interpreter it, int tensor) {
    TensorBuffer t = it.executionPlan().tensor(tensor);
    float[] a = new float[t.numElements()];
    t.floats().get(0, a);
    return a;
  }

  @Test
  void dequantizedFloat16WeightsGiveTheSameConvolutionAsFloat32Weights() {
    float[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    float[] viaFloat32 = conv(false, input);
    float[] viaFloat16 = conv(true, input);
    assertArrayEquals(EXPECTED, viaFloat32, 0f);
    assertArrayEquals(viaFloat32, viaFloat16, 0f);
  }
}
