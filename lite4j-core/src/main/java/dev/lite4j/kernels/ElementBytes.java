package dev.lite4j.kernels;

import java.nio.ByteBuffer;

/**
 * Moves tensor elements as raw little-endian bytes, whatever their type, for the data-movement
 * operators (reshape, transpose, gather, slice, ...). Indices are in elements; {@code size} is the
 * element size in bytes. Absolute access only: buffer positions never move.
 */
public final class ElementBytes {
  private ElementBytes() {}

  /** Copies {@code count} consecutive elements from {@code src[srcIndex]} to {@code dst[dstIndex]}. */
  public static void copy(ByteBuffer src, int srcIndex, ByteBuffer dst, int dstIndex, int count, int size) {
    if (count == 1) {
      copyOne(src, srcIndex, dst, dstIndex, size);
    } else if (count > 0) {
      dst.put(dstIndex * size, src, srcIndex * size, count * size);
    }
  }

  /** Copies one element. */
  public static void copyOne(ByteBuffer src, int srcIndex, ByteBuffer dst, int dstIndex, int size) {
    switch (size) {
      case 1 -> dst.put(dstIndex, src.get(srcIndex));
      case 2 -> dst.putShort(dstIndex * 2, src.getShort(srcIndex * 2));
      case 4 -> dst.putInt(dstIndex * 4, src.getInt(srcIndex * 4));
      case 8 -> dst.putLong(dstIndex * 8, src.getLong(srcIndex * 8));
      default -> dst.put(dstIndex * size, src, srcIndex * size, size);
    }
  }

  /** The raw bits of element {@code index} (elements of 1, 2, 4 or 8 bytes). */
  public static long bits(ByteBuffer b, int index, int size) {
    return switch (size) {
      case 1 -> b.get(index);
      case 2 -> b.getShort(index * 2);
      case 4 -> b.getInt(index * 4);
      case 8 -> b.getLong(index * 8);
      default -> throw new IllegalArgumentException("element size " + size);
    };
  }

  /** Writes the element whose raw bits are {@code bits} to {@code count} elements from {@code from}. */
  public static void fill(ByteBuffer dst, int from, int count, int size, long bits) {
    int end = from + count;
    switch (size) {
      case 1 -> {
        for (int i = from; i < end; i++) {
          dst.put(i, (byte) bits);
        }
      }
      case 2 -> {
        for (int i = from; i < end; i++) {
          dst.putShort(i * 2, (short) bits);
        }
      }
      case 4 -> {
        for (int i = from; i < end; i++) {
          dst.putInt(i * 4, (int) bits);
        }
      }
      case 8 -> {
        for (int i = from; i < end; i++) {
          dst.putLong(i * 8, bits);
        }
      }
      default -> throw new IllegalArgumentException("element size " + size);
    }
  }

  /**
   * Copies a strided box of {@code src} to {@code dst} in C order: output element (i0, i1, ...) reads
   * {@code src[base + i0*step[0] + i1*step[1] + ...]} for {@code ik < count[k]}. Steps may be
   * negative (reversed axes) or 0 (broadcast axes), so slicing, strided slicing, transposing,
   * tiling and broadcasting are all this one loop. {@code counter} is scratch of length >= rank.
   */
  public static void gather(ByteBuffer src, int base, int[] count, int[] step, ByteBuffer dst, int size,
      int[] counter) {
    int rank = count.length;
    for (int c : count) {
      if (c == 0) {
        return;
      }
    }
    if (rank == 0) {
      copyOne(src, base, dst, 0, size);
      return;
    }
    int last = rank - 1;
    int n = count[last];
    int s = step[last];
    for (int d = 0; d < last; d++) {
      counter[d] = 0;
    }
    int from = base;
    int to = 0;
    while (true) {
      if (s == 1) {
        copy(src, from, dst, to, n, size);
      } else {
        for (int k = 0, f = from; k < n; k++, f += s) {
          copyOne(src, f, dst, to + k, size);
        }
      }
      to += n;
      int d = last - 1;
      for (; d >= 0; d--) {
        from += step[d];
        if (++counter[d] < count[d]) {
          break;
        }
        from -= step[d] * count[d];
        counter[d] = 0;
      }
      if (d < 0) {
        return;
      }
    }
  }
}
