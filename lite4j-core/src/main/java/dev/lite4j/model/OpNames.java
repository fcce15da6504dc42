package dev.lite4j.model;

import org.tensorflow.lite.schema.BuiltinOperator;

/** Names of builtin operators as the schema spells them. */
public final class OpNames {
  /** Schema code of CUSTOM operators. */
  public static final int CUSTOM = BuiltinOperator.CUSTOM;

  private OpNames() {}

  public static String name(int builtinCode, String customCode) {
    if (builtinCode == CUSTOM) {
      return "CUSTOM(" + customCode + ")";
    }
    return builtinName(builtinCode);
  }

  public static String builtinName(int builtinCode) {
    String[] names = BuiltinOperator.names;
    if (builtinCode >= 0 && builtinCode < names.length && !names[builtinCode].isEmpty()) {
      return names[builtinCode];
    }
    return "BUILTIN_" + builtinCode;
  }

  /** The largest builtin code the schema defines. */
  public static int maxBuiltinCode() {
    return BuiltinOperator.names.length - 1;
  }
}
