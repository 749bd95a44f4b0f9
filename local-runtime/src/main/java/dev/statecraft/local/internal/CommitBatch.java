package dev.statecraft.local.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one or more steps, committed in one transaction, and what may happen only after
 * they are durable: starting the next state, a task, a timer, telling listeners.
 *
 * <p>Consecutive journal entries of one execution go into one record, unless another batch opened a
 * record of that execution in between (records replay in their order).
 */
final class CommitBatch {
  sealed interface Write permits InsertExecution, UpdateExecution, JournalRecord {}

  record InsertExecution(
      long id,
      String arn,
      String stateMachine,
      String name,
      String definition,
      String input,
      long startMillis)
      implements Write {}

  /** The end of an execution. */
  record UpdateExecution(
      long id,
      String status,
      String output,
      String error,
      String cause,
      long stopMillis,
      long transitions,
      long lastEventId)
      implements Write {}

  /**
   * One {@link Journal} record of execution {@code execution} ({@code owner}), the {@code seq}-th.
   */
  record JournalRecord(long execution, long seq, byte[] data, Execution owner) implements Write {}

  final List<Write> writes = new ArrayList<>();
  final List<Runnable> afterCommit = new ArrayList<>();
  private final BinaryWriter record = new BinaryWriter(1024);
  private Execution recordOf;
  private long recordSeq;

  void add(Write write) {
    writes.add(write);
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** The journal records among the writes, once sealed. */
  List<JournalRecord> records() {
    List<JournalRecord> records = new ArrayList<>();
    for (Write write : writes) {
      if (write instanceof JournalRecord record) {
        records.add(record);
      }
    }
    return records;
  }

  /**
   * Where to append journal entries of {@code execution}; call with its monitor held. Continues the
   * open record while it is still the execution's latest, else opens the next one.
   */
  BinaryWriter journal(Execution execution) {
    if (recordOf != execution || execution.journalSeq != recordSeq) {
      seal();
      recordOf = execution;
      recordSeq = ++execution.journalSeq;
    }
    return record;
  }

  /** Closes the open journal record, if any; due before the batch is committed. */
  void seal() {
    if (recordOf != null && record.size() > 0) {
      writes.add(new JournalRecord(recordOf.storeId, recordSeq, record.toByteArray(), recordOf));
    }
    recordOf = null;
    record.reset();
  }
}
