package dev.lite4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lite4j.kernels.fixedpoint.Rounding;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HybridQuantizationTest {
  @Test
  void fastRoundingIsStdRound() {
    float[] ties = {0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 126.5f, -127.5f, 0.49999997f, -0.49999997f, 0f, -0f,
        8388607.5f, 8388608f, 1e9f, -1e9f};
    for (float v : ties) {
      assertEquals((int) Rounding.roundHalfAway(v), HybridQuantization.roundToInt(v), "round(" + v + ")");
    }
    Random r = new Random(11);
    for (int i = 0; i < 100000; i++) {
      float v = (float) ((r.nextDouble() - 0.5) * 600);
      assertEquals((int) Rounding.roundHalfAway(v), HybridQuantization.roundToInt(v), "round(" + v + ")");
    }
  }

  @Test
  void symmetricScalesByTheLargestMagnitude() {
    // max|x| = 2: scale 2/127, q = round(x * 63.5), halves away from zero.
    float[] x = {2f, -1f, 0.5f, -2f};
    int[] q = new int[4];
    int[] zp = {99};
    float s = HybridQuantization.quantize(x, 0, 4, q, false, zp);
    assertEquals(2f / 127f, s);
    assertEquals(0, zp[0]);
    assertArrayEquals(new int[] {127, -64, 32, -127}, q);
  }

  @Test
  void asymmetricMapsTheRangeWithZeroOntoInt8() {
    // [0, 2.55] over 255 steps: scale 0.01, zero point -128; q = round(-128 + x / 0.01).
    float[] x = {0f, 1f, 2.55f};
    int[] q = new int[3];
    int[] zp = new int[1];
    float s = HybridQuantization.quantize(x, 0, 3, q, true, zp);
    assertEquals((float) ((double) 2.55f / 255.0), s);
    assertEquals(-128, zp[0]);
    assertArrayEquals(new int[] {-128, -28, 127}, q);
    int[] centred = new int[3];
    int[] zps = new int[2];
    HybridQuantization.asymmetric(x, 0, 3, centred, 0, zps, 1, true);
    assertEquals(-128, zps[1]);
    assertArrayEquals(new int[] {0, 100, 255}, centred);
  }

  @Test
  void allZeroRowsGiveScaleOne() {
    int[] q = {5, 5};
    int[] zp = {7};
    assertEquals(1f, HybridQuantization.quantize(new float[2], 0, 2, q, true, zp));
    assertEquals(0, zp[0]);
    assertArrayEquals(new int[2], q);
    assertEquals(1f, HybridQuantization.quantize(new float[2], 0, 2, q, false, zp));
  }
}
