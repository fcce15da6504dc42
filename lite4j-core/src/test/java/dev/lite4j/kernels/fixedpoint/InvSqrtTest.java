package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedPointMath#invSqrtQuantizedMultiplierExp} as L2_NORMALIZATION reads it: multiplier * 2^(shift - 31)
 * stands for 1 / sqrt(input) (bit-exact: the L2 goldens of ShapeFamilyGoldenTest).
 */
class InvSqrtTest {
  @Test
  void zeroAndOneGiveTheLargestMultiplier() {
    int[] out = new int[2];
    FixedPointMath.invSqrtQuantizedMultiplierExp(0, -1, out);
    assertArrayEquals(new int[] {Integer.MAX_VALUE, 0}, out);
    FixedPointMath.invSqrtQuantizedMultiplierExp(1, -1, out);
    assertArrayEquals(new int[] {Integer.MAX_VALUE, 0}, out);
  }

  @Test
  void approximatesTheInverseSquareRootOverTheWholeRange() {
    Random r = new Random(1);
    int[] out = new int[2];
    for (int k = 0; k < 100_000; k++) {
      int input = k < 1000 ? k + 2 : 2 + r.nextInt(Integer.MAX_VALUE - 2);
      FixedPointMath.invSqrtQuantizedMultiplierExp(input, -1, out);
      assertTrue(out[1] <= 0, "shift " + out[1]);
      double real = out[0] * Math.pow(2, out[1] - 31);
      double want = 1 / Math.sqrt(input);
      assertEquals(want, real, want * 2e-6, "input " + input);
    }
  }
}
