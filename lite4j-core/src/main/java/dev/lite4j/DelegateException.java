package dev.lite4j;

/**
 * A delegate failed, or (with {@code Options.setRequireFullDelegation(true)}) left nodes on the CPU.
 * Without strict mode Lite4j never throws this: it falls back to its CPU kernels instead.
 */
public final class DelegateException extends Lite4jException {
  public DelegateException(String message) {
    super(message);
  }

  public DelegateException(String message, Throwable cause) {
    super(message, cause);
  }
}
