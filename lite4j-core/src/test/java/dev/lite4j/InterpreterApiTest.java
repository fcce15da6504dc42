package dev.lite4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.builder.ModelBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

class InterpreterApiTest {

  /** y = x + [1, 2, 3] with x of shape [n, 3] (signature [-1, 3]); z = y + y. */
  private static Model model() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 3);
    b.setShapeSignature(x, -1, 3);
    int c = b.addConstantFloats("c", new int[] {3}, 1f, 2f, 3f);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 3);
    int z = b.addTensor("z", DataType.FLOAT32, 1, 3);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, c}, new int[] {y});
    b.addOperator(BuiltinOperator.ADD, new int[] {y, y}, new int[] {z});
    b.addOutput(y);
    b.addOutput(z);
    b.addSignature("serving_default", Map.of("in", x), Map.of("plus", y, "doubled", z));
    return Model.fromBytes(b.build());
  }

  @Test
  void runsWithArraysAndReportsTensors() {
    try (Interpreter it = new Interpreter(model())) {
      assertEquals(1, it.getInputTensorCount());
      assertEquals(2, it.getOutputTensorCount());
      assertEquals(0, it.getInputIndex("x"));
      assertEquals(1, it.getOutputIndex("z"));
      float[][] out = new float[1][3];
      it.run(new float[][] {{1f, 1f, 1f}}, out);
      assertArrayEquals(new float[] {2f, 3f, 4f}, out[0]);
      Tensor in = it.getInputTensor(0);
      assertEquals(DataType.FLOAT32, in.dataType());
      assertArrayEquals(new int[] {-1, 3}, in.shapeSignature());
      assertEquals(12, in.numBytes());
      assertNotNull(it.getLastNativeInferenceDurationNanoseconds());
    }
  }

  @Test
  void durationIsNullBeforeTheFirstRun() {
    try (Interpreter it = new Interpreter(model())) {
      assertNull(it.getLastNativeInferenceDurationNanoseconds());
    }
  }

  @Test
  void arrayOfAnotherShapeResizesTheInput() {
    try (Interpreter it = new Interpreter(model())) {
      float[][] out = new float[2][3];
      it.run(new float[][] {{0f, 0f, 0f}, {1f, 1f, 1f}}, out);
      assertArrayEquals(new float[] {2f, 3f, 4f}, out[1]);
      assertArrayEquals(new int[] {2, 3}, it.getOutputTensor(0).shape());
    }
  }

  @Test
  void runsWithDirectAndHeapBuffersAndMultipleOutputs() {
    try (Interpreter it = new Interpreter(model())) {
      ByteBuffer in = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
      in.putFloat(1f).putFloat(2f).putFloat(3f).flip();
      FloatBuffer plus = FloatBuffer.allocate(3);
      ByteBuffer doubled = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
      Map<Integer, Object> outs = new HashMap<>();
      outs.put(0, plus);
      outs.put(1, doubled);
      it.runForMultipleInputsOutputs(new Object[] {in}, outs);
      assertArrayEquals(new float[] {2f, 4f, 6f}, plus.array());
      assertEquals(12f, doubled.getFloat(8));
    }
  }

  @Test
  void wrongShapeOrTypeNamesTheTensorAndBoth() {
    try (Interpreter it = new Interpreter(model())) {
      IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
          () -> it.run(new float[][] {{1f, 2f, 3f}}, new float[1][4]));
      assertTrue(shape.getMessage().contains("'y'") && shape.getMessage().contains("[1, 3]")
          && shape.getMessage().contains("[1, 4]"), shape.getMessage());
      IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
          () -> it.run(new int[][] {{1, 2, 3}}, new float[1][3]));
      assertTrue(type.getMessage().contains("'x'") && type.getMessage().contains("FLOAT32")
          && type.getMessage().contains("INT32"), type.getMessage());
      IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
          () -> it.run(ByteBuffer.allocate(8), new float[1][3]));
      assertTrue(bytes.getMessage().contains("12 bytes") && bytes.getMessage().contains("8 bytes"));
    }
  }

  @Test
  void closedInterpreterIsIllegalState() {
    Interpreter it = new Interpreter(model());
    it.close();
    assertThrows(IllegalStateException.class, () -> it.run(new float[1][3], new float[1][3]));
    assertThrows(IllegalStateException.class, it::getInputTensorCount);
  }

  @Test
  void strictResizeOnlyChangesUnknownDimensions() {
    try (Interpreter it = new Interpreter(model())) {
      it.resizeInput(0, new int[] {4, 3}, true);
      it.allocateTensors();
      assertArrayEquals(new int[] {4, 3}, it.getOutputTensor(1).shape());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> it.resizeInput(0, new int[] {4, 5}, true));
      assertTrue(e.getMessage().contains("strict"));
      it.resizeInput(0, new int[] {2, 5});
      IllegalArgumentException prep = assertThrows(IllegalArgumentException.class, it::allocateTensors);
      assertTrue(prep.getMessage().contains("do not broadcast"), prep.getMessage());
    }
  }

  @Test
  void runsSignaturesByName() {
    try (Interpreter it = new Interpreter(model())) {
      assertArrayEquals(new String[] {"serving_default"}, it.getSignatureKeys());
      assertArrayEquals(new String[] {"in"}, it.getSignatureInputs("serving_default"));
      float[][] doubled = new float[1][3];
      Map<String, Object> outs = new HashMap<>();
      outs.put("doubled", doubled);
      it.runSignature(Map.of("in", new float[][] {{0f, 0f, 0f}}), outs);
      assertArrayEquals(new float[] {2f, 4f, 6f}, doubled[0]);
      assertThrows(IllegalArgumentException.class, () -> it.runSignature(Map.of("nope", 1f), outs));
      assertThrows(IllegalArgumentException.class, () -> it.getSignatureInputs("other"));
    }
  }

  @Test
  void cancellationNeedsTheOptionAndStopsTheRun() {
    try (Interpreter plain = new Interpreter(model())) {
      assertThrows(IllegalStateException.class, () -> plain.setCancelled(true));
    }
    try (Interpreter it = new Interpreter(model(), new Interpreter.Options().setCancellable(true))) {
      it.setCancelled(true);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> it.run(new float[1][3], new float[1][3]));
      assertTrue(e.getMessage().contains("cancelled"));
      it.run(new float[1][3], new float[1][3]); // the flag is consumed
    }
  }

  @Test
  void arenaCapIsEnforcedBeforeAllocation() {
    Interpreter.Options o = new Interpreter.Options().setMaxArenaBytes(64);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> new Interpreter(model(), o));
    assertTrue(e.getMessage().contains("cap"), e.getMessage());
  }

  @Test
  void interpretersShareOneModelAcrossThreads() throws Exception {
    Model shared = model();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      final float v = t;
      results.add(pool.submit(() -> {
        try (Interpreter it = new Interpreter(shared)) {
          for (int i = 0; i < 200; i++) {
            float[][] out = new float[1][3];
            it.run(new float[][] {{v, v, v}}, out);
            if (out[0][2] != v + 3f) {
              return false;
            }
          }
          return true;
        }
      }));
    }
    for (Future<Boolean> f : results) {
      assertTrue(f.get());
    }
    pool.shutdown();
  }

  @Test
  void arenaReusesMemoryOfDeadTensors() {
    ModelBuilder b = new ModelBuilder();
    int cur = b.addInput("x", DataType.FLOAT32, 1000);
    for (int i = 0; i < 6; i++) {
      int next = b.addTensor("t" + i, DataType.FLOAT32, 1000);
      b.addOperator(BuiltinOperator.ADD, new int[] {cur, cur}, new int[] {next});
      cur = next;
    }
    b.addOutput(cur);
    try (Interpreter it = new Interpreter(Model.fromBytes(b.build()))) {
      var plan = it.memoryPlan();
      assertEquals(7 * 4032, plan.naiveBytes());
      assertEquals(2 * 4032, plan.arenaBytes(), "a chain needs two live tensors at a time");
      float[] out = new float[1000];
      float[] in = new float[1000];
      in[5] = 1f;
      it.run(in, out);
      assertEquals(64f, out[5]);
    }
  }
}
