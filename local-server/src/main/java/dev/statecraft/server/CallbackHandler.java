package dev.statecraft.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.statecraft.callbacks.CallbackReceiver;
import dev.statecraft.callbacks.CallbackResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The callback endpoint that compiled workflows hand to activities as {@code Callback.url()}.
 *
 * <p>{@code POST /callbacks/WORKFLOW/WAIT?token=TOKEN}, the URL compiled workflows hand out, is
 * answered by the project's {@link CallbackReceiver}, the same as behind API Gateway: the answer is
 * checked against the awaited type first (400 and the wait goes on when it does not fit).
 *
 * <p>For definitions written by hand, {@code POST /callbacks?token=TOKEN} (or {@code POST
 * /callbacks/TOKEN}) completes the task waiting for the token with the request body, JSON, as its
 * result (an empty body is {@code null}); adding {@code &error=NAME} (and optionally {@code
 * &cause=TEXT}, else the body is the cause) fails it instead. Answers {@code 200 {}}, or 400 with
 * the same errors as {@code SendTaskSuccess}. No answer or log line repeats a token.
 */
final class CallbackHandler implements HttpHandler {
  static final String PATH = "/callbacks";

  private final TaskOperations tasks;
  private volatile CallbackReceiver typed;

  CallbackHandler(TaskOperations tasks) {
    this.tasks = tasks;
  }

  /** Serves the typed routes of a project's workflows from now on. */
  void serve(CallbackReceiver receiver) {
    this.typed = receiver;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
        Exchanges.error(exchange, 404, "NotFound", "Not found: " + path);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        Exchanges.error(exchange, 405, "MethodNotAllowed", "POST the result to this URL");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String route = path.length() > PATH.length() + 1 ? path.substring(PATH.length() + 1) : "";
      CallbackReceiver receiver = typed;
      if (receiver != null && receiver.serves(route)) {
        CallbackResponse r =
            receiver.receive(exchange.getRequestMethod(), route, query, Exchanges.body(exchange));
        Exchanges.json(exchange, r.status(), r.body());
        return;
      }
      String token =
          path.length() > PATH.length() + 1
              ? path.substring(PATH.length() + 1)
              : query.get("token");
      String body = Exchanges.body(exchange);
      try {
        if (token == null || token.isEmpty()) {
          throw new ApiError("InvalidToken", "Invalid Token: 'no token in the callback URL'");
        }
        if (query.containsKey("error")) {
          String cause = query.containsKey("cause") ? query.get("cause") : body;
          tasks.fail(token, query.get("error"), cause == null || cause.isEmpty() ? null : cause);
        } else {
          tasks.succeed(token, body.isBlank() ? "null" : body);
        }
        Exchanges.answer(exchange, 200, ApiJson.object());
      } catch (ApiError e) {
        Exchanges.error(exchange, 400, e.code(), e.getMessage());
      } catch (RuntimeException e) {
        // The message may hold the token: report only the failure's kind.
        System.err.println("statecraft: the callback endpoint failed: " + e.getClass().getName());
        Exchanges.error(
            exchange, 500, "InternalFailure", "The local server failed: " + e.getClass().getName());
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(decode(key), decode(value));
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
