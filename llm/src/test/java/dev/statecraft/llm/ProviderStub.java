package dev.statecraft.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers as one provider's API does (OpenAI chat completions, Anthropic
 * messages, Gemini generateContent), with scripted statuses, so the real LangChain4j clients are
 * tested against each wire format, 429 and 5xx included.
 */
final class ProviderStub implements AutoCloseable {
  enum Wire {
    OPENAI,
    ANTHROPIC,
    GEMINI,
    OLLAMA,
    /** Azure OpenAI: OpenAI's bodies under {@code /openai/deployments/NAME/...}. */
    AZURE
  }

  /** A request the stub received. */
  record Request(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private record Scripted(int status, String text, long delayMillis) {}

  private final Wire wire;
  private final HttpServer server;
  private final ConcurrentLinkedDeque<Scripted> script = new ConcurrentLinkedDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile String model = "stub-model";
  private volatile int inputTokens = 10;
  private volatile int outputTokens = 5;

  ProviderStub(Wire wire) throws IOException {
    this.wire = wire;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** The base URL to configure the provider with. */
  String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return switch (wire) {
      case OPENAI -> root + "/v1";
      case ANTHROPIC -> root + "/v1/";
      case GEMINI -> root + "/v1beta";
      case OLLAMA, AZURE -> root;
    };
  }

  /** The next answer is {@code text}, with the usage set by {@link #usage}. */
  ProviderStub answer(String text) {
    script.add(new Scripted(200, text, 0));
    return this;
  }

  /** The next answer is an error with {@code status}. */
  ProviderStub fail(int status) {
    script.add(new Scripted(status, null, 0));
    return this;
  }

  /** The next answer is an error with {@code status} whose message quotes {@code text}. */
  ProviderStub failQuoting(int status, String text) {
    script.add(new Scripted(status, text, 0));
    return this;
  }

  /** The next answer comes after {@code millis}. */
  ProviderStub slow(long millis, String text) {
    script.add(new Scripted(200, text, millis));
    return this;
  }

  /** Every answer from now on names {@code model} and reports these token counts. */
  ProviderStub usage(String model, int input, int output) {
    this.model = model;
    this.inputTokens = input;
    this.outputTokens = output;
    return this;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body));
    Scripted s = script.poll();
    if (s == null) {
      s = new Scripted(500, null, 0); // unscripted calls fail loudly
    }
    if (s.delayMillis() > 0) {
      try {
        Thread.sleep(s.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String json = s.status() == 200 ? success(s.text()) : error(s.status(), s.text());
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(s.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientGone) {
      // The client timed out and closed the connection.
    }
  }

  private String success(String text) {
    String t = quote(text);
    return switch (wire) {
      case OLLAMA ->
          "{\"model\":\""
              + model
              + "\",\"created_at\":\"2026-12-02T12:00:00Z\",\"message\":{\"role\":\"assistant\","
              + "\"content\":"
              + t
              + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":"
              + inputTokens
              + ",\"eval_count\":"
              + outputTokens
              + "}";
      case OPENAI, AZURE ->
          "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
              + model
              + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
              + t
              + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
              + inputTokens
              + ",\"completion_tokens\":"
              + outputTokens
              + ",\"total_tokens\":"
              + (inputTokens + outputTokens)
              + "}}";
      case ANTHROPIC ->
          "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
              + model
              + "\",\"content\":[{\"type\":\"text\",\"text\":"
              + t
              + "}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
              + inputTokens
              + ",\"output_tokens\":"
              + outputTokens
              + "}}";
      case GEMINI ->
          "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
              + t
              + "}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
              + "\"usageMetadata\":{\"promptTokenCount\":"
              + inputTokens
              + ",\"candidatesTokenCount\":"
              + outputTokens
              + ",\"totalTokenCount\":"
              + (inputTokens + outputTokens)
              + "},\"modelVersion\":\""
              + model
              + "\"}";
    };
  }

  private String error(int status, String quoted) {
    String says = status + (quoted == null ? "" : ": " + quoted);
    return switch (wire) {
      case OLLAMA -> "{\"error\":\"stub says " + says + "\"}";
      case OPENAI, AZURE ->
          "{\"error\":{\"message\":\"stub says "
              + says
              + "\",\"type\":\"stub\",\"param\":null,\"code\":\""
              + status
              + "\"}}";
      case ANTHROPIC ->
          "{\"type\":\"error\",\"error\":{\"type\":\""
              + (status == 429
                  ? "rate_limit_error"
                  : status >= 500 ? "api_error" : "invalid_request_error")
              + "\",\"message\":\"stub says "
              + status
              + "\"}}";
      case GEMINI ->
          "{\"error\":{\"code\":"
              + status
              + ",\"message\":\"stub says "
              + status
              + "\",\"status\":\"STUB\"}}";
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Override
  public void close() {
    // HttpServer.stop waits for its dispatcher's next wake-up (up to a second): no test waits.
    Thread stopper = new Thread(() -> server.stop(0), "stub-stop");
    stopper.setDaemon(true);
    stopper.start();
  }
}
