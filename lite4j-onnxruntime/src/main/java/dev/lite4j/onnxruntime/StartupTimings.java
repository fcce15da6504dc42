package dev.lite4j.onnxruntime;

/**
 * What one partition's session cost to make, in milliseconds: {@code conversionMs} turning the
 * partition into ONNX (on a miss, laying out the weights and serialising it too), {@code keyMs}
 * hashing the partition for the cache key (weights hashed once per model and process),
 * {@code cacheMs} looking up and verifying a cache entry (on a miss the entry is written in the
 * background afterwards, off the start-up path),
 * {@code sessionMs} ONNX Runtime's session creation (optimisation included on a miss); {@code cache}
 * is "hit", "miss" or "off"; {@code totalMs} is the wall time from the kernel's {@code prepare} to the
 * session, which the runtime's own preparation overlaps (the work runs on a background thread).
 */
public record StartupTimings(int partition, int nodes, double conversionMs, double keyMs, double cacheMs,
    double sessionMs, String cache, double totalMs) {

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "partition %d (%d nodes): %.1f ms = conversion %.1f ms, key %.1f ms, cache %s %.1f ms, session %.1f ms",
        partition, nodes, totalMs, conversionMs, keyMs, cache, cacheMs, sessionMs);
  }
}
