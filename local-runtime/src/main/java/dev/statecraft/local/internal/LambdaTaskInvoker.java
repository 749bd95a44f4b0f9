package dev.statecraft.local.internal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.local.LambdaFunctionException;
import dev.statecraft.local.TaskFailedException;
import dev.statecraft.local.TaskInvoker;
import dev.statecraft.local.TimeSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves Lambda tasks from in-process {@link RequestStreamHandler}s as the Lambda Invoke API and
 * Step Functions do: the optimized integration {@code arn:aws:states:::lambda:invoke} (and {@code
 * .waitForTaskToken}) sends its {@code Payload} argument (a string as the payload text itself, none
 * or {@code null} as {@code {}}) and wraps the result as the Invoke API returns it, its {@code
 * Payload} parsed from JSON; a function-ARN Resource sends the effective input and returns the
 * result itself.
 */
public final class LambdaTaskInvoker implements TaskInvoker {
  private static final String INTEGRATION = "arn:aws:states:::lambda:invoke";
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

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
    byte[] payload;
    if (integration) {
      JsonNode name = request.arguments().get("FunctionName");
      if (name == null || !name.isTextual()) {
        throw new TaskFailedException(
            "States.Runtime", "The field 'FunctionName' is required for lambda:invoke");
      }
      target = name.textValue();
      payload = integrationPayload(request.arguments().get("Payload"));
    } else {
      target = request.resource();
      payload = JsonCodec.writeBytes(request.arguments());
    }
    String function = functionName(target);
    RequestStreamHandler handler = handlers.get(function);
    if (handler == null) {
      throw serviceError(
          "ResourceNotFoundException", 404, "Function not found: " + functionArn(target));
    }
    String requestId = UUID.randomUUID().toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(payload),
          out,
          new LocalLambdaContext(requestId, function, time, request.timeout()));
    } catch (LambdaFunctionException e) {
      throw functionError(e.payload(), integration);
    } catch (TaskFailedException e) {
      throw e;
    } catch (Exception | Error e) {
      throw functionError(runtimeErrorPayload(e), integration);
    }
    byte[] bytes = out.toByteArray();
    if (bytes.length > Interpreter.PAYLOAD_LIMIT) {
      StatesError tooLarge = StatesError.resultTooLarge(request.resource());
      throw new TaskFailedException(tooLarge.error(), tooLarge.cause());
    }
    JsonNode result = parseResult(bytes);
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

  /**
   * The bytes {@code lambda:invoke} sends for its {@code Payload} argument: a string is the payload
   * text itself ({@code "0"} reaches the function as {@code 0}), and must be JSON as the Invoke API
   * demands; no Payload or {@code null} is {@code {}}; any other value is its JSON.
   */
  static byte[] integrationPayload(JsonNode payload) {
    if (payload == null || payload.isNull()) {
      return EMPTY_OBJECT;
    }
    if (!payload.isTextual()) {
      return JsonCodec.writeBytes(payload);
    }
    byte[] text = payload.textValue().getBytes(StandardCharsets.UTF_8);
    try {
      JsonCodec.MAPPER.readTree(text);
    } catch (IOException e) {
      throw serviceError(
          "InvalidRequestContentException",
          400,
          "Could not parse request body into json: Could not parse payload into json: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    return text;
  }

  /** A result's JSON; one that is not JSON is kept as its text, empty as {@code null}. */
  static JsonNode parseResult(byte[] bytes) {
    if (bytes.length == 0) {
      return JsonCodec.NODES.nullNode();
    }
    try {
      return JsonCodec.parse(bytes);
    } catch (IllegalArgumentException e) {
      return JsonCodec.NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /**
   * A function error as Step Functions reports it: named by the payload's {@code errorType} ({@code
   * Lambda.Unknown} without one), with the payload as cause, written compactly again by {@code
   * lambda:invoke} and as the function wrote it for a function-ARN Resource.
   */
  static TaskFailedException functionError(String payload, boolean integration) {
    JsonNode parsed;
    try {
      parsed = JsonCodec.parse(payload);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    JsonNode type = parsed == null ? null : parsed.get("errorType");
    String error = type != null && type.isTextual() ? type.textValue() : "Lambda.Unknown";
    String cause = integration && parsed != null ? JsonCodec.write(parsed) : payload;
    return new TaskFailedException(error, cause);
  }

  /**
   * The error payload the Java runtime writes for an exception a handler throws, with {@code
   * stackTrace: []} for determinism.
   */
  private static String runtimeErrorPayload(Throwable e) {
    ObjectNode payload = JsonCodec.object();
    if (e.getMessage() == null) {
      payload.putNull("errorMessage");
    } else {
      payload.put("errorMessage", e.getMessage());
    }
    payload.put("errorType", e.getClass().getName());
    payload.putArray("stackTrace");
    return JsonCodec.write(payload);
  }

  /** An error of the Lambda service itself, worded as Step Functions reports it. */
  private static TaskFailedException serviceError(String code, int status, String message) {
    return new TaskFailedException(
        "Lambda." + code,
        message
            + " (Service: AWSLambda; Status Code: "
            + status
            + "; Error Code: "
            + code
            + "; Request ID: "
            + UUID.randomUUID()
            + "; Proxy: null)");
  }

  /** The unqualified ARN of a function named by a name, a full or a partial ARN. */
  private static String functionArn(String target) {
    String name = functionName(target);
    if (target.startsWith("arn:aws:lambda:")) {
      String[] parts = target.split(":");
      return "arn:aws:lambda:" + parts[3] + ":" + parts[4] + ":function:" + name;
    }
    return "arn:aws:lambda:" + Arns.REGION + ":" + Arns.ACCOUNT + ":function:" + name;
  }

  /** The function-name segment of a name, a full or a partial ARN. */
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
