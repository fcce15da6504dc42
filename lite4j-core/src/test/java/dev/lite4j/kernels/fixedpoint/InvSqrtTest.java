package dev.lite4j.kernels.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** GetInvSqrtQuantizedMultiplierExp: the multiplier stands for 1 / sqrt(input) (bit-exact: the L2 goldens). */
class InvSqrtTest {
  @Test
  void zeroAndOneGiveTheLargestMultiplier() {
    assertEquals(new QuantizedMultiplier(Integer.MAX_VALUE, 0), InvSqrt.of(0, -1));
    assertEquals(new QuantizedMultiplier(Integer.MAX_VALUE, 0), InvSqrt.of(1, -1));
  }

  @Test
  void approximatesTheInverseSquareRootOverTheWholeRange() {
    Random r = new Random(1);
    for (int k = 0; k < 100_000; k++) {
      int input = k < 1000 ? k + 2 : 2 + r.nextInt(Integer.MAX_VALUE - 2);
      QuantizedMultiplier m = InvSqrt.of(input, -1);
      assertTrue(m.shift() <= 0, "shift " + m.shift());
      double real = m.multiplier() * Math.pow(2, m.shift() - 31);
      double want = 1 / Math.sqrt(input);
      assertEquals(want, real, want * 2e-6, "input " + input);
    }
  }

  @Test
  void saturatingShiftLeft() {
    assertEquals(Integer.MAX_VALUE, InvSqrt.saturatingShiftLeft(1 << 28, 3));
    assertEquals(Integer.MIN_VALUE, InvSqrt.saturatingShiftLeft(-(1 << 28), 3));
    assertEquals(5 << 3, InvSqrt.saturatingShiftLeft(5, 3));
  }
}
