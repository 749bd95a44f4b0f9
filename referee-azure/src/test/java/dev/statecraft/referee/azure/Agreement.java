package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.testing.ActivityCall;
import dev.statecraft.testing.DirectResult;
import dev.statecraft.testing.WorkflowError;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What must be identical between a workflow run as plain Java and its Durable Functions run on the
 * engine: the output (decoded as the workflow's return type and encoded again, as the testing
 * harness compares), the failure (error name and message), and the activity calls in order (as a
 * multiset for workflows using {@code Durable.map}/{@code parallel}, whose calls run concurrently).
 *
 * <p>Names the two report differently for the same thing are read as one: a timed-out activity or
 * callback is {@code States.Timeout} in the harness and {@code dev.statecraft.api.ActivityTimeout}
 * / {@code CallbackTimeout} on Azure; callbacks are compared by their order of creation, as the
 * harness records them; a {@code NullPointerException}'s message is not held (it depends on javac
 * flags).
 */
public final class Agreement {
  private static final String TIMEOUT = "States.Timeout";
  private static final String NPE = "java.lang.NullPointerException";

  private Agreement() {}

  public static List<String> differences(
      DirectResult<?> java, AzureRun azure, Method workflowMethod, boolean concurrent) {
    List<String> out = new ArrayList<>();
    Optional<WorkflowError> azureFailure = azure.failure().map(Agreement::error);
    if (java.succeeded() != azure.succeeded()) {
      out.add("java " + describe(java) + " but azure " + describe(azure));
    } else if (java.succeeded()) {
      JsonNode output = decode(azure.output(), workflowMethod.getGenericReturnType());
      String text = output.toString().replace(azure.instanceId(), java.executionId());
      if (!Objects.equals(java.outputJson().toString(), text)) {
        out.add("output: java " + java.outputJson() + " azure " + output);
      }
    } else if (!sameFailure(java.failure().orElseThrow(), azureFailure.orElseThrow())) {
      out.add(
          "failure: java " + java.failure().orElse(null) + " azure " + azureFailure.orElse(null));
    }
    List<String> javaCalls = calls(java.activityCalls(), concurrent);
    // Durable.executionId() is the platform's own id: an ARN in the harness, the instance id here.
    List<String> azureCalls =
        calls(asCalls(azure.activityCalls()), concurrent).stream()
            .map(c -> c.replace(azure.instanceId(), java.executionId()))
            .toList();
    if (concurrent) {
      azureCalls = new ArrayList<>(azureCalls);
      azureCalls.sort(null);
    }
    if (!javaCalls.equals(azureCalls)) {
      out.add("activity calls: java " + javaCalls + " azure " + azureCalls);
    }
    return out;
  }

  private static boolean sameFailure(WorkflowError java, WorkflowError azure) {
    return java.equals(azure) || (java.error().equals(NPE) && azure.error().equals(NPE));
  }

  static WorkflowError error(AzureRun.Failure f) {
    return named(f.error(), f.cause());
  }

  private static WorkflowError named(String error, String message) {
    if (error.equals("dev.statecraft.api.ActivityTimeout")
        || error.equals("dev.statecraft.api.CallbackTimeout")) {
      return new WorkflowError(TIMEOUT, null);
    }
    return new WorkflowError(error, message);
  }

  private static JsonNode decode(JsonNode raw, Type type) {
    if (type == void.class || type == Void.class) {
      return NullNode.getInstance();
    }
    try {
      Object value =
          ActivityJson.mapper()
              .convertValue(raw, ActivityJson.mapper().getTypeFactory().constructType(type));
      JsonNode json = ActivityJson.mapper().valueToTree(value);
      return json == null ? NullNode.getInstance() : json;
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** The attempts as the harness records calls: callbacks by alias, timeouts by name. */
  static List<ActivityCall> asCalls(List<ActivityAttempt> attempts) {
    List<ActivityCall> out = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (ActivityAttempt a : attempts) {
      ObjectNode args = a.arguments().deepCopy();
      args.fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (v.isObject() && v.size() == 2 && v.has("token") && v.has("url")) {
                  String token = v.get("token").asText();
                  if (!tokens.contains(token)) {
                    tokens.add(token);
                  }
                  String alias = "callback-" + (tokens.indexOf(token) + 1);
                  ObjectNode c = ActivityJson.mapper().createObjectNode();
                  c.put("token", alias);
                  c.put("url", "http://localhost/statecraft/callbacks?token=" + alias);
                  e.setValue(c);
                }
              });
      out.add(
          a.returned()
              ? new ActivityCall(
                  a.activity(),
                  args,
                  a.result() == null ? NullNode.getInstance() : a.result(),
                  null)
              : new ActivityCall(a.activity(), args, null, named(a.errorType(), a.errorMessage())));
    }
    return out;
  }

  private static List<String> calls(List<ActivityCall> calls, boolean concurrent) {
    List<String> out = new ArrayList<>(calls.stream().map(ActivityCall::toString).toList());
    if (concurrent) {
      out.sort(null);
    }
    return out;
  }

  private static String describe(DirectResult<?> r) {
    return r.succeeded()
        ? "succeeded with " + r.outputJson()
        : "failed with " + r.failure().orElse(null);
  }

  private static String describe(AzureRun r) {
    return r.succeeded()
        ? "succeeded with " + r.output()
        : "failed with " + r.failure().orElse(null);
  }
}
