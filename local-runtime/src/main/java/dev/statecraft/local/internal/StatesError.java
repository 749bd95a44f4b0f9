package dev.statecraft.local.internal;

/**
 * A Step Functions error raised while executing a state: an error name that Retry and Catch match,
 * and a cause.
 *
 * <p>Errors raised by the engine itself (States.Runtime, States.QueryEvaluationError) carry a cause
 * that AWS prefixes with the state's name and the id of its entered event; {@link
 * #prefixedWithState} says whether the interpreter must add that prefix.
 */
public final class StatesError extends RuntimeException {
  private final String error;
  private final String errorCause;
  private final boolean prefixedWithState;

  StatesError(String error, String cause, boolean prefixedWithState) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.errorCause = cause;
    this.prefixedWithState = prefixedWithState;
  }

  /** An error with exactly this name and cause. */
  public static StatesError of(String error, String cause) {
    return new StatesError(error, cause, false);
  }

  /** A {@code States.Runtime} error whose cause gets the state prefix. */
  static StatesError runtime(String cause) {
    return new StatesError("States.Runtime", cause, true);
  }

  /** A {@code States.QueryEvaluationError} whose cause gets the state prefix. */
  static StatesError query(String cause) {
    return new StatesError("States.QueryEvaluationError", cause, true);
  }

  /** A {@code States.IntrinsicFailure} whose cause gets the state prefix. */
  static StatesError intrinsic(String cause) {
    return new StatesError("States.IntrinsicFailure", cause, true);
  }

  public String error() {
    return error;
  }

  public String cause() {
    return errorCause;
  }

  boolean prefixedWithState() {
    return prefixedWithState;
  }

  /** This error with the cause AWS reports: the state prefix added where it belongs. */
  StatesError inState(String stateName, long enteredEventId) {
    if (!prefixedWithState) {
      return this;
    }
    return new StatesError(
        error,
        "An error occurred while executing the state '"
            + stateName
            + "' (entered at the event id #"
            + enteredEventId
            + "). "
            + errorCause,
        false);
  }
}
