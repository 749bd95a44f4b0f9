package dev.statecraft.examples.triage;

import dev.statecraft.api.Secrets;
import java.util.Optional;

/**
 * A chat model behind one method. {@link #fromEnvironment()} picks OpenAI when the secret {@code
 * OPENAI_API_KEY} has a value and the deterministic {@link LocalStandInModel} otherwise, so the
 * example runs offline.
 */
public interface LanguageModel {
  /** One completion and what it cost. */
  record Completion(String text, String model, int inputTokens, int outputTokens) {}

  /**
   * Completes {@code prompt} with the model of the given tier.
   *
   * @param tier {@code small} (cheap, fast) or {@code large} (strong)
   */
  Completion complete(String tier, String system, String prompt);

  /**
   * OpenAI when the secret {@code OPENAI_API_KEY} has a value, else the local stand-in. Call it
   * inside an activity method: secrets are read where the activity runs, never at start-up.
   */
  static LanguageModel fromEnvironment() {
    Optional<String> key = Secrets.find("OPENAI_API_KEY").filter(k -> !k.isBlank());
    if (key.isEmpty()) {
      return LocalStandInModel.announced();
    }
    return new OpenAiModel(
        key.get(), System.getenv().getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"));
  }
}
