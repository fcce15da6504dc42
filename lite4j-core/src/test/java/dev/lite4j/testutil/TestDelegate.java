package dev.lite4j.testutil;

import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateKernel;
import dev.lite4j.delegate.DelegateNode;
import dev.lite4j.delegate.DelegateOptions;
import dev.lite4j.delegate.NodeSupport;
import dev.lite4j.delegate.Partition;
import dev.lite4j.model.OpNames;
import dev.lite4j.ops.Kernel;
import dev.lite4j.ops.OpContext;
import dev.lite4j.ops.OpRegistry;
import dev.lite4j.runtime.TensorBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delegate for tests: it takes the operators named in {@code ops} and runs its partitions with
 * its own instances of Lite4j's CPU kernels (so its results equal the CPU path's), and can be told
 * to fail in a given phase to test the runtime's fallback.
 */
public final class TestDelegate implements Delegate {
  /** Where the delegate misbehaves. */
  public enum Fault { NONE, CREATE, PREPARE, AWAIT, RUN, WRONG_SHAPE, NOT_READY }

  private final String name;
  private final Set<String> ops;
  private final DelegateOptions options;
  private Fault fault = Fault.NONE;
  public final AtomicInteger runs = new AtomicInteger();
  public final AtomicInteger closedKernels = new AtomicInteger();
  public final List<List<Integer>> partitions = new ArrayList<>();

  public TestDelegate(String name, Set<String> ops, DelegateOptions options) {
    this.name = name;
    this.ops = ops;
    this.options = options;
  }

  public TestDelegate(String name, String... ops) {
    this(name, Set.of(ops), DelegateOptions.DEFAULT);
  }

  public TestDelegate failIn(Fault f) {
    this.fault = f;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DelegateOptions options() {
    return options;
  }

  @Override
  public NodeSupport supports(DelegateNode node) {
    return ops.contains(node.opName()) ? NodeSupport.supported()
        : NodeSupport.unsupported(node.opName() + " is not in " + ops);
  }

  @Override
  public DelegateKernel createKernel(Partition partition) {
    if (fault == Fault.CREATE) {
      throw new IllegalStateException("injected failure in createKernel");
    }
    partitions.add(partition.nodes().stream().map(DelegateNode::index).toList());
    return new CpuBackedKernel(partition);
  }

  /** Runs the partition's nodes with fresh CPU kernels on the interpreter's own tensors. */
  private final class CpuBackedKernel implements DelegateKernel {
    private final List<Kernel> kernels = new ArrayList<>();
    private final List<OpContext> contexts = new ArrayList<>();

    CpuBackedKernel(Partition partition) {
      for (DelegateNode n : partition.nodes()) {
        kernels.add(OpRegistry.builtin().create(n.op(), OpNames.name(n.builtinCode(), "")));
        contexts.add(new OpContext(n.op(), n.inputs().toArray(new TensorBuffer[0]),
            n.outputs().toArray(new TensorBuffer[0]), t -> { }));
      }
    }

    @Override
    public void prepare(Partition partition) {
      if (fault == Fault.PREPARE) {
        throw new IllegalStateException("injected failure in prepare");
      }
      for (int i = 0; i < kernels.size(); i++) {
        kernels.get(i).prepare(contexts.get(i));
        kernels.get(i).pack(contexts.get(i));
      }
    }

    /** AWAIT: the work prepare "left in the background" fails, as a compile on another thread would. */
    @Override
    public void awaitPrepared() {
      if (fault == Fault.AWAIT) {
        throw new IllegalStateException("injected failure in the background preparation");
      }
    }

    @Override
    public void run(Partition partition) {
      runs.incrementAndGet();
      if (fault == Fault.RUN) {
        // Scribble over the outputs first: the fallback must not be fooled by half-written results.
        for (TensorBuffer out : partition.outputs()) {
          for (int i = 0; i < out.bytes().capacity(); i++) {
            out.bytes().put(i, (byte) 0x7f);
          }
        }
        throw new IllegalStateException("injected failure in run");
      }
      for (int i = 0; i < kernels.size(); i++) {
        kernels.get(i).run(contexts.get(i));
      }
      if (fault == Fault.WRONG_SHAPE) {
        TensorBuffer out = partition.outputs().get(0);
        out.setShape(new int[] {out.numElements() + 1});
      }
    }

    @Override
    public boolean ready() {
      return fault != Fault.NOT_READY;
    }

    @Override
    public void close() {
      closedKernels.incrementAndGet();
    }
  }
}
