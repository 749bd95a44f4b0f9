package dev.statecraft.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The offline stand-in, the target {@code local:NAME}: a deterministic function of the prompt, so
 * examples and tests run without a key and give the same output every time. It names itself {@code
 * local-stand-in/NAME}, so no output can be mistaken for a real model's, and counts a token per
 * word.
 *
 * <p>A system prompt that starts with {@code Classify} gets a JSON classification by keywords
 * ({@code {"category": "billing", "confidence": 0.85}}); anything else a templated reply quoting
 * the prompt's first line, a senior one for {@code local:large}.
 */
final class LocalStandIn implements ChatModel {
  private static final Map<String, String> KEYWORDS = new LinkedHashMap<>();

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

  private final String name;

  LocalStandIn(String name) {
    this.name = name;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    StringBuilder system = new StringBuilder();
    StringBuilder prompt = new StringBuilder();
    for (ChatMessage m : request.messages()) {
      if (m instanceof SystemMessage s) {
        system.append(s.text());
      } else if (m instanceof UserMessage u && u.hasSingleText()) {
        prompt.append(prompt.isEmpty() ? "" : "\n").append(u.singleText());
      }
    }
    String text =
        system.toString().startsWith("Classify")
            ? classify(prompt.toString())
            : reply(prompt.toString());
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .modelName("local-stand-in/" + name)
        .tokenUsage(
            new TokenUsage(words(system.toString()) + words(prompt.toString()), words(text)))
        .build();
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

  private String reply(String ticket) {
    String firstLine = ticket.lines().findFirst().orElse("").trim();
    return "Thanks for reaching out about \""
        + firstLine
        + "\". "
        + (name.equals("large")
            ? "A senior engineer has reviewed your case and will follow up within one business day."
            : "Here is what usually fixes this: check the steps in our help center, then reply if it persists.");
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.trim().split("\\s+").length;
  }
}
