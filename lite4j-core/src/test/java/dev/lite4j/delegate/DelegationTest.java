package dev.lite4j.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lite4j.DataType;
import dev.lite4j.DelegateException;
import dev.lite4j.Interpreter;
import dev.lite4j.Model;
import dev.lite4j.builder.ModelBuilder;
import dev.lite4j.testutil.TestDelegate;
import dev.lite4j.testutil.TestDelegate.Fault;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.MulOptionsT;

/** The runtime side of delegation: partitions in the plan, fallback to the CPU, strict mode. */
class DelegationTest {

  /** a = x*x, b = a+x, c = relu(b), d = c*c, out = d+a: MUL ADD RELU MUL ADD. */
  private static Model model() {
    ModelBuilder m = new ModelBuilder();
    int x = m.addInput("x", DataType.FLOAT32, 2, 3);
    int a = m.addTensor("a", DataType.FLOAT32, 2, 3);
    int b = m.addTensor("b", DataType.FLOAT32, 2, 3);
    int c = m.addTensor("c", DataType.FLOAT32, 2, 3);
    int d = m.addTensor("d", DataType.FLOAT32, 2, 3);
    int out = m.addTensor("out", DataType.FLOAT32, 2, 3);
    m.addOperator(BuiltinOperator.MUL, new int[] {x, x}, new int[] {a}, new MulOptionsT());
    m.addOperator(BuiltinOperator.ADD, new int[] {a, x}, new int[] {b});
    m.addOperator(BuiltinOperator.RELU, new int[] {b}, new int[] {c});
    m.addOperator(BuiltinOperator.MUL, new int[] {c, c}, new int[] {d}, new MulOptionsT());
    m.addOperator(BuiltinOperator.ADD, new int[] {d, a}, new int[] {out});
    m.addOutput(out);
    return Model.fromBytes(m.build());
  }

  private static final float[][] INPUT = {{-2f, -0.5f, 0f}, {0.5f, 1f, 3f}};

  private static float[][] run(Interpreter it) {
    float[][] out = new float[2][3];
    it.run(INPUT, out);
    return out;
  }

  private static float[][] cpu() {
    try (Interpreter it = new Interpreter(model())) {
      return run(it);
    }
  }

  private static Interpreter with(Delegate... delegates) {
    Interpreter.Options o = new Interpreter.Options();
    for (Delegate d : delegates) {
      o.addDelegate(d);
    }
    return new Interpreter(model(), o);
  }

  @Test
  void delegatedPartitionsGiveTheCpuResults() {
    TestDelegate d = new TestDelegate("test", "MUL", "ADD");
    try (Interpreter it = with(d)) {
      assertArrayEquals(cpu(), run(it));
      assertEquals(List.of(List.of(0, 1), List.of(3, 4)), d.partitions);
      DelegationReport r = it.getDelegationReport();
      assertEquals(List.of("test: replaced 4 of 5 nodes, 2 partitions"), r.summary());
      assertEquals("test#0", r.nodes().get(0).placement());
      assertEquals("cpu", r.nodes().get(2).placement());
      assertTrue(r.nodes().get(2).reason().contains("RELU is not in"), r.nodes().get(2).reason());
      assertEquals(2, d.runs.get());
    }
    assertEquals(2, d.closedKernels.get(), "the interpreter closes the kernels it was given");
  }

  @Test
  void severalDelegatesApplyInOrder() {
    TestDelegate first = new TestDelegate("first", "RELU");
    TestDelegate second = new TestDelegate("second", "MUL", "ADD", "RELU");
    try (Interpreter it = with(first, second)) {
      assertArrayEquals(cpu(), run(it));
      assertEquals(List.of(List.of(2)), first.partitions);
      assertEquals(List.of(List.of(0, 1), List.of(3, 4)), second.partitions);
      assertEquals(0, it.getDelegationReport().cpuNodeCount());
    }
  }

