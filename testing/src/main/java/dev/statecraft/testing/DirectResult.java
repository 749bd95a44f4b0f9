package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a direct run ended: the workflow method ran as plain Java, and this is the {@link
 * WorkflowResult} view plus the exception that escaped it, for its stack trace.
 *
 * @param <O> the workflow method's return type
 */
public final class DirectResult<O> implements WorkflowResult<O> {
  private final Outcome outcome;
  private final Throwable exception;

  DirectResult(Outcome outcome, Throwable exception) {
    this.outcome = outcome;
    this.exception = exception;
  }

  @Override
  public String executionId() {
    return outcome.executionId();
  }

  @Override
  public boolean succeeded() {
    return outcome.failure() == null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public O output() {
    return (O) outcome.checkedOutput();
  }

  @Override
  public JsonNode outputJson() {
    return outcome.outputJson();
  }

  @Override
  public Optional<WorkflowError> failure() {
    return Optional.ofNullable(outcome.failure());
  }

  @Override
  public List<ActivityCall> activityCalls() {
    return outcome.calls();
  }

  @Override
  public Instant startTime() {
    return outcome.start();
  }

  @Override
  public Instant stopTime() {
    return outcome.stop();
  }

  /** The exception that escaped the workflow method, empty when it returned. */
  public Optional<Throwable> exception() {
    return Optional.ofNullable(exception);
  }

  @Override
  public String toString() {
    return "DirectResult[" + executionId() + ", " + outcome.summary() + "]";
  }
}
