package dev.statecraft.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.statecraft.webhooks.WebhookReceiver;
import dev.statecraft.webhooks.WebhookRequest;
import dev.statecraft.webhooks.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /webhooks/{path}}: a compiled project's webhooks, verified and answered by the same
 * {@link WebhookReceiver} as behind API Gateway, with signing secrets from the environment.
 */
final class WebhookHandler implements HttpHandler {
  static final String PATH = "/webhooks/";

  private final WebhookReceiver receiver;

  WebhookHandler(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      WebhookRequest.Builder request = WebhookRequest.builder(exchange.getRequestMethod());
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
      request.body(WebhookRequest.readBody(exchange.getRequestBody()));
      String path = exchange.getRequestURI().getPath().substring(PATH.length());
      WebhookResponse r;
      try {
        r = receiver.receive(path, request.build());
      } catch (RuntimeException | LinkageError e) {
        // A broken installation: answer, and say what broke without the request's contents.
        System.err.println("statecraft: the webhook route failed: " + e);
        r = new WebhookResponse(500, "application/json", "{\"error\":\"InternalFailure\"}");
      }
      byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", r.contentType());
      exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
