package dev.statecraft.examples.triage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic stand-in for a language model, used when no API key is set: it classifies by
 * keywords and drafts templated replies. Its model names start with {@code local-stand-in} so no
 * output can be mistaken for a real model's.
 */
public final class LocalStandInModel implements LanguageModel {
  private static final Map<String, String> KEYWORDS = new LinkedHashMap<>();
  private static final java.util.concurrent.atomic.AtomicBoolean ANNOUNCED =
      new java.util.concurrent.atomic.AtomicBoolean();

  static {
    KEYWORDS.put("lawsuit", "complex");
    KEYWORDS.put("breach", "complex");
    KEYWORDS.put("gdpr", "complex");
    KEYWORDS.put("outage", "complex");
    KEYWORDS.put("refund", "billing");
    KEYWORDS.put("invoice", "billing");
    KEYWORDS.put("charged", "billing");
    KEYWORDS.put("crash", "bug");
    KEYWORDS.put("error", "bug");
    KEYWORDS.put("password", "account");
    KEYWORDS.put("login", "account");
    KEYWORDS.put("how do i", "how-to");
  }

  /** A stand-in, saying once per process on stderr that no real model is used. */
  static LocalStandInModel announced() {
    if (ANNOUNCED.compareAndSet(false, true)) {
      System.err.println(
          "[support-triage] OPENAI_API_KEY is not set: answering with the deterministic local"
              + " stand-in model (model names start with 'local-stand-in')");
    }
    return new LocalStandInModel();
  }

  @Override
  public Completion complete(String tier, String system, String prompt) {
    String model = "local-stand-in/" + tier;
    String text = system.startsWith("Classify") ? classify(prompt) : reply(tier, prompt);
    return new Completion(text, model, words(system) + words(prompt), words(text));
  }

  private static String classify(String ticket) {
    String lower = ticket.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> k : KEYWORDS.entrySet()) {
      if (lower.contains(k.getKey())) {
        double confidence = k.getValue().equals("complex") ? 0.95 : 0.85;
        return "{\"category\": \"" + k.getValue() + "\", \"confidence\": " + confidence + "}";
      }
    }
    return "{\"category\": \"general\", \"confidence\": 0.4}";
  }

  private static String reply(String tier, String ticket) {
    String firstLine = ticket.lines().findFirst().orElse("").trim();
    return "Thanks for reaching out about \""
        + firstLine
        + "\". "
        + (tier.equals("large")
            ? "A senior engineer has reviewed your case and will follow up within one business day."
            : "Here is what usually fixes this: check the steps in our help center, then reply if it persists.");
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.trim().split("\\s+").length;
  }
}
