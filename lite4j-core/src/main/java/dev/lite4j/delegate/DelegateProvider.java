package dev.lite4j.delegate;

import java.util.Map;

/**
 * Makes delegates by name; found with {@link java.util.ServiceLoader} (a provider module lists its
 * class in {@code META-INF/services/dev.lite4j.delegate.DelegateProvider}).
 */
public interface DelegateProvider {
  /** The name users pass as {@code --delegate=NAME}. */
  String name();

  /** Null when the delegate can run on this machine; otherwise why not (runtime or device missing). */
  String unavailableReason();

  /** A delegate configured by {@code options} ({@code key=value} pairs); unknown keys are an error. */
  Delegate create(Map<String, String> options);
}
