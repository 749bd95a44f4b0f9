package dev.statecraft.local;

/**
 * Thrown when an operation names an execution the engine does not have, as AWS's {@code
 * ExecutionDoesNotExist}.
 */
public final class ExecutionDoesNotExistException extends IllegalArgumentException {
  /** Creates the exception for the execution {@code executionArn}. */
  public ExecutionDoesNotExistException(String executionArn) {
    super("Execution Does Not Exist: '" + executionArn + "'");
  }
}
