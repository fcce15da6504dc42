package dev.lite4j;

/** Base of the typed exceptions Lite4j throws for bad models and unsupported content. */
public class Lite4jException extends RuntimeException {
  public Lite4jException(String message) {
    super(message);
  }

  public Lite4jException(String message, Throwable cause) {
    super(message, cause);
  }
}
