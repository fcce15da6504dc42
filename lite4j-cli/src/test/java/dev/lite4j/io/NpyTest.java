package dev.lite4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir
  Path tmp;

  /** The exact bytes NumPy writes for np.array([[1.5, -2]], dtype='<f4'). */
  @Test
  void writesNumpyLayout() {
    byte[] b = Npy.ofFloats(new int[] {1, 2}, 1.5f, -2f).toBytes();
    String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }";
    assertEquals(128 + 8, b.length); // magic and header padded to a multiple of 64 bytes, then the data
    assertEquals(0x93, b[0] & 0xff);
    assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, b[6]);
    assertEquals(0, b[7]);
    int hlen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
    assertEquals(0, (10 + hlen) % 64);
    String h = new String(b, 10, hlen, StandardCharsets.US_ASCII);
    assertTrue(h.startsWith(header), h);
    assertEquals('\n', h.charAt(h.length() - 1));
    assertTrue(h.substring(header.length(), h.length() - 1).isBlank());
    ByteBuffer data = ByteBuffer.wrap(b, 10 + hlen, 8).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1.5f, data.getFloat());
    assertEquals(-2f, data.getFloat());
  }

  @Test
  void shapeSpelling() {
    assertEquals("()", new Npy("<f4", new int[0], ByteBuffer.allocate(4)).shapeString());
    assertEquals("(3,)", Npy.ofInts(new int[] {3}, 1, 2, 3).shapeString());
    assertEquals("(2, 1, 3)", Npy.ofInts(new int[] {2, 1, 3}, 1, 2, 3, 4, 5, 6).shapeString());
  }

  @Test
  void roundTripsEveryDtype() throws IOException {
    List<Npy> arrays = List.of(
        Npy.ofFloats(new int[] {2, 2}, 1f, -0f, Float.NaN, Float.MAX_VALUE),
        Npy.ofBytes(DataType.UINT8, new int[] {3}, (byte) 0, (byte) 200, (byte) 255),
        Npy.ofBytes(DataType.INT8, new int[] {3}, (byte) -128, (byte) 0, (byte) 127),
        Npy.ofBytes(DataType.BOOL, new int[] {2}, (byte) 1, (byte) 0),
        new Npy("<i2", new int[] {2}, le(4).putShort(0, (short) -32768).putShort(2, (short) 7)),
        Npy.ofInts(new int[] {1, 1, 3}, Integer.MIN_VALUE, 0, Integer.MAX_VALUE),
        Npy.ofLongs(new int[] {2}, Long.MIN_VALUE, 42),
        new Npy("<f2", new int[] {1}, le(2).putShort(0, Float.floatToFloat16(0.5f))),
        new Npy("<f8", new int[] {1}, le(8).putDouble(0, Math.PI)),
        new Npy("<f4", new int[0], le(4).putFloat(0, 3f)),
        new Npy("<i4", new int[] {0, 5}, le(0)));
    for (Npy a : arrays) {
      Path f = tmp.resolve("a.npy");
      a.write(f);
      Npy b = Npy.read(f);
      assertEquals(a, b, a.toString());
      assertArrayEquals(a.shape(), b.shape());
      assertEquals(a.dtype(), b.dtype());
    }
  }

  @Test
  void elementAccess() {
    Npy u8 = Npy.ofBytes(DataType.UINT8, new int[] {2}, (byte) 0xff, (byte) 1);
    assertEquals(255.0, u8.getDouble(0));
    assertEquals(255L, u8.getLong(0));
    assertEquals(DataType.UINT8, u8.dataType());
    Npy i8 = Npy.ofBytes(DataType.INT8, new int[] {1}, (byte) 0xff);
    assertEquals(-1.0, i8.getDouble(0));
    Npy f16 = new Npy("<f2", new int[] {1}, le(2).putShort(0, Float.floatToFloat16(-1.5f)));
    assertEquals(-1.5, f16.getDouble(0));
    assertEquals(DataType.FLOAT16, f16.dataType());
    assertArrayEquals(new float[] {-1.5f}, f16.toFloatArray());
    assertEquals(null, new Npy("<f8", new int[] {1}, le(8)).dataType());
    assertEquals("float64", new Npy("<f8", new int[] {1}, le(8)).dtypeName());
  }

  @Test
  void acceptsOtherSpellingsAndVersion2() throws IOException {
    for (String[] c : new String[][] {{"<u1", "|u1"}, {"<i1", "|i1"}, {"<b1", "|b1"}, {"|u1", "|u1"},
        {"=i4", "<i4"}, {"<f2", "<f2"}, {"<f8", "<f8"}, {">u1", "|u1"}}) {
      int n = c[1].endsWith("1") ? 1 : Integer.parseInt(c[1].substring(2));
      byte[] file = npyFile(1, "{'descr': '" + c[0] + "', 'fortran_order': False, 'shape': (1,), }", new byte[n]);
      assertEquals(c[1], Npy.parse(ByteBuffer.wrap(file), "t").dtype());
    }
    byte[] v2 = npyFile(2, "{\"descr\": \"<i4\", \"shape\": (2,), \"fortran_order\": False}",
        new byte[] {1, 0, 0, 0, 2, 0, 0, 0});
    Npy a = Npy.parse(ByteBuffer.wrap(v2), "v2");
    assertEquals(2, a.getLong(1));
  }

  @Test
  void rejectsBadFiles() {
    String ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    assertBad(new byte[] {1, 2, 3});
    assertBad("NOTNUMPYxxxxxxxx".getBytes(StandardCharsets.US_ASCII));
    assertBad(npyFile(1, ok, new byte[4])); // truncated: needs 8 bytes
    assertBad(npyFile(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", new byte[8]));
    assertBad(npyFile(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", new byte[16]));
    assertBad(npyFile(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]));
    assertBad(npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[8]));
    assertBad(npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[8]));
    assertBad(npyFile(1, "{'descr': '<f4', 'shape': (2,), }", new byte[8]));
    assertBad(npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", new byte[8]));
    assertBad(npyFile(9, ok, new byte[8]));
    byte[] lying = npyFile(1, ok, new byte[8]);
    lying[8] = (byte) 0xff; // header length past the end
    lying[9] = (byte) 0xff;
    assertBad(lying);
  }

  @Test
  void readsEveryGoldenFile() throws IOException {
    Path golden = SharedData.root().resolve("golden");
    List<Path> files;
    try (Stream<Path> s = Files.walk(golden)) {
      files = s.filter(p -> p.toString().endsWith(".npy")).toList();
    }
    assertTrue(files.size() > 20, "golden .npy files: " + files.size());
    for (Path f : files) {
      Npy a = Npy.read(f);
      assertTrue(a.dataType() != null, f.toString());
      // Writing it back gives the very same bytes (same header layout as the reference tool).
      byte[] orig = Files.readAllBytes(f);
      assertArrayEquals(orig, a.toBytes(), f.toString());
    }
    Npy x = Npy.read(golden.resolve("mobilenet_v2_1.0_224_dequant/random/input_0.npy"));
    assertEquals("<f4", x.dtype());
    assertArrayEquals(new int[] {1, 224, 224, 3}, x.shape());
    // The reference's rule: java.util.Random(1), nextFloat()*2-1.
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < 10; i++) {
      assertEquals(r.nextFloat() * 2f - 1f, (float) x.getDouble(i));
    }
  }

  private static void assertBad(byte[] file) {
    assertThrows(IOException.class, () -> Npy.parse(ByteBuffer.wrap(file), "bad"));
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] npyFile(int version, String dict, byte[] data) {
    byte[] h = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
    int prefix = version == 1 ? 10 : 12;
    ByteBuffer b = ByteBuffer.allocate(prefix + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
    if (version == 2) {
      b.putInt(h.length);
    } else {
      b.putShort((short) h.length);
    }
    return b.put(h).put(data).array();
  }
}
