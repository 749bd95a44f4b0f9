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
  private final boolean fromTask;

  StatesError(String error, String cause, boolean prefixedWithState, boolean fromTask) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.errorCause = cause;
    this.prefixedWithState = prefixedWithState;
    this.fromTask = fromTask;
  }

  /** An error with exactly this name and cause. */
  public static StatesError of(String error, String cause) {
    return new StatesError(error, cause, false, false);
  }

  /**
   * The failure of the work a Task ran (its {@code TaskFailed} event): whatever its name, {@code
   * States.ALL} and {@code States.TaskFailed} match it, a {@code States.DataLimitExceeded} for a
   * result past the quota included, as AWS catches it. Only {@code States.Runtime} stays
   * uncatchable.
   */
  static StatesError taskFailure(String error, String cause) {
    return new StatesError(error, cause, false, true);
  }

  /**
   * The {@code States.DataLimitExceeded} of a task whose result is past the payload quota, naming
   * the task as AWS does: the service of an integration ({@code 'lambda'}), else the Resource.
   */
  static StatesError resultTooLarge(String resource) {
    return taskFailure(
        "States.DataLimitExceeded",
        "The state/task '"
            + taskName(resource)
            + "' returned a result with a size exceeding the maximum number of bytes service"
            + " limit.");
  }

  private static String taskName(String resource) {
    String prefix = "arn:aws:states:::";
    if (resource != null && resource.startsWith(prefix)) {
      String service = resource.substring(prefix.length());
      int colon = service.indexOf(':');
      return colon < 0 ? service : service.substring(0, colon);
    }
    return resource;
  }

  /** A {@code States.Runtime} error whose cause gets the state prefix. */
  static StatesError runtime(String cause) {
    return new StatesError("States.Runtime", cause, true, false);
  }

  /** A {@code States.QueryEvaluationError} whose cause gets the state prefix. */
  static StatesError query(String cause) {
    return new StatesError("States.QueryEvaluationError", cause, true, false);
  }

  /** A {@code States.IntrinsicFailure} whose cause gets the state prefix. */
  static StatesError intrinsic(String cause) {
    return new StatesError("States.IntrinsicFailure", cause, true, false);
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

  /** Whether this is the failure of a task's work, see {@link #taskFailure}. */
  boolean fromTask() {
    return fromTask;
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
        false,
        fromTask);
  }
}
