package dev.statecraft.webhooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What to answer a webhook request: the host writes {@code status}, a {@code Content-Type} of
 * {@code contentType} and {@code body} as they are.
 *
 * <p>Bodies are small JSON objects. Errors look like {@code {"error":"Unauthorized","message":"no
 * signature matches"}}; an execution that was started, or that already existed, looks like {@code
 * {"executionArn":"arn:...","executionName":"evt_1","started":true}}. A body never contains a
 * secret, a signature, the request's body or a stack trace.
 *
 * @param status the HTTP status code
 * @param contentType the media type of {@code body}, always {@code application/json}
 * @param body the response text
 */
public record WebhookResponse(int status, String contentType, String body) {
  static final String JSON = "application/json";

  public WebhookResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  static WebhookResponse json(int status, ObjectNode body) {
    return new WebhookResponse(status, JSON, body.toString());
  }

  static WebhookResponse error(int status, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", reason(status));
    body.put("message", message);
    return json(status, body);
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 502 -> "Bad Gateway";
      default -> "Internal Server Error";
    };
  }
}
