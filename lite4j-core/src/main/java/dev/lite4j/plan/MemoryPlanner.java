package dev.lite4j.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places tensors in one arena so that tensors whose lifetimes overlap never share bytes, while
 * tensors that are never alive at the same time reuse them. Greedy by size, as TensorFlow Lite's
 * arena planner: the largest tensors are placed first, each at the lowest offset that does not
 * collide with an already placed tensor whose lifetime overlaps.
 */
public final class MemoryPlanner {
  /** Alignment of every tensor in the arena (cache line, and room for any vector width). */
  public static final int ALIGNMENT = 64;

  /** A tensor to place: alive from step {@code first} to step {@code last}, inclusive. */
  public record Request(int tensor, long bytes, int first, int last) {}

  /** Where each request went, and the arena size. */
  public record Plan(long[] offsets, long arenaBytes, long naiveBytes) {}

  private MemoryPlanner() {}

  public static Plan plan(List<Request> requests, int tensorCount) {
    long[] offsets = new long[tensorCount];
    java.util.Arrays.fill(offsets, -1);
    List<Request> order = new ArrayList<>(requests);
    order.sort(LARGEST_FIRST);
    List<Request> placed = new ArrayList<>();
    long arena = 0;
    long naive = 0;
    for (Request r : order) {
      long size = align(r.bytes());
      naive += size;
      List<long[]> busy = new ArrayList<>();
      for (Request p : placed) {
        if (p.first() <= r.last() && r.first() <= p.last()) {
          busy.add(new long[] {offsets[p.tensor()], offsets[p.tensor()] + align(p.bytes())});
        }
      }
      busy.sort(BY_START);
      long offset = 0;
      for (long[] b : busy) {
        if (offset + size <= b[0]) {
          break;
        }
        offset = Math.max(offset, b[1]);
      }
      offsets[r.tensor()] = offset;
      placed.add(r);
      arena = Math.max(arena, offset + size);
    }
    return new Plan(offsets, arena, naive);
  }

  // Comparators as classes, not lambdas: each lambda costs a bootstrap on a fresh JVM's start-up path.

  /** Largest first; ties by tensor index, so the plan does not depend on the input order. */
  private static final Comparator<Request> LARGEST_FIRST = new Comparator<>() {
    @Override
    public int compare(Request a, Request b) {
      int bySize = Long.compare(b.bytes(), a.bytes());
      return bySize != 0 ? bySize : Integer.compare(a.tensor(), b.tensor());
    }
  };

  /** Busy ranges {start, end} by start. */
  private static final Comparator<long[]> BY_START = new Comparator<>() {
    @Override
    public int compare(long[] a, long[] b) {
      return Long.compare(a[0], b[0]);
    }
  };

  static long align(long bytes) {
    return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
