package dev.statecraft.local;

/**
 * Observes history events as the engine records them, for example to print live progress.
 *
 * <p>Called on an engine thread right after the event was committed (durable mode) or recorded
 * (in-memory mode). Keep it quick and do not call back into the engine from it. Events of one
 * execution arrive in id order; events of different executions may interleave.
 */
@FunctionalInterface
public interface ExecutionListener {
  /** A listener that ignores every event. */
  ExecutionListener NONE = (arn, event) -> {};

  /** Receives one event of the execution {@code executionArn}. */
  void onEvent(String executionArn, HistoryEvent event);
}
