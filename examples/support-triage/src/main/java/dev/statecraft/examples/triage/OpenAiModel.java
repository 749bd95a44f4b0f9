package dev.statecraft.examples.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * OpenAI's chat completions API (or any compatible endpoint via {@code OPENAI_BASE_URL}). Tiers map
 * to {@code STATECRAFT_SMALL_MODEL} and {@code STATECRAFT_LARGE_MODEL}, by default {@code
 * gpt-4o-mini} and {@code gpt-4o}. Overload and server errors raise {@link ModelUnavailable}, which
 * the workflow retries.
 */
public final class OpenAiModel implements LanguageModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String key;
  private final String baseUrl;

  public OpenAiModel(String key, String baseUrl) {
    this.key = key;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public Completion complete(String tier, String system, String prompt) {
    String model =
        System.getenv()
            .getOrDefault(
                tier.equals("large") ? "STATECRAFT_LARGE_MODEL" : "STATECRAFT_SMALL_MODEL",
                tier.equals("large") ? "gpt-4o" : "gpt-4o-mini");
    ObjectNode body = JSON.createObjectNode().put("model", model);
    body.putArray("messages")
        .add(JSON.createObjectNode().put("role", "system").put("content", system))
        .add(JSON.createObjectNode().put("role", "user").put("content", prompt));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
            .timeout(Duration.ofSeconds(90))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429 || response.statusCode() >= 500) {
        throw new ModelUnavailable(model + " answered " + response.statusCode());
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            model + " answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode json = JSON.readTree(response.body());
      return new Completion(
          json.path("choices").path(0).path("message").path("content").asText(),
          json.path("model").asText(model),
          json.path("usage").path("prompt_tokens").asInt(),
          json.path("usage").path("completion_tokens").asInt());
    } catch (IOException e) {
      throw new ModelUnavailable(model + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelUnavailable("interrupted");
    }
  }
}
