package dev.statecraft.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.manifest.CallbackSpec;
import dev.statecraft.manifest.DeploymentManifest;
import dev.statecraft.manifest.WorkflowSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers {@code Durable.awaitCallback} waits: {@code POST
 * /callbacks/{workflow}/{wait}?token=TOKEN} with the answer as a JSON body completes the wait;
 * adding {@code &error=NAME} (and {@code &cause=TEXT}) fails it instead, which the workflow sees as
 * that error.
 *
 * <p>The route is authenticated by the token, an unguessable capability the state machine service
 * issued for this one wait. Before the token is used the answer is checked against the type the
 * workflow awaits: an answer that does not fit is refused with 400 and the wait goes on. The token
 * is never logged, and no response or error message repeats it.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>status</th><th>when</th></tr>
 *   <tr><td>200</td><td>the wait is answered</td></tr>
 *   <tr><td>400</td><td>the body is not JSON, or does not fit the awaited type</td></tr>
 *   <tr><td>401</td><td>no token, or one the service does not recognise</td></tr>
 *   <tr><td>404</td><td>no such workflow or wait</td></tr>
 *   <tr><td>405</td><td>not a POST</td></tr>
 *   <tr><td>410</td><td>the wait is over: answered already, timed out, or its execution ended</td></tr>
 *   <tr><td>413</td><td>the body is over {@value #MAX_BODY_BYTES} bytes</td></tr>
 * </table>
 *
 * <pre>{@code
 * CallbackReceiver callbacks = new CallbackReceiver(manifest, (type, json) -> check(type, json), tasks);
 * CallbackResponse r = callbacks.receive("POST", "refund-approval/AwaitAskReviewer", query, body);
 * }</pre>
 */
public final class CallbackReceiver {
  /** The largest answer: Step Functions' limit on a task's output. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks an answer against the awaited type. */
  @FunctionalInterface
  public interface AnswerCheck {
    /** Why {@code json} does not fit {@code javaType} (spelled as the manifest spells types). */
    Optional<String> mismatch(String javaType, String json);
  }

  private final DeploymentManifest manifest;
  private final AnswerCheck check;
  private final TaskCompleter tasks;

  /**
   * @param manifest the project's workflows and their waits
   * @param check the type check of answers
   * @param tasks completes waiting tasks
   */
  public CallbackReceiver(DeploymentManifest manifest, AnswerCheck check, TaskCompleter tasks) {
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.check = Objects.requireNonNull(check, "check");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
  }

  /** Whether {@code route} (the path after {@code /callbacks/}) names one of the workflows. */
  public boolean serves(String route) {
    int slash = route == null ? -1 : route.indexOf('/');
    return slash > 0 && manifest.workflow(route.substring(0, slash)).isPresent();
  }

  /**
   * Answers one request.
   *
   * @param method the HTTP method
   * @param route the path after {@code /callbacks/}: {@code WORKFLOW/WAIT}
   * @param query the decoded query parameters
   * @param body the request body, UTF-8
   */
  public CallbackResponse receive(
      String method, String route, Map<String, String> query, String body) {
    Optional<WorkflowSpec> workflow = Optional.empty();
    Optional<CallbackSpec> wait = Optional.empty();
    String[] parts = route == null ? new String[0] : route.split("/", -1);
    if (parts.length == 2) {
      workflow = manifest.workflow(parts[0]);
      wait = workflow.flatMap(w -> w.callback(parts[1]));
    }
    if (wait.isEmpty()) {
      return error(404, "NotFound", "no callback wait is served at /callbacks/" + safe(route));
    }
    if (!"POST".equalsIgnoreCase(method)) {
      return error(405, "MethodNotAllowed", "POST the answer to this URL");
    }
    String text = body == null ? "" : body;
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      return error(413, "PayloadTooLarge", "an answer is at most " + MAX_BODY_BYTES + " bytes");
    }
    String token = query.get("token");
    if (token == null || token.isBlank()) {
      return error(401, "Unauthorized", "the callback URL's token is missing");
    }
    try {
      if (query.containsKey("error")) {
        tasks.fail(token, query.get("error"), query.getOrDefault("cause", text));
        return ok("failed");
      }
      String answer = text.isBlank() ? "null" : text;
      Optional<String> problem = problem(wait.get(), answer);
      if (problem.isPresent()) {
        return error(400, "InvalidAnswer", problem.get() + "; the wait goes on");
      }
      tasks.succeed(token, JSON.readTree(answer).toString());
      return ok("answered");
    } catch (TaskCompleter.Refused e) {
      return e.reason() == TaskCompleter.Refusal.INVALID_TOKEN
          ? error(401, "Unauthorized", "the callback URL's token is not valid")
          : error(410, "Gone", "this wait is over: it was answered, timed out or its run ended");
    } catch (JsonProcessingException e) {
      return error(400, "InvalidAnswer", "the answer is not JSON; the wait goes on");
    }
  }

  private Optional<String> problem(CallbackSpec wait, String answer) {
    try {
      JSON.readTree(answer);
    } catch (JsonProcessingException e) {
      return Optional.of("the answer is not JSON: " + e.getOriginalMessage());
    }
    if (answer.trim().equals("null")) {
      return Optional.of("the answer is empty; post the " + simple(wait.javaType()) + " as JSON");
    }
    return check.mismatch(wait.javaType(), answer).map(m -> "the answer " + m);
  }

  private static CallbackResponse ok(String outcome) {
    ObjectNode body = JSON.createObjectNode().put("ok", true).put("outcome", outcome);
    return new CallbackResponse(200, body.toString());
  }

  private static CallbackResponse error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode().put("error", code).put("message", message);
    return new CallbackResponse(status, body.toString());
  }

  private static String simple(String javaType) {
    return javaType.substring(javaType.lastIndexOf('.') + 1).replace('$', '.');
  }

  private static String safe(String route) {
    if (route == null) {
      return "";
    }
    String cut = route.length() > 100 ? route.substring(0, 100) + "..." : route;
    return cut.replaceAll("[^A-Za-z0-9_./-]", "?");
  }
}
