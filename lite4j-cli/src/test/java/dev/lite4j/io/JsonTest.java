package dev.lite4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesEveryKind() {
    Object v = Json.parse(" {\"a\": [1, -2, 3.5, 1.5E-7, 2e3, -0.0, 12345678901234],"
        + " \"s\": \"x\\\"y\\\\z\\n\\u00e9\\/\", \"t\": true, \"f\": false, \"n\": null, \"o\": {}, \"e\": []} ");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of(1L, -2L, 3.5, 1.5e-7, 2000.0, -0.0, 12345678901234L), m.get("a"));
    assertEquals("x\"y\\z\né/", m.get("s"));
    assertEquals(Boolean.TRUE, m.get("t"));
    assertEquals(Boolean.FALSE, m.get("f"));
    assertTrue(m.containsKey("n"));
    assertNull(m.get("n"));
    assertEquals(Map.of(), m.get("o"));
    assertEquals(List.of(), m.get("e"));
    assertEquals(List.of("a", "s", "t", "f", "n", "o", "e"), List.copyOf(m.keySet()));
    assertEquals(1e30, Json.parse("1000000000000000000000000000000"));
  }

  @Test
  void rejectsBadText() {
    for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "1e", "-", "tru",
        "\"abc", "\"\\x\"", "[1] 2", "{a:1}", "NaN", "\"\u0001\"", "[".repeat(1000)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("JSON: "), e.getMessage());
    }
  }

  @Test
  void errorsNameLineAndColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n  \"a\": x}"));
    assertTrue(e.getMessage().contains("line 2 column 8"), e.getMessage());
  }

  @Test
  void writesAndReadsBack() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a\"b\\c\n\t\u0001");
    m.put("int", 42);
    m.put("long", 1L << 40);
    m.put("double", 1.5e-7);
    m.put("float", 0.1f);
    m.put("nan", Double.NaN);
    m.put("null", null);
    m.put("bool", true);
    m.put("list", List.of(1, "two", List.of()));
    m.put("ints", new int[] {1, 224});
    m.put("empty", Map.of());
    String compact = Json.write(m);
    assertEquals("{\"name\":\"a\\\"b\\\\c\\n\\t\\u0001\",\"int\":42,\"long\":1099511627776,\"double\":1.5E-7,"
        + "\"float\":0.1,\"nan\":null,\"null\":null,\"bool\":true,\"list\":[1,\"two\",[]],\"ints\":[1,224],"
        + "\"empty\":{}}", compact);
    Map<?, ?> back = (Map<?, ?>) Json.parse(compact);
    assertEquals(m.get("name"), back.get("name"));
    assertEquals(1099511627776L, back.get("long"));
    assertEquals(List.of(1L, 224L), back.get("ints"));
    String pretty = Json.writePretty(Map.of("a", List.of(1, 2)));
    assertEquals("{\n  \"a\": [\n    1,\n    2\n  ]\n}", pretty);
    assertEquals(Json.parse(pretty), Json.parse(Json.write(Json.parse(pretty))));
  }

  @Test
  void readsEveryGoldenSummary() throws IOException {
    Path golden = SharedData.root().resolve("golden");
    List<Path> files;
    try (Stream<Path> s = Files.walk(golden)) {
      files = s.filter(p -> p.toString().endsWith(".json") && !p.endsWith("index.json")).toList();
    }
    assertTrue(files.size() > 20);
    assertTrue(Json.read(golden.resolve("index.json")) instanceof List);
    for (Path f : files) {
      Map<String, Object> m = Json.readObject(f);
      assertTrue(m.containsKey("model"), f.toString());
    }
    Map<String, Object> s = Json.readObject(golden.resolve("hello_world_float/summary.json"));
    Map<String, Object> c = Json.object(Json.list(s, "cases").get(0), "case");
    Map<String, Object> out = Json.object(Json.list(c, "outputs").get(0), "output");
    assertEquals(3.5762786865234375E-7, Json.doubleOrNull(out, "xnnpack_max_abs_diff"));
    assertEquals(0.0, Json.doubleOrNull(out, "builtin_2threads_max_abs_diff"));
    assertEquals(Arrays.asList(1L, 1L), out.get("shape"));
  }
}
