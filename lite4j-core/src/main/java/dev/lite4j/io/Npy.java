package dev.lite4j.io;

import dev.lite4j.DataType;
import dev.lite4j.Tensor;
import dev.lite4j.runtime.TensorBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A NumPy {@code .npy} array: dtype (NumPy's descriptor, normalised: {@code <f4 |u1 |i1 <i2 <i4 <i8
 * |b1 <f2 <f8}), shape, and the raw elements, little-endian, C order (from position 0 to the limit).
 *
 * <p>Reads format 1.0 and 2.0 (and 3.0, whose only change is a UTF-8 header); writes 1.0 as NumPy and
 * TensorFlow Lite's reference tool do: header padded with spaces to a multiple of 64 bytes, ending in
 * a newline. Nothing in a file is trusted: header length, shape and data size are checked before
 * anything is allocated from them.
 */
public record Npy(String dtype, int[] shape, ByteBuffer data) {

  /** Descriptors this class reads and writes, with their element size in bytes. */
  private static final Map<String, Integer> ELEMENT_BYTES = Map.of(
      "<f4", 4, "|u1", 1, "|i1", 1, "<i2", 2, "<i4", 4, "<i8", 8, "|b1", 1, "<f2", 2, "<f8", 8);

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** NumPy itself refuses headers over 10 kB unless told otherwise; this is generous and still safe. */
  private static final int MAX_HEADER_BYTES = 1 << 20;

