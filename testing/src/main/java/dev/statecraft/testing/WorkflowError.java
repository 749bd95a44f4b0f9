package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.adapters.ActivityJson;
import dev.statecraft.api.WorkflowFailure;
import java.io.IOException;

/**
 * How a run failed, or how an activity call threw, in a form both modes report alike: an error name
 * and a human-readable message.
 *
 * <table>
 *   <caption>What each failure becomes</caption>
 *   <tr><th>cause</th><th>{@code error}</th><th>{@code message}</th></tr>
 *   <tr><td>{@code throw new WorkflowFailure(e, c)}</td><td>{@code e}</td><td>{@code c}</td></tr>
 *   <tr><td>an activity's exception escapes</td><td>its class's qualified name</td>
 *       <td>its message</td></tr>
 *   <tr><td>an activity or callback timed out</td><td>{@code States.Timeout}</td>
 *       <td>{@code null}</td></tr>
 *   <tr><td>a child workflow failed</td><td colspan="2">the child's error, unwrapped</td></tr>
 * </table>
 *
 * <p>An exception Java throws in workflow code itself (an index out of range) fails a compiled
 * execution with {@code States.QueryEvaluationError}, the exception's class and message ending its
 * cause: it is read back as that exception.
 *
 * <p>On the engine the message comes out of the execution's {@code Cause}: Lambda reports an
 * activity's exception as {@code {"errorMessage":...,"errorType":...}} and a child execution's
 * failure as {@code States.TaskFailed} with the child's {@code Error} and {@code Cause} inside;
 * both are unwrapped here, so that
 *
 * <pre>{@code
 * assertEquals(engineResult.failure(), directResult.failure());
 * }</pre>
 *
 * @param error the error name, such as {@code "Rejected"} or {@code "demo.shop.OutOfStock"}
 * @param message the message, or {@code null} when there is none
 */
public record WorkflowError(String error, String message) {
  static final String TIMEOUT = "States.Timeout";
  private static final String CHILD_FAILED = "States.TaskFailed";
  private static final String EXPRESSION_FAILED = "States.QueryEvaluationError";

  /**
   * How a compiled workflow reports an exception Java would throw in workflow code (an index out of
   * range): JSONata's {@code $error} with the exception's class and message, at the end of the
   * expression error's cause.
   */
  private static final java.util.regex.Pattern JAVA_EXCEPTION =
      java.util.regex.Pattern.compile(
          "(?s).*: (java\\.lang\\.[A-Za-z]+(?:Exception|Error)): (.*)$");

  /** The error an exception thrown by an activity or a callback responder stands for. */
  static WorkflowError ofException(Throwable t) {
    return new WorkflowError(t.getClass().getName(), t.getMessage());
  }

  /** A timed-out activity attempt or callback. */
  static WorkflowError timeout() {
    return new WorkflowError(TIMEOUT, null);
  }

  /** What escaped workflow code in direct mode; {@code external} came from activities. */
  static WorkflowError ofEscaped(Throwable t, boolean external) {
    if (!external && t instanceof WorkflowFailure f) {
      return new WorkflowError(f.error(), f.cause());
    }
    return ofException(t);
  }

  /** The engine's {@code error} and {@code cause} of a failed execution or task. */
  static WorkflowError ofEngine(String error, String cause) {
    if (EXPRESSION_FAILED.equals(error) && cause != null) {
      java.util.regex.Matcher m = JAVA_EXCEPTION.matcher(cause);
      if (m.matches()) {
        return new WorkflowError(m.group(1), m.group(2));
      }
    }
    JsonNode parsed = parseObject(cause);
    if (CHILD_FAILED.equals(error) && parsed.hasNonNull("Status") && parsed.has("Error")) {
      return ofEngine(text(parsed.get("Error")), text(parsed.get("Cause")));
    }
    if (parsed.has("errorType") && parsed.has("errorMessage")) {
      return new WorkflowError(error, text(parsed.get("errorMessage")));
    }
    return new WorkflowError(error, cause);
  }

  /** {@code cause} parsed when it is a JSON object, else an empty object. */
  private static JsonNode parseObject(String cause) {
    if (cause == null || !cause.startsWith("{")) {
      return ActivityJson.mapper().createObjectNode();
    }
    try {
      JsonNode node = ActivityJson.mapper().readTree(cause);
      return node != null && node.isObject() ? node : ActivityJson.mapper().createObjectNode();
    } catch (IOException e) {
      return ActivityJson.mapper().createObjectNode();
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  @Override
  public String toString() {
    return message == null ? error : error + ": " + message;
  }
}
