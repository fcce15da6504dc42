package dev.lite4j.cli;

/** A user-facing failure: its message is printed as one line, and the process exits with {@link #exitCode}. */
final class CliException extends RuntimeException {
  private final int exitCode;

  CliException(String message) {
    this(message, 1);
  }

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
