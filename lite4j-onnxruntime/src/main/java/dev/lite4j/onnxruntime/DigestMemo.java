package dev.lite4j.onnxruntime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Digests of constant tensors, remembered per tensor definition (by identity, weakly): a model's
 * constants never change, so the second interpreter of a model in a process hashes no weights.
 * Constants folded at prepare (float16 weights widened) are a function of the model too.
 */
final class DigestMemo {
  private static final Map<Key, byte[]> DIGESTS = new HashMap<>();
  private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();

  private DigestMemo() {}

  /** Identity of a live object; equal only to keys of the same referent. */
  private static final class Key extends WeakReference<Object> {
    final int hash;
    final long length;

    Key(Object referent, long length, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
      this.length = length;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      return o instanceof Key k && k.length == length && get() != null && get() == k.get();
    }
  }

  /** The remembered digest of {@code owner}'s {@code length} bytes, or null. */
  static byte[] lookup(Object owner, long length) {
    synchronized (DIGESTS) {
      expunge();
      return DIGESTS.get(new Key(owner, length, null));
    }
  }

  static void remember(Object owner, long length, byte[] digest) {
    synchronized (DIGESTS) {
      DIGESTS.put(new Key(owner, length, GONE), digest);
    }
  }

  private static void expunge() {
    for (Object k; (k = GONE.poll()) != null; ) {
      DIGESTS.remove(k);
    }
  }
}
