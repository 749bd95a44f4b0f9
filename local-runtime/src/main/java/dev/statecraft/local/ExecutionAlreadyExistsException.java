package dev.statecraft.local;

/**
 * Thrown by {@link LocalEngine#startExecution} when an execution of that name exists with a
 * different input, as AWS's {@code ExecutionAlreadyExists}.
 */
public final class ExecutionAlreadyExistsException extends IllegalStateException {
  /** Creates the exception for the execution {@code executionArn}. */
  public ExecutionAlreadyExistsException(String executionArn) {
    super("Execution Already Exists: '" + executionArn + "'");
  }
}
