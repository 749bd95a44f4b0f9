package dev.statecraft.local.internal;

import dev.statecraft.local.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one or more steps, committed in one transaction, and what may happen only after
 * they are durable: starting the next state, a task, a timer, telling listeners.
 */
final class CommitBatch {
  sealed interface Write
      permits InsertExecution, UpdateExecution, UpsertBranch, DeleteBranches, AppendEvent {}

  record InsertExecution(
      String arn,
      String stateMachine,
      String name,
      String definition,
      String input,
      long startMillis)
      implements Write {}

  record UpdateExecution(
      String arn,
      String status,
      String output,
      String error,
      String cause,
      Long stopMillis,
      long transitions,
      long lastEventId)
      implements Write {}

  record UpsertBranch(
      String execution,
      String id,
      String parent,
      int index,
      String state,
      String phase,
      String input,
      String variables,
      String aux,
      Long wakeAtMillis)
      implements Write {}

  /** Deletes the branches whose id starts with {@code prefix}, or all when it is null. */
  record DeleteBranches(String execution, String prefix) implements Write {}

  record AppendEvent(String execution, HistoryEvent event) implements Write {}

  final List<Write> writes = new ArrayList<>();
  final List<Runnable> afterCommit = new ArrayList<>();

  void add(Write write) {
    writes.add(write);
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  boolean isEmpty() {
    return writes.isEmpty() && afterCommit.isEmpty();
  }
}
