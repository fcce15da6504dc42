package dev.lite4j.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lite4j.DataType;
import dev.lite4j.ModelFormatException;
import dev.lite4j.UnsupportedOperatorException;
import dev.lite4j.testutil.OpModel;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ResizeBilinearOptionsT;
import org.tensorflow.lite.schema.ResizeNearestNeighborOptionsT;

/**
 * RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR. Expected values: TF Lite's kernel-test cases, and a
 * numpy float32 transcription of TF Lite's reference formulas (exact floats, hence tolerance 0).
 */
class ResizeTest {
  private static OpModel bilinear(boolean alignCorners, boolean halfPixelCenters) {
    ResizeBilinearOptionsT o = new ResizeBilinearOptionsT();
    o.setAlignCorners(alignCorners);
    o.setHalfPixelCenters(halfPixelCenters);
    return new OpModel(BuiltinOperator.RESIZE_BILINEAR).options(o).version(halfPixelCenters ? 3 : 1);
  }

  private static OpModel nearest(boolean alignCorners, boolean halfPixelCenters) {
    ResizeNearestNeighborOptionsT o = new ResizeNearestNeighborOptionsT();
    o.setAlignCorners(alignCorners);
    o.setHalfPixelCenters(halfPixelCenters);
    return new OpModel(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR).options(o).version(3);
  }

