package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.io.Npy;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;

/** The comparison rules of DESIGN.md, "Golden formats and tolerances". */
class GoldenCheckTest {
  private static final int[] SHAPE = {3};

  @Test
  void toleranceIsFourTimesXnnpackOrTheRelativeFloor() {
    assertEquals(4e-6, GoldenCheck.tolerance(1e-6, 5e-6, 0.01, false).value(), 1e-18);
    assertEquals("4 x xnnpack", GoldenCheck.tolerance(1e-6, 5e-6, 0.01, false).basis());
    // 1e-5 x 10 = 1e-4 beats 4 x 1e-6
    assertEquals(1e-4, GoldenCheck.tolerance(1e-6, null, 10, false).value(), 1e-18);
    // XNNPACK null: the 2-thread figure
    assertEquals(2e-5, GoldenCheck.tolerance(null, 5e-6, 0.01, false).value(), 1e-18);
    // both null: the relative floor alone
    assertEquals(1e-5 * 3, GoldenCheck.tolerance(null, null, 3, false).value(), 1e-18);
    // hybrid models: the 2-thread figure even where XNNPACK's is known
    assertEquals(4 * 0.01, GoldenCheck.tolerance(0.15, 0.01, 12, true).value(), 1e-18);
    assertEquals(1e-5 * 12, GoldenCheck.tolerance(0.15, 0.0, 12, true).value(), 1e-18);
    // zero everywhere: exact
    assertEquals(0, GoldenCheck.tolerance(0.0, 0.0, 0, false).value());
  }

  @Test
  void floatsWithinTolerancePass() {
    Npy ref = Npy.ofFloats(SHAPE, 1f, -2f, 3f);
    // tolerance max(4 x 1e-6, 1e-5 x 3) = 3e-5
    GoldenCheck.OutputResult ok = GoldenCheck.compare(0, "o", ref, Npy.ofFloats(SHAPE, 1.00002f, -2f, 3f), 1e-6,
        null, false);
    assertTrue(ok.passed());
    assertEquals(3e-5, ok.tolerance(), 1e-12);
    assertEquals(3.0, ok.maxAbsReference());
    GoldenCheck.OutputResult off = GoldenCheck.compare(0, "o", ref, Npy.ofFloats(SHAPE, 1f, -2f, 3.0001f), 1e-6,
        null, false);
    assertFalse(off.passed());
    assertEquals(1, off.mismatches());
    assertEquals(2, off.worstIndex());
  }

  @Test
  void nanMustBeNanInBoth() {
    Npy ref = Npy.ofFloats(SHAPE, Float.NaN, 1f, 2f);
    assertTrue(GoldenCheck.compare(0, "o", ref, Npy.ofFloats(SHAPE, Float.NaN, 1f, 2f), null, null, false).passed());
    assertFalse(GoldenCheck.compare(0, "o", ref, Npy.ofFloats(SHAPE, 0f, 1f, 2f), null, null, false).passed());
    assertFalse(GoldenCheck.compare(0, "o", Npy.ofFloats(SHAPE, 0f, 1f, 2f), ref, null, null, false).passed());
  }

  @Test
  void integersMustBeExact() {
    Npy ref = Npy.ofBytes(DataType.INT8, SHAPE, (byte) 1, (byte) -2, (byte) 100);
    assertTrue(GoldenCheck.compare(0, "o", ref, Npy.ofBytes(DataType.INT8, SHAPE, (byte) 1, (byte) -2, (byte) 100),
        0.0, 0.0, false).passed());
    GoldenCheck.OutputResult r = GoldenCheck.compare(0, "o", ref,
        Npy.ofBytes(DataType.INT8, SHAPE, (byte) 1, (byte) -1, (byte) 100), 5.0, 5.0, false);
    assertFalse(r.passed());
    assertEquals(1.0, r.maxAbsDiff());
    assertEquals(0.0, r.tolerance());
    Npy u8 = Npy.ofBytes(DataType.UINT8, new int[] {1}, (byte) 200);
    assertFalse(GoldenCheck.compare(0, "o", u8, Npy.ofBytes(DataType.INT8, new int[] {1}, (byte) 200), 0.0, 0.0,
        false).passed(), "dtype differs");
  }

  @Test
  void shapeMismatchFails() {
    GoldenCheck.OutputResult r = GoldenCheck.compare(0, "o", Npy.ofFloats(new int[] {1, 3}, 1f, 2f, 3f),
        Npy.ofFloats(SHAPE, 1f, 2f, 3f), null, null, false);
    assertFalse(r.passed());
    assertTrue(r.error().contains("shape [3]"), r.error());
  }

  @Test
  void hybridModelsAreRecognised() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 2);
    int w = b.addConstant("w", DataType.INT8, new int[] {2, 2}, new byte[] {1, 2, 3, 4});
    b.setQuantization(w, 0.5f, 0);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 2);
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, new int[] {x, w, -1}, new int[] {y});
    b.addOutput(y);
    assertTrue(GoldenCheck.isHybrid(Model.fromBytes(b.build()).primarySubgraph()));

    ModelBuilder d = new ModelBuilder();
    int q = d.addConstant("q", DataType.INT8, new int[] {2}, new byte[] {1, 2});
    d.setQuantization(q, 0.5f, 0);
    int f = d.addTensor("f", DataType.FLOAT32, 2);
    d.addOperator(BuiltinOperator.DEQUANTIZE, new int[] {q}, new int[] {f});
    int in = d.addInput("in", DataType.FLOAT32, 2);
    int out = d.addTensor("out", DataType.FLOAT32, 2);
    d.addOperator(BuiltinOperator.ADD, new int[] {in, f}, new int[] {out});
    d.addOutput(out);
    assertFalse(GoldenCheck.isHybrid(Model.fromBytes(d.build()).primarySubgraph()));
  }
}
