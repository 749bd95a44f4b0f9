package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.TimeSource;
import java.time.Instant;
import java.util.List;

/**
 * One thread of control of an execution: the root, a Map iteration or a Parallel branch. It sits at
 * one state of its {@link Asl.Graph} in one {@link Phase}; its fields are what the store persists
 * after every step. Mutated only while holding the execution's monitor.
 */
final class Branch {
  enum Phase {
    /** About to enter {@link #stateName} with {@link #input}. */
    ENTER,
    /** A task attempt is running; {@link #taskResult} or {@link #taskError} ends it. */
    TASK_RUNNING,
    /** Waiting for {@link #wakeAt} to retry the state. */
    RETRY_WAIT,
    /** A Wait state waiting for {@link #wakeAt}. */
    WAITING,
    /** A Map or Parallel state waiting for its child branches. */
    CHILDREN,
    /** A Map iteration not started yet (MaxConcurrency). */
    PENDING,
    /** Finished; {@link #output} holds the result. */
    DONE,
    /** Finished with {@link #failure}. */
    FAILED
  }

  final Execution execution;
  final String id;
  final Branch parent;
  final int index;
  final Asl.Graph graph;

  Variables variables;
  String stateName;
  JsonNode input;
  String inputJson;
  Phase phase = Phase.ENTER;
  long enteredEventId;
  long lastEventId;
  Instant enteredTime;
  int[] retryCounts;
  int retryTotal;
  Instant wakeAt;
  JsonNode taskArguments;
  java.time.Duration taskTimeout;
  java.time.Duration taskHeartbeat;
  String taskToken;
  int attempt;
  JsonNode taskResult;
  StatesError taskError;
  Fanout fanout;
  JsonNode output;
  String outputJson;
  StatesError failure;
  boolean aborted;

  /**
   * The latest event of this branch that stored an input or output as text, and that text: a later
   * event or position with the same text refers to it instead of repeating it.
   */
  long payloadEvent;

  String payloadText;
  TimeSource.Scheduled timer;

  Branch(Execution execution, String id, Branch parent, int index, Asl.Graph graph) {
    this.execution = execution;
    this.id = id;
    this.parent = parent;
    this.index = index;
    this.graph = graph;
  }

  Asl.State state() {
    return graph.state(stateName);
  }

  boolean finished() {
    return phase == Phase.DONE || phase == Phase.FAILED;
  }

  /** Whether this branch, or a Map or Parallel branch it runs in, was aborted. */
  boolean abandoned() {
    for (Branch at = this; at != null; at = at.parent) {
      if (at.aborted) {
        return true;
      }
    }
    return false;
  }

  /** The child branches of a Map or Parallel state and how far they have come. */
  static final class Fanout {
    final String prefix;
    final List<Branch> children;
    final int maxConcurrency;
    final int toleratedCount;
    final double toleratedPercentage;
    int started;
    int finished;
    int failed;
    StatesError failure;
    boolean completionQueued;

    Fanout(
        String prefix,
        List<Branch> children,
        int maxConcurrency,
        int toleratedCount,
        double toleratedPercentage) {
      this.prefix = prefix;
      this.children = children;
      this.maxConcurrency = maxConcurrency;
      this.toleratedCount = toleratedCount;
      this.toleratedPercentage = toleratedPercentage;
    }

    boolean complete() {
      return failure != null || finished == children.size();
    }
  }
}