  private static float[] bilinear(boolean align, boolean halfPixel, int[] inShape, float[] in, int h, int w) {
    OpModel m = bilinear(align, halfPixel);
    m.input(inShape, in);
    m.constant(DataType.INT32, new int[] {2}, new int[] {h, w});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {inShape[0], h, w, inShape[3]}, m.shape(0));
    return m.floats(0);
  }

  @Test
  void bilinearHorizontal() {
    assertArrayEquals(new float[] {3, 5, 6}, bilinear(false, false, new int[] {1, 1, 2, 1}, new float[] {3, 6}, 1, 3),
        0f);
  }

  @Test
  void bilinearTwoDimensional() {
    assertArrayEquals(new float[] {3, 5, 6, 7, 9, 10, 9, 11, 12},
        bilinear(false, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 3, 3), 0f);
  }

  @Test
  void bilinearAlignCorners() {
    assertArrayEquals(new float[] {3, 4.5f, 6, 6, 7.5f, 9, 9, 10.5f, 12},
        bilinear(true, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 3, 3), 0f);
    // align_corners with a size of 1 keeps the plain scale.
    assertArrayEquals(new float[] {3}, bilinear(true, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 1, 1),
        0f);
  }

  @Test
  void bilinearHalfPixelCentersClampsAndKeepsTfLiteRounding() {
    // The first row/column has source -1/6: both neighbours clamp to 0 and the weights 7/6 and -1/6
    // are applied as TF Lite applies them, which leaves the corners one ulp off 3 and 6.
    assertArrayEquals(new float[] {2.999999761581421f, 4.5f, 6.000000476837158f, 6, 7.5f, 9, 9, 10.5f, 12},
        bilinear(false, true, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 3, 3), 0f);
    assertArrayEquals(new float[] {1.1666667461395264f, 3, 7.333333969116211f},
        bilinear(false, true, new int[] {1, 1, 4, 1}, new float[] {1, 2, 4, 8}, 1, 3), 0f);
  }

  @Test
  void bilinearBatchesAndDepth() {
    float[] in = {1.5f, -2, 3, 4.25f, 5, 6, -7, 8, 0.1f, 0.2f, 0.3f, 0.4f, 9, 10, 11, 12};
    float[] expected = {1.5f, -2.0f, 3.0f, 4.25f, 3.8333334922790527f, 3.3333334922790527f, -3.6666669845581055f,
        6.75f, 5.0f, 6.0f, -7.0f, 8.0f, 0.10000000149011612f, 0.20000000298023224f, 0.30000001192092896f,
        0.4000000059604645f, 6.0333333015441895f, 6.733333587646484f, 7.433333396911621f, 8.133333206176758f,
        9.0f, 10.0f, 11.0f, 12.0f};
    assertArrayEquals(expected, bilinear(false, false, new int[] {2, 2, 2, 2}, in, 3, 2), 0f);
  }

  @Test
  void bilinearWithRunTimeSize() {
    OpModel m = bilinear(false, false);
    m.input(new int[] {1, 2, 2, 1}, 3, 6, 9, 12);
    m.input(DataType.INT32, new int[] {2}, new int[] {3, 3});
    m.output(DataType.FLOAT32);
    m.run();
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {3, 5, 6, 7, 9, 10, 9, 11, 12}, m.floats(0), 0f);
    m.feed(1, new int[] {1, 3});
    m.run();
    assertArrayEquals(new int[] {1, 1, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {3, 5, 6}, m.floats(0), 0f);
  }

  @Test
  void bilinearRejectsBothOptionsAndBadSizes() {
    assertThrows(ModelFormatException.class,
        () -> bilinear(true, true, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 3, 3));
    assertThrows(ModelFormatException.class,
        () -> bilinear(false, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 0, 3));
    assertThrows(ModelFormatException.class,
        () -> bilinear(false, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 65536, 65536));
    OpModel m = bilinear(false, false);
    m.input(new int[] {1, 2, 2, 1}, 3, 6, 9, 12);
    m.constant(DataType.INT32, new int[] {3}, new int[] {3, 3, 3});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    OpModel r = bilinear(false, false);
    r.input(new int[] {2, 2, 1}, 3, 6, 9, 12);
    r.constant(DataType.INT32, new int[] {2}, new int[] {3, 3});
    r.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, r::run);
  }

  @Test
  void bilinearInt8InTenFractionalBits() {
    // width 2 -> 3: scale round(1024 * 2 / 3) = 683; x = 1 sits at 683/1024 between 1 and 2:
    // (1 * 341 + 2 * 683) * 1024 / 2^20 = 1.67 -> 2; x = 2 at 1366 clamps to column 1 -> 2.
    OpModel m = bilinear(false, false).version(2);
    int t = m.input(DataType.INT8, new int[] {1, 1, 2, 1}, new byte[] {1, 2});
    m.builder().setQuantization(t, 0.5f, 0);
    m.constant(DataType.INT32, new int[] {2}, new int[] {1, 3});
    int o = m.output(DataType.INT8);
    m.builder().setQuantization(o, 0.5f, 0);
    m.run();
    assertArrayEquals(new byte[] {1, 2, 2}, m.bytes(0));
  }

  @Test
  void bilinearRejectsInt32Input() {
    OpModel m = bilinear(false, false);
    m.input(DataType.INT32, new int[] {1, 1, 2, 1}, new int[] {1, 2});
    m.constant(DataType.INT32, new int[] {2}, new int[] {1, 3});
    m.output(DataType.INT32);
    assertThrows(UnsupportedOperatorException.class, m::run);
  }

  private static OpModel nearest(boolean align, boolean halfPixel, int[] inShape, float[] in, int h, int w) {
    OpModel m = nearest(align, halfPixel);
    m.input(inShape, in);
    m.constant(DataType.INT32, new int[] {2}, new int[] {h, w});
    m.output(DataType.FLOAT32);
    m.run();
    return m;
  }

  @Test
  void nearestFloor() {
    assertArrayEquals(new float[] {3, 3, 6}, nearest(false, false, new int[] {1, 1, 2, 1}, new float[] {3, 6}, 1, 3)
        .floats(0), 0f);
    OpModel m = nearest(false, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 3, 3);
    assertArrayEquals(new int[] {1, 3, 3, 1}, m.shape(0));
    assertArrayEquals(new float[] {3, 3, 6, 3, 3, 6, 9, 9, 12}, m.floats(0), 0f);
  }

  @Test
  void nearestAlignCornersRoundsHalfAway() {
    // Sources 0, 0.5 -> 1, 1.
    assertArrayEquals(new float[] {3, 6, 6, 9, 12, 12, 9, 12, 12},
        nearest(true, false, new int[] {1, 2, 2, 1}, new float[] {3, 6, 9, 12}, 3, 3).floats(0), 0f);
  }

  @Test
  void nearestHalfPixelCenters() {
    // 5 -> 3: sources floor(0.5*5/3, 1.5*5/3, 2.5*5/3) = 0, 2, 4 (plain floor would give 0, 1, 3).
    float[] in = {10, 11, 12, 13, 14};
    assertArrayEquals(new float[] {10, 12, 14}, nearest(false, true, new int[] {1, 1, 5, 1}, in, 1, 3).floats(0),
        0f);
    assertArrayEquals(new float[] {10, 11, 13}, nearest(false, false, new int[] {1, 1, 5, 1}, in, 1, 3).floats(0),
        0f);
    // Both options: scale 1/2, round((i + 0.5) / 2) = 0, 1, 1.
    assertArrayEquals(new float[] {3, 6, 6}, nearest(true, true, new int[] {1, 1, 2, 1}, new float[] {3, 6}, 1, 3)
        .floats(0), 0f);
  }

  @Test
  void nearestCopiesDepthAndBatches() {
    float[] in = {1, 2, 3, 4, 5, 6, 7, 8};
    OpModel m = nearest(false, false, new int[] {2, 1, 2, 2}, in, 2, 1);
    assertArrayEquals(new int[] {2, 2, 1, 2}, m.shape(0));
    assertArrayEquals(new float[] {1, 2, 1, 2, 5, 6, 5, 6}, m.floats(0), 0f);
  }

  @Test
  void nearestUint8UsesFixedPointScaleInt8TheFloatOne() {
    // 2 -> 82: x = 41 has float source 41 * (2/82f) = 0.99999994 (floor 0), while the uint8
    // kernel's 16.16 scale 1599 gives (41 * 1599) >> 16 = 1.
    OpModel u = nearest(false, false).version(1);
    u.input(DataType.UINT8, new int[] {1, 1, 2, 1}, new byte[] {10, (byte) 200});
    u.constant(DataType.INT32, new int[] {2}, new int[] {1, 82});
    u.output(DataType.UINT8);
    u.run();
    byte[] out = u.bytes(0);
    assertEquals(82, out.length);
    assertEquals(10, out[40]);
    assertEquals((byte) 200, out[41]);
    assertEquals((byte) 200, out[81]);
    OpModel s = nearest(false, false).version(2);
    s.input(DataType.INT8, new int[] {1, 1, 2, 1}, new byte[] {10, -20});
    s.constant(DataType.INT32, new int[] {2}, new int[] {1, 82});
    s.output(DataType.INT8);
    s.run();
    out = s.bytes(0);
    assertEquals(10, out[41]);
    assertEquals(-20, out[42]);
  }

  @Test
  void nearestInt16AndInt32WithRunTimeSize() {
    OpModel m = nearest(false, false).version(4);
    m.input(DataType.INT16, new int[] {1, 1, 2, 1}, new short[] {-300, 400});
    m.input(DataType.INT32, new int[] {2}, new int[] {2, 4});
    m.output(DataType.INT16);
    m.run();
    assertArrayEquals(new int[] {1, 2, 4, 1}, m.shape(0));
    java.nio.ShortBuffer s = java.nio.ByteBuffer.wrap(m.bytes(0)).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .asShortBuffer();
    short[] got = new short[8];
    s.get(got);
    assertArrayEquals(new short[] {-300, -300, 400, 400, -300, -300, 400, 400}, got);
    OpModel i = nearest(false, false);
    i.input(DataType.INT32, new int[] {1, 2, 1, 1}, new int[] {7, -7});
    i.constant(DataType.INT32, new int[] {2}, new int[] {4, 1});
    i.output(DataType.INT32);
    i.run();
    assertArrayEquals(new int[] {7, 7, -7, -7}, i.ints(0));
  }

  @Test
  void nearestRejectsBadInput() {
    OpModel m = nearest(false, false);
    m.input(new int[] {1, 2, 2, 1}, 3, 6, 9, 12);
    m.constant(DataType.INT64, new int[] {2}, new long[] {3, 3});
    m.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, m::run);
    OpModel n = nearest(false, false);
    n.input(new int[] {1, 2, 2, 1}, 3, 6, 9, 12);
    n.input(DataType.INT32, new int[] {2}, new int[] {-1, 3});
    n.output(DataType.FLOAT32);
    assertThrows(ModelFormatException.class, n::run);
    OpModel b = nearest(false, false);
    b.input(DataType.BOOL, new int[] {1, 1, 2, 1}, new boolean[] {true, false});
    b.constant(DataType.INT32, new int[] {2}, new int[] {1, 3});
    b.output(DataType.BOOL);
    assertThrows(UnsupportedOperatorException.class, b::run);
  }
}
