package dev.lite4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowTapsTest {
  @Test
  void rangesAreTheTapsThatLandInsideTheInput() {
    for (int in = 1; in <= 7; in++) {
      for (int taps = 1; taps <= 6; taps++) {
        for (int stride = 1; stride <= 3; stride++) {
          for (int dilation = 1; dilation <= 3; dilation++) {
            for (int pad = 0; pad <= 5; pad++) {
              int out = 9;
              int[] lo = new int[out];
              int[] hi = new int[out];
              WindowTaps.ranges(out, stride, pad, dilation, taps, in, lo, hi);
              for (int o = 0; o < out; o++) {
                int count = 0;
                int first = -1;
                for (int t = 0; t < taps; t++) {
                  int x = o * stride - pad + t * dilation;
                  if (x >= 0 && x < in) {
                    count++;
                    first = first < 0 ? t : first;
                  }
                }
                String where = "in " + in + " taps " + taps + " stride " + stride + " dilation " + dilation
                    + " pad " + pad + " o " + o;
                assertEquals(count, hi[o] - lo[o], where);
                if (count > 0) {
                  assertEquals(first, lo[o], where);
                }
              }
            }
          }
        }
      }
    }
  }
}
