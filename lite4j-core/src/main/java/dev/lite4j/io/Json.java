package dev.lite4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON (RFC 8259) reader and writer for tools: golden summaries, reports.
 *
 * <p>Reading gives {@code Map<String, Object>} (insertion-ordered) for objects, {@code List<Object>}
 * for arrays, {@code String}, {@code Boolean}, {@code null}, and for numbers a {@code Long} when the
 * text is an integer that fits, else a {@code Double} (fractions, exponents, huge integers). Errors
 * are {@link IllegalArgumentException}s naming line and column.
 *
 * <p>Writing takes maps, lists (and Java arrays of primitives or objects), strings, numbers, booleans
 * and null; non-finite doubles are written as {@code null} (JSON has no NaN).
 */
public final class Json {
  /** Deeper nesting than this is refused rather than risking the stack. */
  private static final int MAX_DEPTH = 512;

  private final String s;
  private int p;

  private Json(String s) {
    this.s = s;
  }

  // ---------------------------------------------------------------------------------- reading

  /** Parses one JSON value; only whitespace may follow it. */
  public static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("JSON text is null");
    }
    Json j = new Json(text);
    j.skip();
    Object v = j.value(0);
    j.skip();
    if (j.p != text.length()) {
      throw j.error("unexpected text after the value");
    }
    return v;
  }

  public static Object read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a JSON object (a {@link ClassCastException}-free check of the top-level type). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("JSON: expected an object at the top level");
    }
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(Path file) throws IOException {
    Object v = read(file);
    if (!(v instanceof Map)) {
      throw new IOException(file + ": expected a JSON object at the top level");
    }
    return (Map<String, Object>) v;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (p >= s.length()) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(p);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    p++;
    Map<String, Object> out = new LinkedHashMap<>();
    skip();
    if (peek() == '}') {
      p++;
      return out;
    }
    while (true) {
      skip();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      skip();
      expect(':');
      skip();
      out.put(key, value(depth + 1));
      skip();
      char c = peek();
      p++;
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        p--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    p++;
    List<Object> out = new ArrayList<>();
    skip();
    if (peek() == ']') {
      p++;
      return out;
    }
    while (true) {
      skip();
      out.add(value(depth + 1));
      skip();
      char c = peek();
      p++;
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        p--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    p++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (p >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(p++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        p--;
        throw error("control character in string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (p >= s.length()) {
        throw error("unterminated escape");
      }
      char e = s.charAt(p++);
      switch (e) {
        case '"' -> b.append('"');
        case '\\' -> b.append('\\');
        case '/' -> b.append('/');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (p + 4 > s.length()) {
            throw error("short \\u escape");
          }
          int v = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(p + i), 16);
            if (d < 0) {
              throw error("bad \\u escape");
            }
            v = v * 16 + d;
          }
          p += 4;
          b.append((char) v);
        }
        default -> {
          p--;
          throw error("bad escape '\\" + e + "'");
        }
      }
    }
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, p)) {
      throw error("unexpected token");
    }
    p += word.length();
    return value;
  }

  private Object number() {
    int start = p;
    if (peek() == '-') {
      p++;
    }
    if (p >= s.length() || !isDigit(s.charAt(p))) {
      throw error("bad number");
    }
    if (s.charAt(p) == '0') {
      p++;
    } else {
      digits();
    }
    boolean integer = true;
    if (p < s.length() && s.charAt(p) == '.') {
      integer = false;
      p++;
      if (p >= s.length() || !isDigit(s.charAt(p))) {
        throw error("bad number: digits must follow '.'");
      }
      digits();
    }
    if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
      integer = false;
      p++;
      if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
        p++;
      }
      if (p >= s.length() || !isDigit(s.charAt(p))) {
        throw error("bad number: digits must follow the exponent");
      }
      digits();
    }
    String text = s.substring(start, p);
    if (integer) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // too large for a long: fall through to double
      }
    }
    return Double.parseDouble(text);
  }

  private void digits() {
    while (p < s.length() && isDigit(s.charAt(p))) {
      p++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private char peek() {
    if (p >= s.length()) {
      throw error("unexpected end of input");
    }
    return s.charAt(p);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    p++;
  }

  private void skip() {
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      p++;
    }
  }

  private IllegalArgumentException error(String msg) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(p, s.length()); i++) {
      if (s.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new IllegalArgumentException("JSON: " + msg + " at line " + line + " column " + col);
  }

  // ---------------------------------------------------------------------------------- writing

  /** One line, no spaces. */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, -1, 0);
    return b.toString();
  }

  /** Indented by two spaces per level, one member or element per line. */
  public static String writePretty(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 2, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, int indent, int level) {
    if (level > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON: value nested deeper than " + MAX_DEPTH + " (a cycle?)");
    }
    switch (v) {
      case null -> b.append("null");
      case String str -> quote(b, str);
      case Boolean bool -> b.append(bool);
      case Double d -> number(b, d);
      case Float f -> b.append(f.isNaN() || f.isInfinite() ? "null" : Float.toString(f)); // shortest float repr
      case Number n -> b.append(n);
      case Character c -> quote(b, c.toString());
      case Map<?, ?> m -> {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          b.append(first ? "" : ",");
          first = false;
          newline(b, indent, level + 1);
          quote(b, String.valueOf(e.getKey()));
          b.append(indent < 0 ? ":" : ": ");
          write(b, e.getValue(), indent, level + 1);
        }
        if (!m.isEmpty()) {
          newline(b, indent, level);
        }
        b.append('}');
      }
      case Iterable<?> it -> {
        b.append('[');
        boolean first = true;
        for (Object o : it) {
          b.append(first ? "" : ",");
          first = false;
          newline(b, indent, level + 1);
          write(b, o, indent, level + 1);
        }
        if (!first) {
          newline(b, indent, level);
        }
        b.append(']');
      }
      default -> {
        if (v.getClass().isArray()) {
          int n = java.lang.reflect.Array.getLength(v);
          List<Object> items = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            items.add(java.lang.reflect.Array.get(v, i));
          }
          write(b, items, indent, level);
        } else {
          quote(b, v.toString());
        }
      }
    }
  }

  private static void number(StringBuilder b, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      b.append("null");
    } else {
      b.append(Double.toString(d));
    }
  }

  private static void newline(StringBuilder b, int indent, int level) {
    if (indent >= 0) {
      b.append('\n').append(" ".repeat(indent * level));
    }
  }

  /** Appends {@code str} as a JSON string literal. */
  public static void quote(StringBuilder b, String str) {
    b.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  // ------------------------------------------------------------------------- typed accessors

  /** {@code map.get(key)} as a String, or an error naming the key. */
  public static String string(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof String str)) {
      throw new IllegalArgumentException("JSON: '" + key + "' must be a string, was " + describe(v));
    }
    return str;
  }

  /** {@code map.get(key)} as a double; null (and absence) give {@code null}. */
  public static Double doubleOrNull(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("JSON: '" + key + "' must be a number, was " + describe(v));
    }
    return n.doubleValue();
  }

  public static long longValue(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException("JSON: '" + key + "' must be an integer, was " + describe(v));
    }
    return n.longValue();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof List)) {
      throw new IllegalArgumentException("JSON: '" + key + "' must be an array, was " + describe(v));
    }
    return (List<Object>) v;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object v, String what) {
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("JSON: " + what + " must be an object, was " + describe(v));
    }
    return (Map<String, Object>) v;
  }

  private static String describe(Object v) {
    return v == null ? "null/absent" : v instanceof String ? "a string" : v instanceof List ? "an array"
        : v instanceof Map ? "an object" : v.toString();
  }
}
