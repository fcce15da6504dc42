package dev.lite4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BroadcastRowsTest {
  /** Flat input indices, output element by output element, as the walk gives them. */
  private static int[] walk(BroadcastRows r, int input) {
    int[] idx = new int[r.rowCount() * r.rowLength()];
    for (int row = 0; row < r.rowCount(); row++) {
      int i = r.rowStart(input, row);
      for (int k = 0; k < r.rowLength(); k++, i += r.step(input)) {
        idx[row * r.rowLength() + k] = i;
      }
    }
    return idx;
  }

  @Test
  void rowAndColumnBroadcast() {
    // [2,1] and [1,3] -> [2,3]: a is read 0 0 0 1 1 1, b 0 1 2 0 1 2.
    BroadcastRows r = BroadcastRows.of(new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 3});
    assertEquals(3, r.rowLength());
    assertEquals(2, r.rowCount());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, walk(r, 0));
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, walk(r, 1));
  }

  @Test
  void mergesDimensionsBroadcastAlike() {
    // [2,3,4] with [4]: the first two dims are broadcast alike for b, full alike for a -> rows of 4
    // after merging [2,3] into 6.
    BroadcastRows r = BroadcastRows.of(new int[] {2, 3, 4}, new int[] {2, 3, 4}, new int[] {4});
    assertEquals(4, r.rowLength());
    assertEquals(6, r.rowCount());
    assertEquals(20, r.rowStart(0, 5));
    assertEquals(0, r.rowStart(1, 5));
    // Same shapes: one row of everything.
    BroadcastRows same = BroadcastRows.of(new int[] {2, 3, 4}, new int[] {2, 3, 4}, new int[] {2, 3, 4});
    assertEquals(24, same.rowLength());
    assertEquals(1, same.rowCount());
  }

  @Test
  void middleDimensionBroadcastAndRankSix() {
    // [2,1,1,1,1,2] with [2,1]: out [2,1,1,1,2,2]; out (i,k,j) reads a[i*2+j], b[k].
    BroadcastRows r = BroadcastRows.of(new int[] {2, 1, 1, 1, 2, 2}, new int[] {2, 1, 1, 1, 1, 2},
        new int[] {2, 1});
    assertArrayEquals(new int[] {0, 1, 0, 1, 2, 3, 2, 3}, walk(r, 0));
    assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0, 1, 1}, walk(r, 1));
  }

  @Test
  void scalarsAndEmptyTensors() {
    BroadcastRows scalar = BroadcastRows.of(new int[] {}, new int[] {}, new int[] {});
    assertEquals(1, scalar.rowLength());
    assertEquals(1, scalar.rowCount());
    assertArrayEquals(new int[] {0}, walk(scalar, 0));
    BroadcastRows ones = BroadcastRows.of(new int[] {1, 1}, new int[] {1, 1}, new int[] {1});
    assertArrayEquals(new int[] {0}, walk(ones, 1));
    BroadcastRows empty = BroadcastRows.of(new int[] {0, 3}, new int[] {0, 3}, new int[] {1, 3});
    assertEquals(0, empty.rowCount() * empty.rowLength());
  }
}
