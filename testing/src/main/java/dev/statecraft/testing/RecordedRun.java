package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@link WorkflowResult} that both modes read from their {@link Outcome}: the results
 * differ only in how they tell success and in what else they know.
 */
abstract class RecordedRun<O> {
  final Outcome outcome;

  RecordedRun(Outcome outcome) {
    this.outcome = outcome;
  }

  /** See {@link WorkflowResult#executionId()}. */
  public String executionId() {
    return outcome.executionId();
  }

  /** See {@link WorkflowResult#output()}. */
  @SuppressWarnings("unchecked")
  public O output() {
    return (O) outcome.checkedOutput();
  }

  /** See {@link WorkflowResult#outputJson()}. */
  public JsonNode outputJson() {
    return outcome.outputJson();
  }

  /** See {@link WorkflowResult#failure()}. */
  public Optional<WorkflowError> failure() {
    return Optional.ofNullable(outcome.failure());
  }

  /** See {@link WorkflowResult#activityCalls()}. */
  public List<ActivityCall> activityCalls() {
    return outcome.calls();
  }

  /** See {@link WorkflowResult#startTime()}. */
  public Instant startTime() {
    return outcome.start();
  }

  /** See {@link WorkflowResult#stopTime()}. */
  public Instant stopTime() {
    return outcome.stop();
  }
}
