package dev.statecraft.local;

/**
 * Thrown when an operation names a state machine the engine does not have, as AWS's {@code
 * StateMachineDoesNotExist}.
 */
public final class StateMachineDoesNotExistException extends IllegalArgumentException {
  /** Creates the exception for the state machine {@code stateMachineArn}. */
  public StateMachineDoesNotExistException(String stateMachineArn) {
    super("State Machine Does Not Exist: '" + stateMachineArn + "'");
  }
}
