package dev.lite4j.delegate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds delegate providers on the class path and makes delegates from {@code NAME[:key=value,...]}. */
public final class Delegates {
  private Delegates() {}

  /** Every provider on the class path, available here or not. */
  public static List<DelegateProvider> providers() {
    List<DelegateProvider> out = new ArrayList<>();
    for (DelegateProvider p : ServiceLoader.load(DelegateProvider.class)) {
      out.add(p);
    }
    return out;
  }

  /**
   * The delegate {@code spec} names, e.g. {@code onnxruntime:providers=cuda,min_nodes_per_partition=2}.
   * Throws {@link IllegalArgumentException} naming the known delegates when the name is unknown, or
   * saying why when the delegate cannot run on this machine.
   */
  public static Delegate create(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty delegate spec; expected NAME[:key=value,...]");
    }
    int colon = spec.indexOf(':');
    String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
    Map<String, String> options = parseOptions(colon < 0 ? "" : spec.substring(colon + 1), spec);
    List<String> known = new ArrayList<>();
    for (DelegateProvider p : providers()) {
      if (p.name().equals(name)) {
        String why = p.unavailableReason();
        if (why != null) {
          throw new IllegalArgumentException("delegate '" + name + "' cannot run here: " + why);
        }
        return p.create(options);
      }
      known.add(p.name());
    }
    throw new IllegalArgumentException("no delegate named '" + name + "'; on the class path: "
        + (known.isEmpty() ? "none" : String.join(", ", known)));
  }

  /** {@code key=value,key=value}; a value may itself hold '+'-separated lists (providers=cuda+cpu). */
  static Map<String, String> parseOptions(String text, String spec) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text.isBlank()) {
      return out;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("delegate option '" + pair + "' in '" + spec + "' is not key=value");
      }
      out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return out;
  }

  /** Reads the partition limits every delegate shares from its options, removing them from the map. */
  public static DelegateOptions takeLimits(Map<String, String> options) {
    int max = takeInt(options, "max_delegated_partitions", Integer.MAX_VALUE);
    int min = takeInt(options, "min_nodes_per_partition", 1);
    return new DelegateOptions(max, min);
  }

  private static int takeInt(Map<String, String> options, String key, int fallback) {
    String v = options.remove(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("delegate option " + key + "=" + v + " is not an integer");
    }
  }
}
