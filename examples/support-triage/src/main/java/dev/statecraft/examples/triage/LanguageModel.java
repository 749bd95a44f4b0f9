package dev.statecraft.examples.triage;

/**
 * A chat model behind one method. {@link #fromEnvironment()} picks OpenAI when {@code
 * OPENAI_API_KEY} is set and the deterministic {@link LocalStandInModel} otherwise, so the example
 * runs offline.
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

  /** OpenAI when {@code OPENAI_API_KEY} is set, else the local stand-in. */
  static LanguageModel fromEnvironment() {
    String key = System.getenv("OPENAI_API_KEY");
    if (key == null || key.isBlank()) {
      return LocalStandInModel.announced();
    }
    return new OpenAiModel(
        key, System.getenv().getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"));
  }
}
