package dev.lite4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lite4j.DataType;
import dev.lite4j.Interpreter;
import dev.lite4j.Lite4jException;
import dev.lite4j.Model;
import dev.lite4j.Tensor;
import dev.lite4j.testutil.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.SubGraph;

/**
 * Mutates every corpus model under 1 MB (byte flips, truncation, corrupted offsets and lengths,
 * absurd dimensions, negative and out-of-range indices) with a fixed seed. Each mutant is loaded,
 * prepared and run once, and must either run or throw one of Lite4j's typed exceptions, within a
 * second. The harness caps the arena at 16 MiB, as a service running untrusted models would.
 */
class ModelFuzzTest {
  private static final long SEED = 20261126L;
  private static final int MUTANTS = Integer.getInteger("lite4j.fuzz.mutants", 10_000);
  private static final long MAX_MILLIS = 1_000;
  private static final long ARENA_CAP = 16L << 20;

  /** A corpus model and the absolute positions of the fields worth corrupting. */
  private record Seed(String name, byte[] bytes, List<Integer> dimPositions, List<Integer> indexPositions) {}

  @Test
  void mutantsRunOrThrowTypedExceptions() throws Exception {
    List<Seed> seeds = loadSeeds();
    assertTrue(seeds.size() >= 8, "expected the small corpus models, found " + seeds.size());
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    });
    for (Seed s : seeds) {
      outcome(s.bytes(), worker); // warm the JIT on the unmutated model before timing
    }
    Random random = new Random(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    long slowest = 0;
    String slowestWhat = "";
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < MUTANTS; i++) {
      Seed s = seeds.get(i % seeds.size());
      Mutation m = mutate(s, random);
      long start = System.nanoTime();
      String result;
      try {
        result = outcome(m.bytes(), worker);
      } catch (AssertionError e) {
        failures.add("mutant " + i + " of " + s.name() + " (" + m.description() + "): " + e.getMessage());
        if (failures.size() > 20) {
          break;
        }
        continue;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > slowest) {
        slowest = millis;
        slowestWhat = s.name() + " (" + m.description() + ")";
      }
      if (millis > MAX_MILLIS) {
        failures.add("mutant " + i + " of " + s.name() + " (" + m.description() + ") took " + millis + " ms");
      }
      outcomes.merge(result, 1, Integer::sum);
    }
    worker.shutdownNow();
    System.out.printf("fuzz: %d mutants of %d models, outcomes %s, slowest %d ms (%s)%n", MUTANTS,
        seeds.size(), outcomes, slowest, slowestWhat);
    if (!failures.isEmpty()) {
      fail(failures.size() + " mutants misbehaved:\n" + String.join("\n", failures));
    }
    assertEquals(MUTANTS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
  }

  /** Loads, prepares and runs once on a worker thread; returns "ran" or the typed exception's name. */
  private static String outcome(byte[] bytes, ExecutorService worker) throws Exception {
    Future<String> f = worker.submit(() -> loadPrepareRun(bytes));
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("did not finish within 10 s (hang?)");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw new AssertionError("threw " + cause, cause);
    }
  }

  private static String loadPrepareRun(byte[] bytes) {
    try {
      Interpreter.Options options = new Interpreter.Options().setMaxArenaBytes(ARENA_CAP);
      try (Interpreter interpreter = new Interpreter(Model.fromBytes(bytes), options)) {
        Object[] inputs = new Object[interpreter.getInputTensorCount()];
        Random r = new Random(1);
        for (int i = 0; i < inputs.length; i++) {
          inputs[i] = randomInput(interpreter.getInputTensor(i), r);
        }
        interpreter.runForMultipleInputsOutputs(inputs, new java.util.HashMap<>());
        for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
          interpreter.getOutputTensor(i).asReadOnlyBuffer();
        }
      }
      return "ran";
    } catch (Lite4jException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static ByteBuffer randomInput(Tensor t, Random r) {
    ByteBuffer b = ByteBuffer.allocate(t.numBytes()).order(ByteOrder.nativeOrder());
    if (t.dataType() == DataType.FLOAT32) {
      while (b.remaining() >= 4) {
        b.putFloat(r.nextFloat() * 2 - 1);
      }
    } else {
      while (b.hasRemaining()) {
        b.put((byte) r.nextInt(t.dataType() == DataType.BOOL ? 2 : 10));
      }
    }
    return b.flip();
  }

  private record Mutation(byte[] bytes, String description) {}

  private static Mutation mutate(Seed s, Random r) {
    byte[] b = s.bytes().clone();
    int kind = r.nextInt(6);
    switch (kind) {
      case 0 -> {
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return new Mutation(b, flips + " byte flips");
      }
      case 1 -> {
        int len = r.nextInt(b.length);
        return new Mutation(java.util.Arrays.copyOf(b, len), "truncated to " + len);
      }
      case 2 -> {
        int pos = r.nextInt(b.length / 4) * 4;
        int value = absurdInt(r, b.length);
        putInt(b, pos, value);
        return new Mutation(b, "int at " + pos + " := " + value);
      }
      case 3 -> {
        if (s.dimPositions().isEmpty()) {
          return mutate(s, r);
        }
        int pos = s.dimPositions().get(r.nextInt(s.dimPositions().size()));
        int[] dims = {0, -1, -7, 1 << 16, 1 << 20, Integer.MAX_VALUE, 3, 1000};
        int value = dims[r.nextInt(dims.length)];
        putInt(b, pos, value);
        return new Mutation(b, "dimension at " + pos + " := " + value);
      }
      case 4 -> {
        if (s.indexPositions().isEmpty()) {
          return mutate(s, r);
        }
        int pos = s.indexPositions().get(r.nextInt(s.indexPositions().size()));
        int[] indices = {-1, -2, Integer.MIN_VALUE, 100_000, r.nextInt(64), r.nextInt(512)};
        int value = indices[r.nextInt(indices.length)];
        putInt(b, pos, value);
        return new Mutation(b, "tensor index at " + pos + " := " + value);
      }
      default -> {
        // Several independent corruptions at once.
        Mutation m = new Mutation(b, "");
        StringBuilder what = new StringBuilder("combined:");
        Seed cur = s;
        for (int i = 0; i < 3; i++) {
          m = mutate(new Seed(cur.name(), m.bytes(), cur.dimPositions(), cur.indexPositions()), r);
          what.append(' ').append(m.description()).append(';');
          if (m.bytes().length != s.bytes().length) {
            break;
          }
        }
        return new Mutation(m.bytes(), what.toString());
      }
    }
  }

  private static int absurdInt(Random r, int fileLength) {
    int[] values = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, fileLength, fileLength - 4, fileLength + 8,
        r.nextInt(), r.nextInt(fileLength), 1 << 30, -r.nextInt(1024)};
    return values[r.nextInt(values.length)];
  }

  private static void putInt(byte[] b, int pos, int value) {
    if (pos + 4 <= b.length) {
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(pos, value);
    }
  }

  private static List<Seed> loadSeeds() throws IOException {
    Path models = SharedData.root().resolve("models");
    List<Seed> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".tflite")).sorted().toList()) {
        if (Files.size(p) < 1_000_000) {
          byte[] bytes = Files.readAllBytes(p);
          seeds.add(new Seed(p.getFileName().toString(), bytes, new ArrayList<>(), new ArrayList<>()));
          findFields(seeds.get(seeds.size() - 1));
        }
      }
    }
    return seeds;
  }

  /** Absolute positions of shape dimensions and of operator / subgraph tensor indices in the file. */
  private static void findFields(Seed s) {
    ByteBuffer bb = ByteBuffer.wrap(s.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    org.tensorflow.lite.schema.Model model = org.tensorflow.lite.schema.Model.getRootAsModel(bb);
    for (int g = 0; g < model.subgraphsLength(); g++) {
      SubGraph sg = model.subgraphs(g);
      for (int t = 0; t < sg.tensorsLength(); t++) {
        addVector(s.dimPositions(), sg.tensors(t).shapeAsByteBuffer());
      }
      addVector(s.indexPositions(), sg.inputsAsByteBuffer());
      addVector(s.indexPositions(), sg.outputsAsByteBuffer());
      for (int o = 0; o < sg.operatorsLength(); o++) {
        Operator op = sg.operators(o);
        addVector(s.indexPositions(), op.inputsAsByteBuffer());
        addVector(s.indexPositions(), op.outputsAsByteBuffer());
      }
    }
  }

  private static void addVector(List<Integer> positions, ByteBuffer vector) {
    if (vector == null) {
      return;
    }
    for (int p = vector.position(); p + 4 <= vector.limit(); p += 4) {
      positions.add(p);
    }
  }
}
