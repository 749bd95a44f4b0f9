package dev.statecraft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes answers in the shape of the AWS JSON protocol (version 1.0). */
final class Exchanges {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private Exchanges() {}

  static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = ApiJson.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code {"__type":code,"message":...}}, the code also in {@code X-Amzn-ErrorType}. */
  static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode body = ApiJson.object();
    body.put("__type", code);
    body.put("message", message);
    exchange.getResponseHeaders().set("X-Amzn-ErrorType", code);
    answer(exchange, status, body);
  }

  /** A plain JSON answer (not the AWS protocol's content type), as the backend's routes give. */
  static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }
}
