package dev.statecraft.examples.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The triage activities, backed by whichever {@link LanguageModel} the environment provides. */
public class TriageActivitiesImpl implements TriageActivities {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLASSIFY =
      "Classify the support ticket into one of: billing, bug, how-to, account, complex. Answer with"
          + " JSON only: {\"category\": \"...\", \"confidence\": 0.0-1.0}.";
  private static final String REPLY =
      "You are a support agent. Draft a short, friendly reply to the ticket; category: ";

  private LanguageModel model;

  /** The model, chosen on the first call: secrets are read inside activities, not at start-up. */
  private synchronized LanguageModel model() {
    if (model == null) {
      model = LanguageModel.fromEnvironment();
    }
    return model;
  }

  @Override
  public Classification classify(Ticket ticket) {
    LanguageModel.Completion c = model().complete("small", CLASSIFY, text(ticket));
    try {
      JsonNode answer = JSON.readTree(stripFences(c.text()));
      return new Classification(
          answer.path("category").asText("general"),
          answer.path("confidence").asDouble(0.0),
          c.model());
    } catch (IOException e) {
      return new Classification("general", 0.0, c.model());
    }
  }

  @Override
  public Reply draftReply(Ticket ticket, String category, String tier) {
    LanguageModel.Completion c = model().complete(tier, REPLY + category, text(ticket));
    return new Reply(c.text(), c.model(), c.inputTokens(), c.outputTokens());
  }

  private static String text(Ticket t) {
    return t.subject() + "\n\n" + t.body();
  }

  private static String stripFences(String s) {
    String t = s.trim();
    if (t.startsWith("```")) {
      t = t.replaceAll("^```[a-z]*\\s*", "").replaceAll("```\\s*$", "");
    }
    return t;
  }
}
