package dev.statecraft.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A branch as the journal last recorded it: everything {@link Engine} needs to rebuild the {@link
 * Branch} after a restart. Fields that only matter in some phases are null (or 0) in the others.
 *
 * @param input the state input as JSON text
 * @param variables the branch's own variables as an object, or null when it has none
 * @param fanout prefix, size and limits of the child branches of a Map or Parallel state
 */
record BranchSnapshot(
    String id,
    String parent,
    int index,
    String state,
    Branch.Phase phase,
    String input,
    JsonNode variables,
    long enteredEventId,
    long lastEventId,
    Instant enteredTime,
    int[] retryCounts,
    int retryTotal,
    int attempt,
    JsonNode taskArguments,
    String taskToken,
    Long taskTimeoutSeconds,
    Long taskHeartbeatSeconds,
    Fanout fanout,
    String output,
    String error,
    String cause,
    Instant wakeAt) {

  /** How a Map or Parallel state split into child branches. */
  record Fanout(
      String prefix,
      int size,
      int maxConcurrency,
      int toleratedCount,
      double toleratedPercentage) {}
}
