package dev.statecraft.llm;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one provider: its kind, where it listens and which secret holds its key.
 *
 * @param name the name targets use, such as {@code openai} or {@code groq}
 * @param kind what speaks there: {@code openai} (also any OpenAI-compatible URL), {@code
 *     anthropic}, {@code gemini}, {@code bedrock}, {@code azure-openai}, {@code ollama} or {@code
 *     local}
 * @param baseUrl the endpoint, or empty for the library's default (for Azure OpenAI, the resource
 *     endpoint)
 * @param apiKeySecret the secret read with {@code Secrets.find} for the key, or empty when the
 *     provider needs none (Ollama; Bedrock uses the AWS credentials of the function)
 * @param options provider-specific strings: {@code region} (Bedrock), {@code serviceVersion} (Azure
 *     OpenAI), {@code maxTokens} (Anthropic, default 1024)
 */
public record ProviderSettings(
    String name,
    String kind,
    Optional<String> baseUrl,
    Optional<String> apiKeySecret,
    Map<String, String> options) {
  public ProviderSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKeySecret, "apiKeySecret");
    options = Map.copyOf(options);
  }

  /** The built-in settings of a well-known provider name, read from {@code env}. */
  static Optional<ProviderSettings> wellKnown(String name, Map<String, String> env) {
    return Optional.ofNullable(
        switch (name) {
          case "openai" ->
              of(
                  name,
                  "openai",
                  env.getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                  "OPENAI_API_KEY");
          case "anthropic" ->
              of(name, "anthropic", env.get("ANTHROPIC_BASE_URL"), "ANTHROPIC_API_KEY");
          case "gemini" -> of(name, "gemini", env.get("GEMINI_BASE_URL"), "GEMINI_API_KEY");
          case "azure-openai" ->
              of(name, "azure-openai", env.get("AZURE_OPENAI_ENDPOINT"), "AZURE_OPENAI_API_KEY");
          case "bedrock" -> of(name, "bedrock", null, null);
          case "ollama" ->
              of(
                  name,
                  "ollama",
                  env.getOrDefault("OLLAMA_BASE_URL", "http://localhost:11434"),
                  null);
          case "local" -> of(name, "local", null, null);
          default -> null;
        });
  }

  private static ProviderSettings of(String name, String kind, String baseUrl, String secret) {
    return new ProviderSettings(
        name, kind, Optional.ofNullable(baseUrl), Optional.ofNullable(secret), Map.of());
  }
}
