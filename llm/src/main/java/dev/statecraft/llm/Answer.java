package dev.statecraft.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;

/**
 * A model's answer through a route.
 *
 * @param text the answer's text ({@code ""} when the model only called tools)
 * @param modelName the model that answered, as it names itself (such as {@code
 *     gpt-4o-mini-2024-07-18}, or {@code local-stand-in/small} for the offline stand-in)
 * @param choice what the router did: the route, the target, the fallbacks and the usage
 * @param response LangChain4j's full response (tool calls, finish reason)
 */
public record Answer(String text, String modelName, ModelChoice choice, ChatResponse response) {
  public Answer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(response, "response");
  }

  /** The answer's tokens and cost. */
  public Usage usage() {
    return choice.usage();
  }
}
