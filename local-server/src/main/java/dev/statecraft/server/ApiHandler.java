package dev.statecraft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * The Step Functions JSON protocol: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>} and a JSON body; the answer is HTTP 200 with a JSON body, or HTTP
 * 400 with {@code {"__type":"<ErrorCode>","message":...}}.
 */
final class ApiHandler implements HttpHandler {
  private static final String TARGET_PREFIX = "AWSStepFunctions.";

  private final Map<String, Function<Request, ObjectNode>> operations;

  ApiHandler(
      StateMachineOperations stateMachines, ExecutionOperations executions, TaskOperations tasks) {
    operations =
        Map.ofEntries(
            Map.entry("CreateStateMachine", stateMachines::create),
            Map.entry("UpdateStateMachine", stateMachines::update),
            Map.entry("DeleteStateMachine", stateMachines::delete),
            Map.entry("DescribeStateMachine", stateMachines::describe),
            Map.entry("ListStateMachines", stateMachines::list),
            Map.entry("ValidateStateMachineDefinition", stateMachines::validate),
            Map.entry("StartExecution", executions::start),
            Map.entry("StartSyncExecution", executions::startSync),
            Map.entry("DescribeExecution", executions::describe),
            Map.entry("ListExecutions", executions::list),
            Map.entry("GetExecutionHistory", executions::history),
            Map.entry("StopExecution", executions::stop),
            Map.entry("SendTaskSuccess", tasks::sendSuccess),
            Map.entry("SendTaskFailure", tasks::sendFailure),
            Map.entry("SendTaskHeartbeat", tasks::sendHeartbeat));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/")) {
        Exchanges.error(exchange, 404, "UnknownOperationException", "Not found");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        Exchanges.error(
            exchange, 405, "UnknownOperationException", "The API accepts POST requests only");
        return;
      }
      try {
        Exchanges.answer(exchange, 200, operation(exchange).apply(new Request(body(exchange))));
      } catch (ApiError e) {
        Exchanges.error(exchange, 400, e.code(), e.getMessage());
      } catch (RuntimeException e) {
        e.printStackTrace();
        Exchanges.error(exchange, 500, "InternalFailure", "The local server failed: " + e);
      }
    }
  }

  private Function<Request, ObjectNode> operation(HttpExchange exchange) {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    Function<Request, ObjectNode> operation =
        target != null && target.startsWith(TARGET_PREFIX)
            ? operations.get(target.substring(TARGET_PREFIX.length()))
            : null;
    if (operation == null) {
      throw new ApiError(
          "UnknownOperationException", "Operation is not supported: X-Amz-Target " + target);
    }
    return operation;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    String text = Exchanges.body(exchange);
    if (text.isBlank()) {
      return ApiJson.object();
    }
    JsonNode body = ApiJson.parseOrNull(text);
    if (body == null || !body.isObject()) {
      throw new ApiError("SerializationException", "The request body is not a JSON object");
    }
    return body;
  }
}
