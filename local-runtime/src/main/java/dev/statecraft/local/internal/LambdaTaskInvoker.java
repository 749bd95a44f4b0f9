package dev.statecraft.local.internal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.TaskFailedException;
import dev.statecraft.local.TaskInvoker;
import dev.statecraft.local.TimeSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves Lambda tasks from in-process {@link RequestStreamHandler}s: the optimized integration
 * {@code arn:aws:states:::lambda:invoke} (result wrapped as the Invoke API returns it) and plain
 * function ARNs (the payload itself).
 */
public final class LambdaTaskInvoker implements TaskInvoker {
  private static final String INTEGRATION = "arn:aws:states:::lambda:invoke";

  private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();
  private final TimeSource time;

  public LambdaTaskInvoker(TimeSource time) {
    this.time = time;
  }

  public void register(String functionName, RequestStreamHandler handler) {
    handlers.put(functionName(functionName), handler);
  }

  @Override
  public boolean handles(String resource) {
    return resource.startsWith(INTEGRATION) || isFunctionArn(resource);
  }

  private static boolean isFunctionArn(String resource) {
    return resource.startsWith("arn:aws:lambda:") && resource.contains(":function:");
  }

  @Override
  public JsonNode invoke(Request request) throws Exception {
    boolean integration = request.resource().startsWith(INTEGRATION);
    String target;
    JsonNode payload;
    if (integration) {
      JsonNode name = request.arguments().get("FunctionName");
      if (name == null || !name.isTextual()) {
        throw new TaskFailedException(
            "States.Runtime", "The field 'FunctionName' is required for lambda:invoke");
      }
      target = name.textValue();
      payload =
          request.arguments().has("Payload")
              ? request.arguments().get("Payload")
              : JsonCodec.object();
    } else {
      target = request.resource();
      payload = request.arguments();
    }
    String function = functionName(target);
    RequestStreamHandler handler = handlers.get(function);
    if (handler == null) {
      throw new TaskFailedException(
          "Lambda.ResourceNotFoundException",
          "Function not found: arn:aws:lambda:"
              + Arns.REGION
              + ":"
              + Arns.ACCOUNT
              + ":function:"
              + function
              + " (Service: Lambda, Status Code: 404, Request ID: "
              + UUID.randomUUID()
              + ")");
    }
    String requestId = UUID.randomUUID().toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(JsonCodec.writeBytes(payload)),
          out,
          new LocalLambdaContext(requestId, function, time, request.timeout()));
    } catch (TaskFailedException e) {
      throw e;
    } catch (Exception | Error e) {
      throw handlerFailure(e);
    }
    byte[] bytes = out.toByteArray();
    JsonNode result = bytes.length == 0 ? JsonCodec.NODES.nullNode() : parseOutput(bytes);
    if (!integration) {
      return result;
    }
    ObjectNode response = JsonCodec.object();
    response.put("ExecutedVersion", "$LATEST");
    response.set("Payload", result);
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

  private static JsonNode parseOutput(byte[] bytes) {
    try {
      return JsonCodec.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new TaskFailedException(
          "Lambda.Unknown", "The function returned a payload that is not valid JSON");
    }
  }

  private static TaskFailedException handlerFailure(Throwable e) {
    String type = e.getClass().getName();
    ObjectNode cause = JsonCodec.object();
    if (e.getMessage() == null) {
      cause.putNull("errorMessage");
    } else {
      cause.put("errorMessage", e.getMessage());
    }
    cause.put("errorType", type);
    cause.putArray("stackTrace");
    return new TaskFailedException(type, JsonCodec.write(cause));
  }

  /** The function-name segment of a name, a full ARN or a partial ARN. */
  static String functionName(String target) {
    String name = target;
    int function = name.indexOf("function:");
    if (function >= 0) {
      name = name.substring(function + "function:".length());
    }
    int qualifier = name.indexOf(':');
    return qualifier < 0 ? name : name.substring(0, qualifier);
  }
}
