package dev.statecraft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.HistoryEvent;
import java.util.List;
import java.util.Map;

/**
 * Writes the engine's history events as {@code GetExecutionHistory} does: {@code id}, {@code
 * previousEventId}, {@code timestamp}, {@code type}, and the details in the member AWS names after
 * the type ({@code stateEnteredEventDetails} for every {@code *StateEntered}, {@code
 * taskScheduledEventDetails} for {@code TaskScheduled}, ...) with only the fields AWS defines for
 * it. Types without a details member in the API ({@code ParallelStateStarted}, ...) have none.
 */
final class HistoryEvents {
  /** Each details member of {@code HistoryEvent} and its fields, from the API's model. */
  private static final Map<String, List<String>> DETAILS =
      Map.ofEntries(
          Map.entry("activityFailedEventDetails", List.of("error", "cause")),
          Map.entry("activityScheduleFailedEventDetails", List.of("error", "cause")),
          Map.entry(
              "activityScheduledEventDetails",
              List.of(
                  "resource", "input", "inputDetails", "timeoutInSeconds", "heartbeatInSeconds")),
          Map.entry("activityStartedEventDetails", List.of("workerName")),
          Map.entry("activitySucceededEventDetails", List.of("output", "outputDetails")),
          Map.entry("activityTimedOutEventDetails", List.of("error", "cause")),
          Map.entry("taskFailedEventDetails", failure()),
          Map.entry(
              "taskScheduledEventDetails",
              List.of(
                  "resourceType",
                  "resource",
                  "region",
                  "parameters",
                  "timeoutInSeconds",
                  "heartbeatInSeconds",
                  "taskCredentials")),
          Map.entry("taskStartFailedEventDetails", failure()),
          Map.entry("taskStartedEventDetails", List.of("resourceType", "resource")),
          Map.entry("taskSubmitFailedEventDetails", failure()),
          Map.entry("taskSubmittedEventDetails", taskOutput()),
          Map.entry("taskSucceededEventDetails", taskOutput()),
          Map.entry("taskTimedOutEventDetails", failure()),
          Map.entry("executionFailedEventDetails", List.of("error", "cause")),
          Map.entry(
              "executionStartedEventDetails",
              List.of(
                  "input",
                  "inputDetails",
                  "roleArn",
                  "stateMachineAliasArn",
                  "stateMachineVersionArn")),
          Map.entry("executionSucceededEventDetails", List.of("output", "outputDetails")),
          Map.entry("executionAbortedEventDetails", List.of("error", "cause")),
          Map.entry("executionTimedOutEventDetails", List.of("error", "cause")),
          Map.entry("executionRedrivenEventDetails", List.of("redriveCount")),
          Map.entry("mapStateStartedEventDetails", List.of("length")),
          Map.entry("mapIterationStartedEventDetails", List.of("name", "index")),
          Map.entry("mapIterationSucceededEventDetails", List.of("name", "index")),
          Map.entry("mapIterationFailedEventDetails", List.of("name", "index")),
          Map.entry("mapIterationAbortedEventDetails", List.of("name", "index")),
          Map.entry("lambdaFunctionFailedEventDetails", List.of("error", "cause")),
          Map.entry("lambdaFunctionScheduleFailedEventDetails", List.of("error", "cause")),
          Map.entry(
              "lambdaFunctionScheduledEventDetails",
              List.of("resource", "input", "inputDetails", "timeoutInSeconds", "taskCredentials")),
          Map.entry("lambdaFunctionStartFailedEventDetails", List.of("error", "cause")),
          Map.entry("lambdaFunctionSucceededEventDetails", List.of("output", "outputDetails")),
          Map.entry("lambdaFunctionTimedOutEventDetails", List.of("error", "cause")),
          Map.entry("stateEnteredEventDetails", List.of("name", "input", "inputDetails")),
          Map.entry(
              "stateExitedEventDetails",
              List.of(
                  "name",
                  "output",
                  "outputDetails",
                  "assignedVariables",
                  "assignedVariablesDetails")),
          Map.entry("mapRunStartedEventDetails", List.of("mapRunArn")),
          Map.entry("mapRunFailedEventDetails", List.of("error", "cause")),
          Map.entry("mapRunRedrivenEventDetails", List.of("mapRunArn", "redriveCount")),
          Map.entry(
              "evaluationFailedEventDetails", List.of("error", "cause", "location", "state")));

  private HistoryEvents() {}

  /**
   * One event as the API writes it; without {@code includeData} the details leave out the input and
   * output, as {@code includeExecutionData: false} asks.
   */
  static ObjectNode toJson(HistoryEvent event, boolean includeData) {
    ObjectNode json = ApiJson.object();
    json.put("timestamp", ApiJson.timestamp(event.timestamp()));
    json.put("type", event.type());
    json.put("id", event.id());
    json.put("previousEventId", event.previousEventId());
    String member = detailsMember(event.type());
    if (member != null) {
      ObjectNode details = json.putObject(member);
      for (String field : DETAILS.get(member)) {
        JsonNode value = event.details() == null ? null : event.details().get(field);
        boolean data = field.equals("input") || field.equals("output");
        if (value != null && (includeData || !data)) {
          details.set(field, value);
        }
      }
    }
    return json;
  }

  /** The member of {@code HistoryEvent} that holds the details of events of {@code type}. */
  static String detailsMember(String type) {
    if (type.endsWith("StateEntered")) {
      return "stateEnteredEventDetails";
    }
    if (type.endsWith("StateExited")) {
      return "stateExitedEventDetails";
    }
    String member = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    return DETAILS.containsKey(member) ? member : null;
  }

  private static List<String> failure() {
    return List.of("resourceType", "resource", "error", "cause");
  }

  private static List<String> taskOutput() {
    return List.of("resourceType", "resource", "output", "outputDetails");
  }
}
