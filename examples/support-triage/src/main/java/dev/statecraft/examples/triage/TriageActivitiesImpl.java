package dev.statecraft.examples.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.llm.Answer;
import dev.statecraft.llm.LlmRouter;
import dev.statecraft.llm.ModelsUnavailable;
import java.io.IOException;

/**
 * The triage activities, on the model router: the routes {@code small} and {@code large} of {@code
 * src/main/resources/statecraft-llm.json} (OpenAI when {@code OPENAI_API_KEY} has a value, the
 * deterministic local stand-in otherwise).
 */
public class TriageActivitiesImpl implements TriageActivities {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLASSIFY =
      "Classify the support ticket into one of: billing, bug, how-to, account, complex. Answer with"
          + " JSON only: {\"category\": \"...\", \"confidence\": 0.0-1.0}.";
  private static final String REPLY =
      "You are a support agent. Draft a short, friendly reply to the ticket; category: ";

  private LlmRouter router;

  /** The router, made on the first call: its keys are read inside activities. */
  private synchronized LlmRouter router() {
    if (router == null) {
      router = LlmRouter.fromProject(TriageActivitiesImpl.class);
    }
    return router;
  }

  @Override
  public Classification classify(Ticket ticket) {
    Answer a = complete("small", CLASSIFY, text(ticket));
    Routing routing = Routing.of(a.choice());
    try {
      JsonNode answer = JSON.readTree(stripFences(a.text()));
      return new Classification(
          answer.path("category").asText("general"),
          answer.path("confidence").asDouble(0.0),
          a.modelName(),
          routing);
    } catch (IOException e) {
      return new Classification("general", 0.0, a.modelName(), routing);
    }
  }

  @Override
  public Reply draftReply(Ticket ticket, String category, String tier) {
    Answer a = complete(tier, REPLY + category, text(ticket));
    return new Reply(
        a.text(),
        a.modelName(),
        (int) a.usage().inputTokens(),
        (int) a.usage().outputTokens(),
        Routing.of(a.choice()));
  }

  /** One call on {@code route}; no target answering is {@link ModelUnavailable}, retried. */
  private Answer complete(String route, String system, String prompt) {
    try {
      return router().chat(route, system, prompt);
    } catch (ModelsUnavailable e) {
      throw new ModelUnavailable(e.getMessage());
    }
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
