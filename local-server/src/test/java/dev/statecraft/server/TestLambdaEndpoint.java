package dev.statecraft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The test Lambda functions of {@code local-runtime/src/test/resources/lambda-conformance}, served
 * over HTTP the way the Lambda Invoke API answers: the function's payload as the body with status
 * 200, and a function error as its error payload with the {@code X-Amz-Function-Error} header.
 * {@code serve --lambda NAME=URL} points at {@link #url}.
 *
 * <p>A function is described by JSON: {@code "echo": true} answers the payload it received, {@code
 * "returns"} answers that text, {@code "returnsRepeated": {"text","times"}} that text repeated,
 * {@code "functionError"} marks the answer as an error payload ({@code Handled} or {@code
 * Unhandled}), and {@code "sleepSeconds"} waits first.
 */
final class TestLambdaEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, JsonNode> functions = new ConcurrentHashMap<>();

  TestLambdaEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/functions/", this::invoke);
    server.start();
  }

  /** Serves {@code spec} as the function {@code name}. */
  void define(String name, JsonNode spec) {
    functions.put(name, spec);
  }

  URI url(String name) {
    return URI.create(
        "http://localhost:"
            + server.getAddress().getPort()
            + "/functions/"
            + name
            + "/invocations");
  }

  private void invoke(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().split("/")[2];
      byte[] request = exchange.getRequestBody().readAllBytes();
      JsonNode spec = functions.get(name);
      if (spec == null) {
        answer(exchange, 404, "{\"Type\":\"User\",\"message\":\"no test function " + name + "\"}");
        return;
      }
      if (spec.has("sleepSeconds")) {
        try {
          Thread.sleep(spec.get("sleepSeconds").asLong() * 1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (spec.has("functionError")) {
        exchange
            .getResponseHeaders()
            .add("X-Amz-Function-Error", spec.get("functionError").asText());
      }
      byte[] body;
      if (spec.path("echo").asBoolean()) {
        body = request;
      } else if (spec.has("returnsRepeated")) {
        JsonNode repeated = spec.get("returnsRepeated");
        body =
            repeated
                .get("text")
                .asText()
                .repeat(repeated.get("times").asInt())
                .getBytes(StandardCharsets.UTF_8);
      } else {
        body = spec.path("returns").asText("").getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
