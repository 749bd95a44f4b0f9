package dev.statecraft.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityEntryPoint;
import dev.statecraft.adapters.ActivityError;
import dev.statecraft.adapters.ActivityInfo;
import dev.statecraft.adapters.ActivityInput;
import dev.statecraft.adapters.ActivityInvocation;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.spi.SecretStore;

/**
 * The body of every generated activity function. It never throws: the result travels back as {@code
 * {"result": ...}} and a failure as {@code {"error": {"errorType": ..., "errorMessage": ...}}}, so
 * the orchestrator sees the exception's real class name rather than whatever the Functions host
 * wraps it in. The secrets the activity's interface declares are read from the environment (the
 * function app's settings, which can reference Key Vault).
 *
 * <pre>{@code
 * @FunctionName("TriageActivities_classify")
 * public String classify(@DurableActivityTrigger(name = "input") String input) {
 *   return ActivityFunctions.run(input, ActivityInfo.of(TriageActivities.class, "classify"),
 *       in -> activities.classify(in.get("ticket", Ticket.class)));
 * }
 * }</pre>
 */
public final class ActivityFunctions {
  private ActivityFunctions() {}

  /** Runs {@code activity} on the JSON arguments and returns the JSON envelope. */
  public static String run(String inputJson, ActivityInfo info, ActivityEntryPoint activity) {
    ObjectNode envelope = ActivityJson.mapper().createObjectNode();
    try {
      Object result =
          ActivityInvocation.run(
              info, activity, ActivityInput.parse(inputJson), SecretStore.environment());
      envelope.set("result", ActivityJson.mapper().valueToTree(result));
    } catch (Exception e) {
      envelope.set("error", ActivityJson.mapper().valueToTree(ActivityError.of(e)));
    }
    return envelope.toString();
  }

  /** Reads an envelope: the result node, or throws the failure it carries. */
  static JsonNode unwrap(String envelopeJson) {
    JsonNode envelope;
    try {
      envelope = ActivityJson.mapper().readTree(envelopeJson);
    } catch (java.io.IOException e) {
      throw new ActivityFailedException("MalformedActivityResult", e.getMessage());
    }
    JsonNode error = envelope.get("error");
    if (error != null && !error.isNull()) {
      throw new ActivityFailedException(
          error.path("errorType").asText("UnknownError"), error.path("errorMessage").asText(""));
    }
    return envelope.path("result");
  }
}
