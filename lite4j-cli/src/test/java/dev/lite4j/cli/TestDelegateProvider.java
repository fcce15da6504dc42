package dev.lite4j.cli;

import dev.lite4j.delegate.Delegate;
import dev.lite4j.delegate.DelegateOptions;
import dev.lite4j.delegate.DelegateProvider;
import dev.lite4j.delegate.Delegates;
import dev.lite4j.testutil.TestDelegate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The core's {@link TestDelegate} by name, for the CLI's {@code --delegate} tests: {@code test} takes
 * the ops of {@code ops=ADD+MUL} (default ADD) and may be told to fail with
 * {@code fail=create|prepare|run}; the partition limits are the shared options.
 */
public final class TestDelegateProvider implements DelegateProvider {
  @Override
  public String name() {
    return "test";
  }

  @Override
  public String unavailableReason() {
    return null;
  }

  @Override
  public Delegate create(Map<String, String> options) {
    Map<String, String> o = new HashMap<>(options);
    DelegateOptions limits = Delegates.takeLimits(o);
    Set<String> ops = Set.of(o.getOrDefault("ops", "ADD").split("\\+"));
    o.remove("ops");
    String fail = o.remove("fail");
    if (!o.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) of delegate test: " + o.keySet());
    }
    TestDelegate d = new TestDelegate("test", ops, limits);
    if (fail != null) {
      d.failIn(TestDelegate.Fault.valueOf(fail.toUpperCase(Locale.ROOT)));
    }
    return d;
  }

  /** A delegate whose device is missing on every machine. */
  public static final class Unavailable implements DelegateProvider {
    @Override
    public String name() {
      return "nodevice";
    }

    @Override
    public String unavailableReason() {
      return "no such device (test provider)";
    }

    @Override
    public Delegate create(Map<String, String> options) {
      throw new IllegalStateException("unavailable");
    }
  }
}
