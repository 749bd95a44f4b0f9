package dev.statecraft.local;

/**
 * Thrown by {@link LocalEngine#sendTaskSuccess}, {@link LocalEngine#sendTaskFailure} and {@link
 * LocalEngine#sendTaskHeartbeat} when no task waits for the token; {@link #reason()} says which of
 * Step Functions' errors applies.
 */
public final class TaskTokenException extends IllegalArgumentException {
  /** Why the token was refused, named after the Step Functions error that reports it. */
  public enum Reason {
    /** {@code InvalidToken}: not a token this engine hands out. */
    INVALID_TOKEN,
    /** {@code TaskDoesNotExist}: the token names an execution the engine does not have. */
    TASK_DOES_NOT_EXIST,
    /**
     * {@code TaskTimedOut}: the task no longer waits; it was completed, timed out, or its execution
     * has finished.
     */
    TASK_TIMED_OUT
  }

  private final Reason reason;

  /** Creates the exception. */
  public TaskTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the token was refused. */
  public Reason reason() {
    return reason;
  }
}
