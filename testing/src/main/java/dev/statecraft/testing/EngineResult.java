package dev.statecraft.testing;

import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.HistoryEvent;
import java.util.List;

/**
 * How a run on the embedded engine ended: the {@link WorkflowResult} view plus what only the engine
 * knows, the execution's status, its raw error and cause, its state transitions and its history.
 *
 * <pre>{@code
 * EngineResult<Receipt> result = env.run(PlaceOrder.class, order);
 * assertEquals(ExecutionStatus.SUCCEEDED, result.status());
 * assertTrue(result.history().stream().anyMatch(e -> e.type().equals("TaskFailed")));
 * }</pre>
 *
 * @param <O> the workflow method's return type
 */
public final class EngineResult<O> extends RecordedRun<O> implements WorkflowResult<O> {
  private final ExecutionStatus status;
  private final String rawOutputJson;
  private final String error;
  private final String cause;
  private final long stateTransitions;
  private final List<HistoryEvent> history;

  EngineResult(
      Outcome outcome,
      ExecutionStatus status,
      String rawOutputJson,
      String error,
      String cause,
      long stateTransitions,
      List<HistoryEvent> history) {
    super(outcome);
    this.status = status;
    this.rawOutputJson = rawOutputJson;
    this.error = error;
    this.cause = cause;
    this.stateTransitions = stateTransitions;
    this.history = List.copyOf(history);
  }

  /** The execution ARN, the same as {@link #executionId()}. */
  public String executionArn() {
    return outcome.executionId();
  }

  @Override
  public boolean succeeded() {
    return status == ExecutionStatus.SUCCEEDED;
  }

  /** The execution's final status. */
  public ExecutionStatus status() {
    return status;
  }

  /** The output exactly as the engine wrote it, or null when the execution did not succeed. */
  public String rawOutputJson() {
    return rawOutputJson;
  }

  /** The execution's error as the engine reports it, such as {@code States.TaskFailed}. */
  public String error() {
    return error;
  }

  /** The execution's cause as the engine reports it, possibly JSON. */
  public String cause() {
    return cause;
  }

  /** The states entered, nested ones included: what AWS bills a standard workflow for. */
  public long stateTransitions() {
    return stateTransitions;
  }

  /** The execution's history events, oldest first, with timestamps on the run's clock. */
  public List<HistoryEvent> history() {
    return history;
  }

  @Override
  public String toString() {
    return "EngineResult[" + executionId() + " " + status + ", " + outcome.summary() + "]";
  }
}
