package dev.lite4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --delegate=NAME[:key=value,...]} (repeatable, applied in order) and
 * {@code --require-full-delegation}: the delegate flags that {@code run}, {@code check},
 * {@code inspect} and {@code classify} share (a picocli mixin).
 */
final class DelegateFlags {
  @Option(names = "--delegate", paramLabel = "NAME[:key=value,...]",
      description = {"hand the nodes it supports to delegate NAME (found on the class path); repeatable: "
          + "delegates take nodes in the order given, each from what earlier ones left"})
  List<String> specs = new ArrayList<>();

  @Option(names = "--require-full-delegation",
      description = "fail when any node stays on the CPU or a delegate fails, instead of falling back to the CPU")
  boolean requireFullDelegation;

  boolean any() {
    return !specs.isEmpty();
  }

  /** The delegates named, created now (the caller closes them). */
  OpenDelegates open() {
    return OpenDelegates.open(specs);
  }
}
