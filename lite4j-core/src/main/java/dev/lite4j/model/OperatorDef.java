package dev.lite4j.model;

import org.tensorflow.lite.schema.Operator;

/**
 * One node of a subgraph: builtin code (max of builtin_code and deprecated_builtin_code), version,
 * tensor indices (-1 = optional input left out) and the schema table its options are read from.
 */
public record OperatorDef(
    int index,
    int builtinCode,
    String customCode,
    int version,
    int[] inputs,
    int[] outputs,
    int[] intermediates,
    byte optionsType,
    Operator table) {

  /** The operator's name as TensorFlow Lite spells it (ADD, CONV_2D, ...), or the custom code. */
  public String opName() {
    return OpNames.name(builtinCode, customCode);
  }
}
