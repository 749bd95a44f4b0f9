package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.statecraft.adapters.ActivityJson;
import java.time.Instant;
import java.util.List;

/** What both kinds of result hold. */
record Outcome(
    String executionId,
    Object output,
    JsonNode outputJson,
    RuntimeException outputProblem,
    WorkflowError failure,
    List<ActivityCall> calls,
    Instant start,
    Instant stop) {

  /** A run that returned {@code raw}, decoded as the workflow's return type. */
  static Outcome returned(
      String id,
      WorkflowClass wf,
      JsonNode raw,
      List<ActivityCall> calls,
      Instant start,
      Instant stop) {
    try {
      Object output = wf.output(raw);
      JsonNode json = ActivityJson.mapper().valueToTree(output);
      return new Outcome(
          id, output, json == null ? NullNode.getInstance() : json, null, null, calls, start, stop);
    } catch (RuntimeException e) {
      IllegalStateException problem =
          new IllegalStateException(
              "the output " + raw + " does not decode as " + wf.method().getGenericReturnType(), e);
      return new Outcome(id, null, raw, problem, null, calls, start, stop);
    }
  }

  static Outcome failed(
      String id, WorkflowError failure, List<ActivityCall> calls, Instant start, Instant stop) {
    return new Outcome(id, null, NullNode.getInstance(), null, failure, calls, start, stop);
  }

  Object checkedOutput() {
    if (failure != null) {
      throw new AssertionError("the workflow failed with " + failure);
    }
    if (outputProblem != null) {
      throw outputProblem;
    }
    return output;
  }

  String summary() {
    return (failure == null ? "output=" + outputJson : "failure=" + failure)
        + ", "
        + calls.size()
        + " activity call(s)";
  }
}
