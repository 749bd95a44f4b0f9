package dev.statecraft.llm;

/**
 * Tokens and dollars spent by model calls.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param usd cost in US dollars at the router's price table ({@code 0} for unpriced models)
 */
public record Usage(long inputTokens, long outputTokens, double usd) {
  /** Nothing spent. */
  public static final Usage NONE = new Usage(0, 0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0 || usd < 0 || Double.isNaN(usd)) {
      throw new IllegalArgumentException(
          "usage cannot be negative: " + inputTokens + ", " + outputTokens + ", " + usd);
    }
  }

  /** Input plus output tokens. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /** This usage and {@code other} together. */
  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens, outputTokens + other.outputTokens, usd + other.usd);
  }
}
