package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.ExecutionDescription;
import dev.statecraft.local.ExecutionResult;
import dev.statecraft.local.ExecutionStatus;
import dev.statecraft.local.TimeSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One execution while the engine holds it: identity, status and its branches. Mutated only while
 * holding the object's monitor.
 */
final class Execution {
  final String arn;
  final String name;
  final String stateMachineName;
  final String definition;
  final Asl.StateMachine machine;

  /** The parsed input; dropped, with {@link #root}, once the execution has finished. */
  JsonNode input;

  final String inputJson;
  final Instant startTime;
  final CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
  final Map<String, Branch> branches = new HashMap<>();

  /**
   * The history events as {@link Journal} entries, kept only in memory mode; durable engines read
   * history from the store.
   */
  final BinaryWriter events;

  /** The execution's id in the store (durable mode). */
  long storeId;

  /** The sequence number of the execution's latest journal record (durable mode). */
  long journalSeq;

  /**
   * The sequence number of the execution's latest journal record handed to the store; the records
   * after it are committed in order (durable mode). Guarded by the {@link GroupCommitter}'s lock.
   */
  long committedSeq;

  /**
   * Where the execution is: terminal as soon as a step ends it, which is before that step commits.
   * What callers see waits for the commit: see {@link #published}.
   */
  ExecutionStatus status = ExecutionStatus.RUNNING;

  /**
   * Whether the end of the execution is committed (at once in memory mode). Until it is, {@link
   * #result()} and {@link #description()} show the execution running: a caller told it finished
   * must find it finished after a crash too.
   */
  boolean published;

  String outputJson;
  String error;
  String cause;
  Instant stopTime;
  long lastEventId;
  long transitions;
  Branch root;
  TimeSource.Scheduled timeout;

  Execution(
      String arn,
      String name,
      String stateMachineName,
      String definition,
      Asl.StateMachine machine,
      JsonNode input,
      String inputJson,
      Instant startTime,
      boolean keepHistory) {
    this.arn = arn;
    this.name = name;
    this.stateMachineName = stateMachineName;
    this.definition = definition;
    this.machine = machine;
    this.input = input;
    this.inputJson = inputJson;
    this.startTime = startTime;
    this.events = keepHistory ? new BinaryWriter(4096) : null;
  }

  String stateMachineArn() {
    return Arns.stateMachine(stateMachineName);
  }

  /** The execution as callers see it: running until its end is committed. */
  synchronized ExecutionResult result() {
    return published
        ? outcome()
        : new ExecutionResult(arn, name, ExecutionStatus.RUNNING, null, null, null, transitions);
  }

  /** The execution as its steps left it, committed or not. */
  synchronized ExecutionResult outcome() {
    return new ExecutionResult(arn, name, status, outputJson, error, cause, transitions);
  }

  /** The execution as callers see it: running until its end is committed. */
  synchronized ExecutionDescription description() {
    return new ExecutionDescription(
        arn,
        name,
        stateMachineName,
        stateMachineArn(),
        published ? status : ExecutionStatus.RUNNING,
        inputJson,
        published ? outputJson : null,
        published ? error : null,
        published ? cause : null,
        startTime,
        published ? stopTime : null,
        transitions);
  }
}
