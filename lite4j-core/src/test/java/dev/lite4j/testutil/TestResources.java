package dev.lite4j.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lite4j.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test resources on the class path (committed goldens): their bytes, as .npy arrays, and their digests. */
public final class TestResources {
  private TestResources() {}

  /** The bytes of resource {@code path} (absolute, e.g. {@code /golden-ops/x/model.tflite}); fails if missing. */
  public static byte[] bytes(String path) throws IOException {
    try (InputStream in = TestResources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + path);
      }
      return in.readAllBytes();
    }
  }

  /** Resource {@code path} parsed as a .npy array. */
  public static Npy npy(String path) throws IOException {
    return Npy.parse(ByteBuffer.wrap(bytes(path)).order(ByteOrder.LITTLE_ENDIAN), path);
  }

  /** SHA-256 of {@code b}, in lower-case hex. */
  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts that {@code model} is, byte for byte, the model recorded at resource {@code path}. */
  public static void assertRebuilt(String path, byte[] model) throws IOException {
    assertEquals(sha256(bytes(path)), sha256(model), "the recorded model " + path + " is rebuilt byte for byte");
  }
}