  public Npy {
    dtype = normalise(dtype);
    shape = shape.clone();
    long n = checkedCount(shape);
    long bytes = n * ELEMENT_BYTES.get(dtype);
    if (data.remaining() != bytes) {
      throw new IllegalArgumentException("npy " + dtype + Arrays.toString(shape) + " needs " + bytes
          + " bytes of data, got " + data.remaining());
    }
    data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The elements, little-endian, position 0 (a fresh view: positions may be moved freely). */
  @Override
  public ByteBuffer data() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  public int numElements() {
    return (int) checkedCount(shape);
  }

  public int elementBytes() {
    return ELEMENT_BYTES.get(dtype);
  }

  // ------------------------------------------------------------------------------------ dtypes

  /** The NumPy descriptor of a tensor type ({@code <f4}, {@code |u1}, ...). */
  public static String dtypeOf(DataType type) {
    return switch (type) {
      case FLOAT32 -> "<f4";
      case UINT8 -> "|u1";
      case INT8 -> "|i1";
      case INT16 -> "<i2";
      case INT32 -> "<i4";
      case INT64 -> "<i8";
      case BOOL -> "|b1";
      case FLOAT16 -> "<f2";
      default -> throw new IllegalArgumentException("tensor type " + type + " has no .npy dtype");
    };
  }

  /** The tensor type this array holds, or null for float64 (no tensor type). */
  public DataType dataType() {
    return switch (dtype) {
      case "<f4" -> DataType.FLOAT32;
      case "|u1" -> DataType.UINT8;
      case "|i1" -> DataType.INT8;
      case "<i2" -> DataType.INT16;
      case "<i4" -> DataType.INT32;
      case "<i8" -> DataType.INT64;
      case "|b1" -> DataType.BOOL;
      case "<f2" -> DataType.FLOAT16;
      default -> null;
    };
  }

  /** NumPy's short name of the dtype (float32, uint8, ...), as the golden summaries spell it. */
  public String dtypeName() {
    return switch (dtype) {
      case "<f4" -> "float32";
      case "|u1" -> "uint8";
      case "|i1" -> "int8";
      case "<i2" -> "int16";
      case "<i4" -> "int32";
      case "<i8" -> "int64";
      case "|b1" -> "bool";
      case "<f2" -> "float16";
      case "<f8" -> "float64";
      default -> dtype;
    };
  }

  /** Accepts NumPy's spellings of the same type ({@code <u1}, {@code =i4}, ...) and returns ours. */
  static String normalise(String descr) {
    if (descr == null || descr.length() < 2) {
      throw new IllegalArgumentException("bad npy dtype '" + descr + "'");
    }
    char order = descr.charAt(0);
    String code = descr.substring(1);
    if (order == '>' && !code.endsWith("1")) {
      throw new IllegalArgumentException("big-endian npy dtype '" + descr + "' is not supported");
    }
    if (order != '<' && order != '|' && order != '=' && order != '>') {
      code = descr;
    }
    String norm = switch (code) {
      case "u1", "i1", "b1" -> "|" + code;
      default -> "<" + code;
    };
    if (!ELEMENT_BYTES.containsKey(norm)) {
      throw new IllegalArgumentException("unsupported npy dtype '" + descr + "' (supported: float32, float16, "
          + "float64, uint8, int8, int16, int32, int64, bool)");
    }
    return norm;
  }

  private static long checkedCount(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in npy shape " + Arrays.toString(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " has too many elements");
      }
    }
    return n;
  }

  // ------------------------------------------------------------------------------- elements

  /** Element {@code i} (C order) as a double; bool is 0 or 1, float16 is widened. */
  public double getDouble(int i) {
    return switch (dtype) {
      case "<f4" -> data.getFloat(i * 4);
      case "|u1" -> data.get(i) & 0xff;
      case "|i1" -> data.get(i);
      case "<i2" -> data.getShort(i * 2);
      case "<i4" -> data.getInt(i * 4);
      case "<i8" -> data.getLong(i * 8);
      case "|b1" -> data.get(i) != 0 ? 1 : 0;
      case "<f2" -> Float.float16ToFloat(data.getShort(i * 2));
      case "<f8" -> data.getDouble(i * 8);
      default -> throw new IllegalStateException(dtype);
    };
  }

  /** Element {@code i} as a long (integer and bool dtypes; exact). */
  public long getLong(int i) {
    return switch (dtype) {
      case "|u1" -> data.get(i) & 0xff;
      case "|i1" -> data.get(i);
      case "<i2" -> data.getShort(i * 2);
      case "<i4" -> data.getInt(i * 4);
      case "<i8" -> data.getLong(i * 8);
      case "|b1" -> data.get(i) != 0 ? 1 : 0;
      default -> throw new IllegalStateException("npy dtype " + dtype + " is not an integer type");
    };
  }

  public boolean isFloatingPoint() {
    return dtype.charAt(1) == 'f';
  }

  /** All elements as floats (float32 as is, others converted). */
  public float[] toFloatArray() {
    float[] out = new float[numElements()];
    if (dtype.equals("<f4")) {
      data.asFloatBuffer().get(0, out);
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) getDouble(i);
    }
    return out;
  }

  // --------------------------------------------------------------------------- constructors

  public static Npy ofFloats(int[] shape, float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new Npy("<f4", shape, b);
  }

  public static Npy ofInts(int[] shape, int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    return new Npy("<i4", shape, b);
  }

  public static Npy ofLongs(int[] shape, long... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return new Npy("<i8", shape, b);
  }

  /** A 1-byte array ({@code UINT8}, {@code INT8} or {@code BOOL}) holding {@code values} as they are. */
  public static Npy ofBytes(DataType type, int[] shape, byte... values) {
    if (type.byteSize() != 1 || type == DataType.STRING) {
      throw new IllegalArgumentException(type + " is not a one-byte type");
    }
    return new Npy(dtypeOf(type), shape, ByteBuffer.wrap(values.clone()));
  }

  /** A copy of a tensor's current shape and bytes. */
  public static Npy of(Tensor t) {
    ByteBuffer src = t.asReadOnlyBuffer();
    return new Npy(dtypeOf(t.dataType()), t.shape(), copy(src));
  }

  /** A copy of a tensor buffer's current shape and bytes. */
  public static Npy of(TensorBuffer t) {
    ByteBuffer src = t.bytes().duplicate();
    src.limit((int) t.numBytes());
    return new Npy(dtypeOf(t.type()), t.shape().clone(), copy(src));
  }

  private static ByteBuffer copy(ByteBuffer src) {
    ByteBuffer b = ByteBuffer.allocate(src.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(src.duplicate());
    return b.flip();
  }

  /**
   * The bytes to feed a tensor of type {@code type}: a direct buffer in native order holding exactly
   * this array's elements, as {@code Interpreter.runForMultipleInputsOutputs} takes them.
   *
   * @throws IllegalArgumentException when the dtype is not {@code type}'s
   */
  public ByteBuffer toInputBuffer(DataType type) {
    if (type != dataType()) {
      throw new IllegalArgumentException("npy dtype " + dtypeName() + " does not match tensor type "
          + type.name().toLowerCase(java.util.Locale.ROOT));
    }
    ByteBuffer b = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
    b.put(data.duplicate());
    return b.flip();
  }

  /** Writes the elements into {@code t} (same type and element count; shape is the caller's concern). */
  public void copyTo(TensorBuffer t) {
    if (t.type() != dataType()) {
      throw new IllegalArgumentException("npy dtype " + dtypeName() + " does not match " + t);
    }
    if (t.numBytes() != data.remaining()) {
      throw new IllegalArgumentException("npy " + dtypeName() + Arrays.toString(shape) + " has "
          + data.remaining() + " bytes, " + t + " has " + t.numBytes());
    }
    ByteBuffer dst = t.bytes().duplicate();
    dst.put(0, data, 0, data.remaining());
  }

  // --------------------------------------------------------------------------------- reading

  public static Npy read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException(file + ": .npy files over 2 GiB are not supported");
      }
      ByteBuffer all = ByteBuffer.allocate((int) size);
      while (all.hasRemaining() && ch.read(all) >= 0) {
        // read fully
      }
      return parse(all.flip(), file.toString());
    }
  }

  /** Parses a whole {@code .npy} file held in {@code bytes} (from position to limit). */
  public static Npy parse(ByteBuffer bytes, String what) throws IOException {
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < 10) {
      throw new IOException(what + ": not a .npy file (too short)");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        throw new IOException(what + ": not a .npy file (bad magic)");
      }
    }
    int major = b.get(6) & 0xff;
    int headerStart;
    long headerLen;
    if (major == 1) {
      headerLen = b.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (b.remaining() < 12) {
        throw new IOException(what + ": truncated .npy header");
      }
      headerLen = b.getInt(8) & 0xffffffffL;
      headerStart = 12;
    } else {
      throw new IOException(what + ": unsupported .npy format version " + major);
    }
    if (headerLen > MAX_HEADER_BYTES || headerStart + headerLen > b.remaining()) {
      throw new IOException(what + ": .npy header length " + headerLen + " is past the end of the file");
    }
    byte[] hb = new byte[(int) headerLen];
    b.get(headerStart, hb);
    String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Map<String, Object> dict;
    try {
      dict = HeaderParser.parse(header);
    } catch (IllegalArgumentException e) {
      throw new IOException(what + ": bad .npy header: " + e.getMessage() + " in " + header.strip());
    }
    Object descr = dict.get("descr");
    Object fortran = dict.get("fortran_order");
    Object shapeObj = dict.get("shape");
    if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shapeObj instanceof List<?> dims)) {
      throw new IOException(what + ": .npy header needs 'descr' (string), 'fortran_order' (bool) and 'shape' "
          + "(tuple): " + header.strip());
    }
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long v) || v < 0 || v > Integer.MAX_VALUE) {
        throw new IOException(what + ": bad dimension " + dims.get(i) + " in .npy shape");
      }
      shape[i] = (int) (long) v;
    }
    String dtype;
    long count;
    try {
      dtype = normalise(d);
      count = checkedCount(shape);
    } catch (IllegalArgumentException e) {
      throw new IOException(what + ": " + e.getMessage());
    }
    if (f && shape.length > 1) {
      throw new IOException(what + ": Fortran-order .npy arrays are not supported");
    }
    long start = headerStart + headerLen;
    long bytesNeeded = count * ELEMENT_BYTES.get(dtype);
    if (b.remaining() - start < bytesNeeded) {
      throw new IOException(what + ": truncated .npy data: " + dtype + Arrays.toString(shape) + " needs "
          + bytesNeeded + " bytes, the file has " + (b.remaining() - start));
    }
    ByteBuffer data = ByteBuffer.allocate((int) bytesNeeded).order(ByteOrder.LITTLE_ENDIAN);
    data.put(0, b, (int) start, (int) bytesNeeded);
    return new Npy(dtype, shape, data);
  }

  // --------------------------------------------------------------------------------- writing

  /** The whole file: format 1.0 header (2.0 if the header would not fit) and the data. */
  public byte[] toBytes() {
    String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeString() + ", }";
    boolean v2 = dict.length() + 11 > 0xffff;
    int prefix = v2 ? 12 : 10;
    int total = prefix + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(prefix + header.length + data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) (v2 ? 2 : 1)).put((byte) 0);
    if (v2) {
      out.putInt(header.length);
    } else {
      out.putShort((short) header.length);
    }
    out.put(header).put(data.duplicate());
    return out.array();
  }

  /** Writes the file (to a temporary sibling first, then renamed, so readers never see half a file). */
  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream o = Files.newOutputStream(tmp)) {
        o.write(toBytes());
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** NumPy's repr of the shape: {@code ()}, {@code (3,)}, {@code (1, 224, 224, 3)}. */
  String shapeString() {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return s.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Npy n && n.dtype.equals(dtype) && Arrays.equals(n.shape, shape) && n.data.equals(data);
  }

  @Override
  public int hashCode() {
    return dtype.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "Npy(" + dtypeName() + Arrays.toString(shape) + ")";
  }

  /**
   * The header is a Python dict literal: {@code {'descr': '<f4', 'fortran_order': False, 'shape': (1,
   * 1001), }}. This reads exactly that grammar: strings, True/False, integers and tuples of them.
   */
  private static final class HeaderParser {
    private final String s;
    private int p;

    private HeaderParser(String s) {
      this.s = s;
    }

    static Map<String, Object> parse(String text) {
      HeaderParser hp = new HeaderParser(text);
      hp.skip();
      hp.expect('{');
      Map<String, Object> out = new java.util.HashMap<>();
      hp.skip();
      while (hp.peek() != '}') {
        Object key = hp.value(0);
        if (!(key instanceof String k)) {
          throw new IllegalArgumentException("dict key is not a string at " + hp.p);
        }
        hp.skip();
        hp.expect(':');
        hp.skip();
        out.put(k, hp.value(0));
        hp.skip();
        if (hp.peek() == ',') {
          hp.p++;
          hp.skip();
        } else if (hp.peek() != '}') {
          throw new IllegalArgumentException("expected ',' or '}' at " + hp.p);
        }
      }
      hp.p++;
      hp.skip();
      if (hp.p != text.length()) {
        throw new IllegalArgumentException("text after the dict at " + hp.p);
      }
      return out;
    }

    private char peek() {
      if (p >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return s.charAt(p);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + p);
      }
      p++;
    }

    private void skip() {
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
    }

    private Object value(int depth) {
      if (depth > 4) {
        throw new IllegalArgumentException("nested too deeply");
      }
      char c = peek();
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, p + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated string at " + p);
        }
        String v = s.substring(p + 1, end);
        p = end + 1;
        return v;
      }
      if (c == '(' || c == '[') {
        char close = c == '(' ? ')' : ']';
        p++;
        List<Object> items = new java.util.ArrayList<>();
        skip();
        while (peek() != close) {
          items.add(value(depth + 1));
          skip();
          if (peek() == ',') {
            p++;
            skip();
          } else if (peek() != close) {
            throw new IllegalArgumentException("expected ',' or '" + close + "' at " + p);
          }
        }
        p++;
        return items;
      }
      if (s.startsWith("True", p)) {
        p += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("False", p)) {
        p += 5;
        return Boolean.FALSE;
      }
      int start = p;
      while (p < s.length() && (Character.isDigit(s.charAt(p)) || s.charAt(p) == '-')) {
        p++;
      }
      if (start == p) {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + p);
      }
      // NumPy writes Python ints; some writers add an 'L' suffix (Python 2)
      if (p < s.length() && s.charAt(p) == 'L') {
        p++;
        return parseLong(s.substring(start, p - 1));
      }
      return parseLong(s.substring(start, p));
    }

    private static Long parseLong(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad integer '" + text + "'");
      }
    }
  }
}
