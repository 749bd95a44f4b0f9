package dev.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import java.util.UUID;

/** The JSON shapes of AWS Lambda's Invoke API, as the engine's Lambda integration builds them. */
final class LambdaShapes {
  private LambdaShapes() {}

  /** The result of {@code lambda:invoke}: the function's output under {@code Payload}. */
  static ObjectNode response(JsonNode payload) {
    String requestId = UUID.randomUUID().toString();
    ObjectNode response = ActivityJson.mapper().createObjectNode();
    response.put("ExecutedVersion", "$LATEST");
    response.set("Payload", payload == null ? NullNode.getInstance() : payload);
    ObjectNode http = response.putObject("SdkHttpMetadata");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Content-Type", "application/json");
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    response.put("StatusCode", 200);
    return response;
  }

  /** The {@code Cause} of a function error: {@code {"errorMessage","errorType","stackTrace"}}. */
  static String errorCause(Throwable t) {
    ObjectNode cause = ActivityJson.mapper().createObjectNode();
    if (t.getMessage() == null) {
      cause.putNull("errorMessage");
    } else {
      cause.put("errorMessage", t.getMessage());
    }
    cause.put("errorType", t.getClass().getName());
    cause.putArray("stackTrace");
    return ActivityJson.write(cause);
  }
}
