package dev.statecraft.local;

/**
 * Thrown by a {@link TaskInvoker} to fail a task with an exact Step Functions error name and cause,
 * which Retry and Catch then match on.
 */
public final class TaskFailedException extends RuntimeException {
  private final String error;
  private final String errorCause;

  /** Fails the task with {@code error} (for example {@code Lambda.ServiceException}). */
  public TaskFailedException(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.errorCause = cause;
  }

  /** The error name that Retry and Catch match against {@code ErrorEquals}. */
  public String error() {
    return error;
  }

  /** The cause text reported with the error, may be null. */
  public String cause() {
    return errorCause;
  }
}
