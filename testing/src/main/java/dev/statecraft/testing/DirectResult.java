package dev.statecraft.testing;

import java.util.Optional;

/**
 * How a direct run ended: the workflow method ran as plain Java, and this is the {@link
 * WorkflowResult} view plus the exception that escaped it, for its stack trace.
 *
 * @param <O> the workflow method's return type
 */
public final class DirectResult<O> extends RecordedRun<O> implements WorkflowResult<O> {
  private final Throwable exception;

  DirectResult(Outcome outcome, Throwable exception) {
    super(outcome);
    this.exception = exception;
  }

  @Override
  public boolean succeeded() {
    return outcome.failure() == null;
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
