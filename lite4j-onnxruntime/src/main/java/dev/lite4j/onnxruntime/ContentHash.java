package dev.lite4j.onnxruntime;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SHA-256 over large byte ranges as a two-level tree: each 4 MiB chunk is hashed on its own (in
 * parallel on the common pool), and the chunk digests with their lengths are hashed together. As
 * collision-resistant as SHA-256 itself, and several times faster on a multi-core machine, which is
 * what keeps a warm start (hashing weights for the key, verifying the cache entry) short.
 */
final class ContentHash {
  static final int CHUNK = 4 << 20;

  private ContentHash() {}

  /** The tree digest of {@code bytes} (position to limit; the buffer is not moved). */
  static byte[] digest(ByteBuffer bytes) {
    return digestAll(List.of(bytes)).get(0);
  }

  /** The tree digests of several buffers, all chunks hashed in parallel. */
  static List<byte[]> digestAll(List<ByteBuffer> buffers) {
    List<List<CompletableFuture<byte[]>>> parts = new ArrayList<>();
    for (ByteBuffer bytes : buffers) {
      ByteBuffer b = bytes.duplicate();
      int n = b.remaining();
      int chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
      List<CompletableFuture<byte[]>> mine = new ArrayList<>(chunks);
      for (int c = 0; c < chunks; c++) {
        ByteBuffer slice = b.slice(b.position() + c * CHUNK, Math.min(CHUNK, n - c * CHUNK));
        mine.add(small(n) ? CompletableFuture.completedFuture(chunkDigest(slice))
            : CompletableFuture.supplyAsync(() -> chunkDigest(slice)));
      }
      parts.add(mine);
    }
    List<byte[]> out = new ArrayList<>(buffers.size());
    for (int i = 0; i < buffers.size(); i++) {
      List<CompletableFuture<byte[]>> mine = parts.get(i);
      MessageDigest top = SessionCache.sha256();
      ByteBuffer header = ByteBuffer.allocate(12);
      header.putInt(mine.size()).putLong(buffers.get(i).remaining()).flip();
      top.update(header);
      for (CompletableFuture<byte[]> p : mine) {
        top.update(p.join());
      }
      out.add(top.digest());
    }
    return out;
  }

  /** Small buffers are hashed on the calling thread: a task would cost more than the hash. */
  private static boolean small(int n) {
    return n < 64 << 10;
  }

  static String hex(ByteBuffer bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  private static byte[] chunkDigest(ByteBuffer chunk) {
    MessageDigest md = SessionCache.sha256();
    md.update(chunk.duplicate());
    return md.digest();
  }
}
