package dev.lite4j.runtime;

import java.util.Arrays;

/** Small helpers on shapes (int[] dimensions, C order). */
public final class Shapes {
  private Shapes() {}

  public static int elementCount(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31-1 elements");
    }
    return (int) n;
  }

  /** Row-major strides in elements. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** Product of dims [from, to). */
  public static int product(int[] shape, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= shape[i];
    }
    return p;
  }

  public static String toString(int[] shape) {
    return Arrays.toString(shape);
  }
}
