package dev.lite4j;

/** A structural fault in a model file: the message names the table, field or tensor and the rule. */
public final class ModelFormatException extends Lite4jException {
  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