  @Test
  void limitsComeFromTheDelegateOptions() {
    TestDelegate d = new TestDelegate("small", Set.of("MUL", "ADD"), new DelegateOptions(1, 1));
    try (Interpreter it = with(d)) {
      assertArrayEquals(cpu(), run(it));
      assertEquals(List.of(List.of(0, 1)), d.partitions);
      assertTrue(it.getDelegationReport().nodes().get(3).reason().contains("max_delegated_partitions"));
    }
  }

  @Test
  void failureInCreateOrPrepareFallsBackToTheCpu() {
    for (Fault f : new Fault[] {Fault.CREATE, Fault.PREPARE, Fault.AWAIT}) {
      TestDelegate d = new TestDelegate("broken", "MUL", "ADD").failIn(f);
      try (Interpreter it = with(d)) {
        assertArrayEquals(cpu(), run(it), f.name());
        assertEquals(5, it.getDelegationReport().cpuNodeCount(), f.name());
        assertEquals(0, d.runs.get());
      }
    }
  }

  @Test
  void failureWhileRunningRerunsThePartitionOnTheCpu() {
    TestDelegate d = new TestDelegate("flaky", "MUL", "ADD").failIn(Fault.RUN);
    try (Interpreter it = with(d)) {
      assertArrayEquals(cpu(), run(it));
      assertArrayEquals(cpu(), run(it), "and keeps the partition on the CPU afterwards");
      assertTrue(it.getDelegationReport().nodes().get(0).reason().contains("failed while running"));
    }
  }

  @Test
  void aKernelNotYetReadyRunsOnTheCpuUntilItIs() {
    TestDelegate d = new TestDelegate("warming", "MUL", "ADD").failIn(Fault.NOT_READY);
    try (Interpreter it = with(d)) {
      assertArrayEquals(cpu(), run(it));
      assertEquals(0, d.runs.get());
      d.failIn(Fault.NONE);
      assertArrayEquals(cpu(), run(it));
      assertEquals(2, d.runs.get(), "both partitions switch to the delegate once ready");
    }
  }

  @Test
  void wrongOutputShapesAreCaughtAndRerunOnTheCpu() {
    TestDelegate d = new TestDelegate("sloppy", "MUL", "ADD").failIn(Fault.WRONG_SHAPE);
    try (Interpreter it = with(d)) {
      assertArrayEquals(cpu(), run(it));
      assertArrayEquals(new int[] {2, 3}, it.getOutputTensor(0).shape());
    }
  }

  @Test
  void strictModeThrowsInsteadOfFallingBack() {
    Interpreter.Options partial = new Interpreter.Options().addDelegate(new TestDelegate("partial", "MUL", "ADD"))
        .setRequireFullDelegation(true);
    DelegateException e = assertThrows(DelegateException.class, () -> new Interpreter(model(), partial));
    assertTrue(e.getMessage().contains("node 2 RELU"), e.getMessage());

    Interpreter.Options failing = new Interpreter.Options()
        .addDelegate(new TestDelegate("broken", "MUL", "ADD", "RELU").failIn(Fault.PREPARE))
        .setRequireFullDelegation(true);
    assertThrows(DelegateException.class, () -> new Interpreter(model(), failing));

    Interpreter.Options failingLater = new Interpreter.Options()
        .addDelegate(new TestDelegate("broken", "MUL", "ADD", "RELU").failIn(Fault.AWAIT))
        .setRequireFullDelegation(true);
    assertThrows(DelegateException.class, () -> new Interpreter(model(), failingLater));

    Interpreter.Options flaky = new Interpreter.Options()
        .addDelegate(new TestDelegate("flaky", "MUL", "ADD", "RELU").failIn(Fault.RUN))
        .setRequireFullDelegation(true);
    try (Interpreter it = new Interpreter(model(), flaky)) {
      assertThrows(DelegateException.class, () -> run(it));
    }
  }

  @Test
  void withoutDelegatesEveryNodeIsOnTheCpu() {
    try (Interpreter it = new Interpreter(model())) {
      DelegationReport r = it.getDelegationReport();
      assertEquals(5, r.cpuNodeCount());
      assertTrue(r.summary().isEmpty());
      assertEquals("no delegate", r.nodes().get(0).reason());
    }
  }
}
