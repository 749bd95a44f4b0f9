package dev.statecraft.llm;

import java.util.Objects;

/**
 * One place a route can send a call: a provider and a model, written {@code provider:model}, such
 * as {@code openai:gpt-4o-mini}, {@code anthropic:claude-3-5-haiku-latest} or {@code
 * ollama:llama3.2:1b} (the model is everything after the first colon).
 *
 * @param provider a provider's name in the config ({@code openai}, {@code anthropic}, {@code
 *     gemini}, {@code bedrock}, {@code azure-openai}, {@code ollama}, {@code local}, or one the
 *     config declares)
 * @param model the provider's model name (for Azure OpenAI, the deployment)
 */
public record Target(String provider, String model) {
  public Target {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (provider.isBlank() || model.isBlank()) {
      throw new IllegalArgumentException(
          "a target is 'provider:model', got '" + provider + ":" + model + "'");
    }
  }

  /** Parses {@code provider:model}. */
  public static Target parse(String text) {
    String t = text.strip();
    int colon = t.indexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException(
          "a target is 'provider:model' (such as 'openai:gpt-4o-mini'), got '" + text + "'");
    }
    return new Target(t.substring(0, colon), t.substring(colon + 1));
  }

  /** {@code provider:model}. */
  @Override
  public String toString() {
    return provider + ":" + model;
  }
}
