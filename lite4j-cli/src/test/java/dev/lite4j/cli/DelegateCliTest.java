package dev.lite4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.cli.CliTest.Result;
import dev.lite4j.io.Json;
import dev.lite4j.io.Npy;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * {@code --delegate} on run, check, inspect and classify, with the core's test delegate by name
 * ({@link TestDelegateProvider}: {@code test:ops=ADD+MUL}, and {@code nodevice}, never available).
 */
class DelegateCliTest {
  @TempDir
  Path tmp;

  /** a = x + c; b = a * a; y = b + c, with c = [1, 2, 3, 4]: ADD, MUL, ADD. */
  Path chain;

  static Result lite4j(String... args) {
    return CliTest.lite4j(args);
  }

  @BeforeEach
  void buildChain() throws Exception {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, 1, 4);
    int c = b.addConstantFloats("c", new int[] {1, 4}, 1f, 2f, 3f, 4f);
    int a = b.addTensor("a", DataType.FLOAT32, 1, 4);
    int sq = b.addTensor("b", DataType.FLOAT32, 1, 4);
    int y = b.addTensor("y", DataType.FLOAT32, 1, 4);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, c}, new int[] {a});
    b.addOperator(BuiltinOperator.MUL, new int[] {a, a}, new int[] {sq});
    b.addOperator(BuiltinOperator.ADD, new int[] {sq, c}, new int[] {y});
    b.addOutput(y);
    chain = tmp.resolve("chain.tflite");
    Files.write(chain, b.build());
  }

  // ------------------------------------------------------------------------------------ inspect

  @Test
  void inspectShowsTheExecutionPlan() {
    Result r = lite4j("inspect", chain.toString(), "--delegate=test");
    assertEquals(0, r.code(), r.err());
    String o = r.out();
    assertTrue(o.contains("execution plan (3 nodes: 2 delegated, 1 on the CPU, 0 constant):"), o);
    assertTrue(o.contains("  test: replaced 2 of 3 nodes, 2 partitions"), o);
    assertTrue(o.contains("partition test#0: 1 nodes"), o);
    assertTrue(o.contains("partition test#1: 1 nodes"), o);
    List<String> rows = o.lines().filter(l -> l.matches("\\s+[0-9]+\\s+(ADD|MUL)\\s.*")).toList();
    assertEquals(3, rows.size(), o);
    assertTrue(rows.get(0).matches("\\s+0\\s+ADD\\s+test#[01]\\s*"), rows.get(0));
    assertTrue(rows.get(1).matches("\\s+1\\s+MUL\\s+cpu\\s+test: MUL is not in \\[ADD\\]"), rows.get(1));
    assertTrue(rows.get(2).matches("\\s+2\\s+ADD\\s+test#[01]\\s*"), rows.get(2));

    Result whole = lite4j("inspect", chain.toString(), "--delegate=test:ops=ADD+MUL");
    assertTrue(whole.out().contains("test: replaced 3 of 3 nodes, 1 partitions"), whole.out());
    assertTrue(whole.out().contains("partition test#0: 3 nodes [0-2]"), whole.out());

    Result plain = lite4j("inspect", chain.toString());
    assertFalse(plain.out().contains("execution plan"), plain.out());
  }

  @Test
  void inspectJsonHasPlacementsAndReasons() {
    Result r = lite4j("inspect", chain.toString(), "--delegate=test", "--json");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> plan = Json.object(Json.parseObject(r.out()).get("execution_plan"), "plan");
    assertEquals(List.of("test: replaced 2 of 3 nodes, 2 partitions"), plan.get("summary"));
    assertEquals(2L, plan.get("delegated_nodes"));
    List<Object> nodes = Json.list(plan, "nodes");
    Map<String, Object> mul = Json.object(nodes.get(1), "node");
    assertEquals("MUL", mul.get("op"));
    assertEquals("cpu", mul.get("placement"));
    assertEquals("test: MUL is not in [ADD]", mul.get("reason"));
    assertEquals(null, Json.object(nodes.get(0), "node").get("reason"));
  }

  @Test
  void limitsAndSeveralDelegatesInOrder() {
    Result r = lite4j("inspect", chain.toString(), "--delegate=test:ops=ADD,max_delegated_partitions=1",
        "--delegate=test:ops=MUL");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("  test: replaced 1 of 3 nodes, 1 partitions"), r.out());
    // The second delegate sees what the first left: MUL, and one ADD it does not take.
    assertTrue(r.out().contains("execution plan (3 nodes: 2 delegated, 1 on the CPU"), r.out());
  }

  @Test
  void strictInspectFailsWhenNodesStayOnTheCpu() {
    Result r = lite4j("inspect", chain.toString(), "--delegate=test", "--require-full-delegation");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("execution plan: not planned: 1 nodes would run on the CPU"), r.out());
  }

  // ------------------------------------------------------------------------------------- errors

  @Test
  void badDelegatesAreOneLineUsageErrors() {
    Result unknown = lite4j("run", chain.toString(), "--delegate=nope");
    assertEquals(2, unknown.code(), unknown.err());
    assertEquals("lite4j run: --delegate=nope: no delegate named 'nope'; on the class path: test, nodevice",
        unknown.err().strip());
    Result missing = lite4j("inspect", chain.toString(), "--delegate=nodevice");
    assertEquals(2, missing.code());
    assertEquals("lite4j inspect: --delegate=nodevice: delegate 'nodevice' cannot run here: no such device "
        + "(test provider)", missing.err().strip());
    Result option = lite4j("check", chain.toString(), tmp.toString(), "--delegate=test:colour=red");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("unknown option(s) of delegate test: [colour]"), option.err());
    assertEquals(1, option.err().lines().count(), option.err());
    Result syntax = lite4j("run", chain.toString(), "--delegate=test:ops");
    assertEquals(2, syntax.code());
    assertEquals("lite4j run: --delegate=test:ops: delegate option 'ops' in 'test:ops' is not key=value",
        syntax.err().strip());
    Result bench = lite4j("benchmark", "--graph", chain.toString(), "--delegate=nope");
    assertEquals(2, bench.code());
    assertEquals(1, bench.err().lines().count(), bench.err());
    Result cmp = lite4j("compare", chain.toString(), "--delegate=nodevice", "--out", tmp.resolve("o").toString());
    assertEquals(2, cmp.code());
    assertTrue(cmp.err().contains("cannot run here"), cmp.err());
  }

  // ---------------------------------------------------------------------------------------- run

  private static String valuesLine(String out) {
    return out.lines().filter(l -> l.strip().startsWith("values:")).findFirst().orElseThrow();
  }

  @Test
  void runWithDelegateGivesTheCpuResults() {
    Result cpu = lite4j("run", chain.toString(), "--runs", "2");
    Result del = lite4j("run", chain.toString(), "--runs", "2", "--delegate=test:ops=ADD+MUL");
    assertEquals(0, del.code(), del.err());
    assertTrue(del.out().contains("delegate: test: replaced 3 of 3 nodes, 1 partitions"), del.out());
    assertEquals(valuesLine(cpu.out()), valuesLine(del.out()));

    // A delegate that fails while running: its partition re-runs on the CPU, same results, and it says so.
    Result fallback = lite4j("run", chain.toString(), "--runs", "2", "--delegate=test:ops=ADD+MUL,fail=run");
    assertEquals(0, fallback.code(), fallback.err());
    assertEquals(valuesLine(cpu.out()), valuesLine(fallback.out()));

    Result strict = lite4j("run", chain.toString(), "--delegate=test:ops=ADD+MUL,fail=run",
        "--require-full-delegation");
    assertEquals(1, strict.code(), strict.out());
    assertTrue(strict.err().startsWith("lite4j run: test#0: "), strict.err());
    assertTrue(strict.err().contains("strict mode"), strict.err());
    assertEquals(1, strict.err().lines().count(), strict.err());
  }

  // -------------------------------------------------------------------------------------- check

  @Test
  void checkWithDelegate() throws Exception {
    Path g = tmp.resolve("golden");
    Files.createDirectories(g.resolve("given"));
    Npy.ofFloats(new int[] {1, 4}, 1f, 2f, 3f, 4f).write(g.resolve("given/input_0.npy"));
    // a = [2, 4, 6, 8]; b = a * a = [4, 16, 36, 64]; y = b + c = [5, 18, 39, 68]
    Npy.ofFloats(new int[] {1, 4}, 5f, 18f, 39f, 68f).write(g.resolve("given/output_0.npy"));
    Files.writeString(g.resolve("summary.json"), """
        {"model": "chain.tflite", "cases": [{"name": "given",
          "inputs": [{"index": 0, "file": "given/input_0.npy"}],
          "outputs": [{"index": 0, "name": "y", "file": "given/output_0.npy",
                       "xnnpack_max_abs_diff": 0, "builtin_2threads_max_abs_diff": 0}]}]}
        """);
    Result r = lite4j("check", chain.toString(), g.toString(), "--delegate=test");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("delegate: test: replaced 2 of 3 nodes, 2 partitions"), r.out());
    assertTrue(r.out().contains("PASS: 1/1 outputs in 1 cases passed"), r.out());

    Result json = lite4j("check", chain.toString(), g.toString(), "--delegate=test:ops=ADD+MUL", "--json");
    assertEquals(List.of("test: replaced 3 of 3 nodes, 1 partitions"), Json.parseObject(json.out()).get("delegation"));

    Result strict = lite4j("check", chain.toString(), g.toString(), "--delegate=test", "--require-full-delegation");
    assertEquals(1, strict.code());
    assertTrue(strict.out().contains("case given: ERROR 1 nodes would run on the CPU"), strict.out());
  }

  // ----------------------------------------------------------------------------------- classify

  @Test
  void classifyWithDelegate() throws Exception {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("image", DataType.FLOAT32, 1, 1, 1, 3);
    int zero = b.addConstantFloats("zero", new int[] {1}, 0f);
    int out = b.addTensor("scores", DataType.FLOAT32, 1, 1, 1, 3);
    b.addOperator(BuiltinOperator.ADD, new int[] {in, zero}, new int[] {out});
    b.addOutput(out);
    Path model = tmp.resolve("px.tflite");
    Files.write(model, b.build());
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0x00ff00);
    Path png = tmp.resolve("g.png");
    ImageIO.write(img, "png", png.toFile());
    Result r = lite4j("classify", model.toString(), png.toString(), "--top", "1", "--delegate=test");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("delegate: test: replaced 1 of 1 nodes, 1 partitions"), r.out());
    assertTrue(r.out().contains("1\tindex=1\tscore=1.000000\t"), r.out()); // green: (255-127.5)/127.5
  }

  // ---------------------------------------------------------------------------------- benchmark

  private static Map<String, Object> benchJson(String... extra) {
    String[] base = {"benchmark", "--num_runs=5", "--min_secs=0", "--warmup_runs=2", "--warmup_min_secs=0", "--json"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    Result r = lite4j(args);
    assertEquals(0, r.code(), r.err());
    return Json.parseObject(r.out());
  }

  private static long n(Map<String, Object> m, String key) {
    assertTrue(m.get(key) instanceof Number, key + " in " + m);
    return ((Number) m.get(key)).longValue();
  }

  @Test
  void benchmarkJsonFieldsAreSane() {
    Map<String, Object> m = benchJson("--graph=" + chain);
    assertEquals("chain.tflite", m.get("model"));
    assertEquals(5L, n(m, "count"));
    assertEquals(2L, n(m, "warmup_runs"));
    for (String k : new String[] {"load_us", "init_us", "first_inference_us", "warmup_avg_us", "min_us", "max_us",
        "avg_us", "std_us", "median_us", "p5_us", "p95_us", "arena_bytes", "naive_bytes", "model_bytes"}) {
      assertTrue(n(m, k) >= 0, k + " in " + m);
    }
    assertTrue(n(m, "min_us") <= n(m, "p5_us") && n(m, "p5_us") <= n(m, "median_us")
        && n(m, "median_us") <= n(m, "p95_us") && n(m, "p95_us") <= n(m, "max_us"), m.toString());
    assertTrue(n(m, "min_us") <= n(m, "avg_us") && n(m, "avg_us") <= n(m, "max_us"), m.toString());
    assertTrue(n(m, "arena_bytes") >= 2 * 16 && n(m, "arena_bytes") <= n(m, "naive_bytes"), m.toString());
    assertEquals(1L, n(m, "num_threads"));
    assertEquals(List.of(), m.get("delegation"));
    assertEquals(3L, n(m, "cpu_nodes"));
  }

  @Test
  void benchmarkDelegateFlags() {
    Map<String, Object> all = benchJson("--graph=" + chain, "--delegate=test:ops=ADD+MUL");
    assertEquals(List.of("test: replaced 3 of 3 nodes, 1 partitions"), all.get("delegation"));
    assertEquals(3L, n(all, "delegated_nodes"));
    assertEquals(1L, n(all, "partitions"));

    Map<String, Object> max = benchJson("--graph=" + chain, "--delegate=test", "--max_delegated_partitions=1");
    assertEquals(List.of("test: replaced 1 of 3 nodes, 1 partitions"), max.get("delegation"));
    assertEquals(List.of("test:max_delegated_partitions=1"), max.get("delegates"));

    Map<String, Object> min = benchJson("--graph=" + chain, "--delegate=test", "--min_nodes_per_partition=2");
    assertEquals(List.of("test: replaced 0 of 3 nodes, 0 partitions"), min.get("delegation"));

    Result strict = lite4j("benchmark", "--graph=" + chain, "--delegate=test", "--require_full_delegation",
        "--num_runs=1", "--min_secs=0");
    assertEquals(1, strict.code());
    assertTrue(strict.err().contains("1 nodes would run on the CPU, and requireFullDelegation is set"), strict.err());
    Result strictFalse = lite4j("benchmark", "--graph=" + chain, "--delegate=test", "--require_full_delegation=false",
        "--num_runs=1", "--min_secs=0", "--warmup_min_secs=0");
    assertEquals(0, strictFalse.code(), strictFalse.err());
  }

  @Test
  void benchmarkText() {
    Result r = lite4j("benchmark", "--graph", chain.toString(), "--num_runs", "3", "--min_secs", "0",
        "--warmup_min_secs", "0", "--delegate", "test");
    assertEquals(0, r.code(), r.err());
    String o = r.out();
    assertTrue(o.startsWith("Model: chain.tflite ("), o);
    assertTrue(o.contains("Initialized session in "), o);
    assertTrue(o.contains("Delegate: test: replaced 2 of 3 nodes, 2 partitions"), o);
    assertTrue(o.contains("Memory: arena "), o);
    assertTrue(o.contains("Running benchmark for at least 3 iterations and at least 0.0 seconds"), o);
    assertTrue(o.matches("(?s).*\ncount=3 first=\\d+ curr=\\d+ min=\\d+ max=\\d+ avg=\\d+ std=\\d+ median=\\d+ "
        + "p5=\\d+ p95=\\d+\n.*"), o);
    assertTrue(o.contains("Inference timings in us: Init: "), o);
    assertEquals(2, lite4j("benchmark", "--graph", chain.toString(), "--num_threads", "0").code());
    assertEquals(2, lite4j("benchmark", "--graph", chain.toString(), "--min_nodes_per_partition", "0").code());
  }

  @Test
  void benchmarkBuiltInModelByDefault() {
    Map<String, Object> m = benchJson("--num_runs=1", "--warmup_runs=0");
    assertEquals("built-in MobileNet V2", m.get("model"));
    assertTrue(n(m, "model_build_us") > 0);
    assertNotEquals(0L, n(m, "arena_bytes"));
  }
}
