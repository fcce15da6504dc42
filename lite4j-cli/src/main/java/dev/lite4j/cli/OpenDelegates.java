package dev.lite4j.cli;

import dev.lite4j.Interpreter;
import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.Delegates;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;

/**
 * Delegates a command created from {@code --delegate} specs, in order; closed with the command (an
 * interpreter never closes the delegates it was given). {@code createNanos} is the wall-clock time
 * of creating them, which includes loading a native runtime the first time in a process.
 */
final class OpenDelegates implements AutoCloseable {
  private final List<String> specs;
  private final List<Delegate> delegates;
  private final long createNanos;

  private OpenDelegates(List<String> specs, List<Delegate> delegates, long createNanos) {
    this.specs = List.copyOf(specs);
    this.delegates = delegates;
    this.createNanos = createNanos;
  }

  static final OpenDelegates NONE = new OpenDelegates(List.of(), List.of(), 0);

  /**
   * Creates the delegate of each spec. An unknown name, a delegate that cannot run on this machine
   * or a bad option is a usage error (exit 2) naming the spec; a delegate that fails while starting
   * is a failure (exit 1).
   */
  static OpenDelegates open(List<String> specs) {
    if (specs.isEmpty()) {
      return NONE;
    }
    List<Delegate> made = new ArrayList<>();
    long start = System.nanoTime();
    for (String spec : specs) {
      try {
        made.add(Delegates.create(spec));
      } catch (IllegalArgumentException e) {
        closeAll(made);
        throw new CliException("--delegate=" + spec + ": " + e.getMessage(), 2);
      } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
        closeAll(made);
        throw new CliException("--delegate=" + spec + ": the delegate failed to start: " + Main.message(e), 1);
      }
    }
    return new OpenDelegates(specs, List.copyOf(made), System.nanoTime() - start);
  }

  List<Delegate> delegates() {
    return delegates;
  }

  List<String> specs() {
    return specs;
  }

  boolean isEmpty() {
    return delegates.isEmpty();
  }

  long createNanos() {
    return createNanos;
  }

  /** Interpreter options with these delegates added, in order. */
  Interpreter.Options options(int numThreads, boolean requireFullDelegation) {
    Interpreter.Options o = new Interpreter.Options().setNumThreads(numThreads)
        .setRequireFullDelegation(requireFullDelegation);
    delegates.forEach(o::addDelegate);
    return o;
  }

  @Override
  public void close() {
    closeAll(delegates);
  }

  private static void closeAll(List<Delegate> delegates) {
    for (Delegate d : delegates) {
      try {
        d.close();
      } catch (RuntimeException e) {
        System.err.println("lite4j: closing delegate " + d.name() + " failed: " + Main.message(e));
      }
    }
  }
}
