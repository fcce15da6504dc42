package dev.lite4j;

/** The model uses an operator (or operator version, or data type) that Lite4j does not implement. */
public final class UnsupportedOperatorException extends Lite4jException {
  public UnsupportedOperatorException(String message) {
    super(message);
  }
}
