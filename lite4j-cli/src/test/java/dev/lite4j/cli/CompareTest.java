package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.cli.CliTest.Result;
import dev.lite4j.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.w3c.dom.Document;

/** {@code lite4j compare}: the files it writes, on tiny models with the test delegate. */
class CompareTest {
  @TempDir
  Path tmp;

  private Path model(String name, int op) throws Exception {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 8);
    int c = b.addConstantFloats("c", new int[] {1, 8}, 1, 2, 3, 4, 5, 6, 7, 8);
    int a = b.addTensor("a", DataType.FLOAT32, 1, 8);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 8);
    b.addOperator(op, new int[] {x, c}, new int[] {a});
    b.addOperator(BuiltinOperator.ADD, new int[] {a, c}, new int[] {y});
    b.addOutput(y);
    Path p = tmp.resolve(name + ".tflite");
    Files.write(p, b.build());
    return p;
  }

  @Test
  void writesChartsTableAndJson() throws Exception {
    Path out = tmp.resolve("cmp");
    Result r = CliTest.lite4j("compare", model("adds", BuiltinOperator.ADD).toString(),
        model("mul_add", BuiltinOperator.MUL).toString(), "--out", out.toString(), "--rounds", "2", "--runs", "3",
        "--warmup", "1", "--startup", "in-process");
    assertEquals(0, r.code(), r.out() + r.err());
    for (String chart : new String[] {"latency", "speedup", "startup"}) {
      Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(out.resolve(chart + ".svg").toFile());
      assertEquals("svg", svg.getDocumentElement().getTagName());
      assertTrue(svg.getElementsByTagName("rect").getLength() > 6, chart);
      BufferedImage png = ImageIO.read(out.resolve(chart + ".png").toFile());
      assertEquals(1920, png.getWidth());
      assertEquals(1080, png.getHeight());
    }
    String latencySvg = Files.readString(out.resolve("latency.svg"));
    assertTrue(latencySvg.contains(">Inference latency per configuration (lower is better)</text>"), latencySvg);
    assertTrue(latencySvg.contains(">latency (ms)</text>"), latencySvg);
    assertTrue(latencySvg.contains(">CPU, 1 thread</text>") && latencySvg.contains(">test</text>"), latencySvg);
    assertTrue(latencySvg.contains(">mul_add</text>"), latencySvg);
    assertTrue(Files.readString(out.resolve("speedup.svg")).contains(">1.00x</text>"));
    assertTrue(Files.readString(out.resolve("startup.svg")).contains(">test (warm)</text>"));

    String md = Files.readString(out.resolve("compare.md"));
    assertTrue(md.startsWith("# Lite4j compare\n"), md);
    assertTrue(md.contains("Command: `./lite4j compare "), md);
    assertTrue(md.contains(" cores ("), md);
    assertTrue(md.contains("JDK: "), md);
    assertTrue(md.contains("| adds | CPU, 1 thread | "), md);
    assertTrue(md.contains("| mul_add | test | "), md);
    assertTrue(md.matches("(?s).*\\| adds \\| CPU, 1 thread \\| [^\n]*\\| 1.00x \\| 0 of 2 \\|.*"), md); // the baseline against itself
    assertTrue(md.contains("- adds, test: test: replaced 2 of 2 nodes, 1 partitions"), md);
    assertTrue(md.contains("- mul_add, test: test: replaced 1 of 2 nodes, 1 partitions"), md);
    assertTrue(md.contains("not available here: nodevice: no such device (test provider)"), md);
    assertTrue(md.contains("![latency](latency.png)"), md);

    Map<String, Object> json = Json.readObject(out.resolve("compare.json"));
    List<Object> models = Json.list(json, "models");
    assertEquals(2, models.size());
    List<Object> configs = Json.list(Json.object(models.get(0), "model"), "configurations");
    assertEquals(3, configs.size());
    for (Object o : configs) {
      Map<String, Object> c = Json.object(o, "configuration");
      assertNull(c.get("error"), c.toString());
      assertEquals(2, Json.list(c, "round_medians_us").size());
      assertEquals(6L, c.get("count"));
      double median = ((Number) c.get("median_us")).doubleValue();
      assertTrue(median > 0 && median >= ((Number) c.get("min_us")).doubleValue(), c.toString());
      Map<String, Object> st = Json.object(c.get("startup"), "startup");
      assertTrue(((Number) st.get("cold_init_us")).longValue() > 0, st.toString());
      assertTrue(((Number) st.get("warm_init_us")).longValue() > 0, st.toString());
    }
    assertEquals(1.0, ((Number) Json.object(configs.get(0), "c").get("speedup")).doubleValue(), 1e-12);
  }

  @Test
  void startupInFreshJvms() throws Exception {
    Path out = tmp.resolve("fresh");
    Result r = CliTest.lite4j("compare", model("adds", BuiltinOperator.ADD).toString(), "--out", out.toString(),
        "--rounds", "1", "--runs", "2", "--warmup", "0", "--delegate=test:ops=ADD");
    assertEquals(0, r.code(), r.out() + r.err());
    Map<String, Object> json = Json.readObject(out.resolve("compare.json"));
    assertEquals("fresh-jvm", json.get("startup_mode"));
    List<Object> configs = Json.list(Json.object(Json.list(json, "models").get(0), "model"), "configurations");
    assertEquals(List.of("CPU, 1 thread", "CPU, all threads", "test:ops=ADD"),
        configs.stream().map(c -> Json.object(c, "c").get("configuration")).toList());
    for (Object o : configs) {
      Map<String, Object> st = Json.object(Json.object(o, "c").get("startup"), "startup");
      assertNull(st.get("error"), st.toString());
      assertNotNull(st.get("cold_init_us"), st.toString());
      assertNotNull(st.get("load_us"), st.toString());
    }
    assertTrue(Files.readString(out.resolve("compare.md")).contains("first `new Interpreter(...)` in a fresh JVM"));
  }

  @Test
  void cpuOnlyAndUsageErrors() throws Exception {
    Path m = model("adds", BuiltinOperator.ADD);
    Result r = CliTest.lite4j("compare", m.toString(), "--out", tmp.resolve("cpu").toString(), "--rounds", "1",
        "--runs", "1", "--warmup", "0", "--startup", "in-process", "--no-delegates");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(tmp.resolve("cpu/compare.md")).contains("No delegate configuration ran (CPU only)."));
    assertEquals(2, CliTest.lite4j("compare").code());
    assertEquals(2, CliTest.lite4j("compare", m.toString(), "--rounds", "0").code());
    assertEquals(2, CliTest.lite4j("compare", m.toString(), "--startup", "later").code());
    assertEquals(1, CliTest.lite4j("compare", tmp.resolve("none.tflite").toString()).code());
  }

  @Test
  void chartHelpers() {
    assertEquals(0.25, BarChart.niceStep(0.22), 1e-12);
    assertEquals(2.0, BarChart.niceStep(1.3), 1e-12);
    assertEquals(50.0, BarChart.niceStep(31), 1e-12);
    assertEquals("0.50", BarChart.tick(0.5, 0.25));
    assertEquals("7.5", BarChart.tick(7.5, 2.5));
    assertEquals("40", BarChart.tick(40, 20));
    assertEquals("[0-2, 4, 6-7]", ExecutionPlanText.ranges(List.of(0, 1, 2, 4, 6, 7)));
  }
}
