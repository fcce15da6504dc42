package dev.lite4j.kernels;

import java.util.Arrays;

/**
 * NumPy broadcasting of two shapes (up to rank 6, as TensorFlow Lite allows for its broadcasting
 * binary ops): the output shape, and for each output element the flat index of the input element.
 */
public final class Broadcast {
  public static final int MAX_RANK = 6;

  private Broadcast() {}

  /** The broadcast shape of {@code a} and {@code b}, or null when they cannot broadcast. */
  public static int[] shape(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        return null;
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * For each element of {@code outShape} (C order), the flat index of the element of {@code inShape}
   * that broadcasts to it; null when the shapes are equal (the index is then the element's own).
   */
  public static int[] indexMap(int[] inShape, int[] outShape) {
    if (Arrays.equals(inShape, outShape)) {
      return null;
    }
    int rank = outShape.length;
    int[] inStrides = new int[rank];
    int stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      int inDim = i - (rank - inShape.length);
      int d = inDim < 0 ? 1 : inShape[inDim];
      inStrides[i] = d == 1 ? 0 : stride;
      stride *= d;
    }
    int total = 1;
    for (int d : outShape) {
      total *= d;
    }
    int[] map = new int[total];
    int[] counter = new int[rank];
    int index = 0;
    for (int o = 0; o < total; o++) {
      map[o] = index;
      for (int d = rank - 1; d >= 0; d--) {
        counter[d]++;
        index += inStrides[d];
        if (counter[d] < outShape[d]) {
          break;
        }
        index -= inStrides[d] * counter[d];
        counter[d] = 0;
      }
    }
    return map;
  }

  /** Element {@code o} of the output reads input element {@code at(map, o)}. */
  public static int at(int[] map, int o) {
    return map == null ? o : map[o];
  }
}
